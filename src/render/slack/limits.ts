// Slack's Block Kit limits in one place, so the renderer and its tests agree on them. A message
// that breaks any of these is refused outright by Slack (invalid_blocks), not trimmed.
// Lengths are counted in UTF-16 code units, which is never fewer than Slack's own count.

export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** A section's text object. */
  sectionText: 3000,
  /** A header's plain_text. */
  headerText: 150,
  /** Fields in one section. */
  sectionFields: 10,
  /** Each field's text. */
  fieldText: 2000,
  /** Elements in one context block. */
  contextElements: 10,
  /** A context element's text object. */
  contextText: 3000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** A button's plain_text label. */
  buttonText: 75,
  /** A button's value, which carries the call it replays. */
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /**
   * The top-level `text`, shown in notifications. Slack accepts far more; a notification needs
   * far less, and a short fallback is what screen readers and previews read out.
   */
  fallbackText: 3000,
} as const;
