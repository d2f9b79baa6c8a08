// Discord's message limits in one place, so the renderer and its tests agree on them. A message
// that breaks any of these is refused outright (400 Invalid Form Body), never trimmed by Discord.
// Lengths are counted in UTF-16 code units, which is never fewer than Discord's own count.

export const DISCORD_LIMITS = {
  /** An embed's title. */
  title: 256,
  /** An embed's description. */
  description: 4096,
  /** Fields in one embed. */
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Title, description, field names and values, footers and authors, across all embeds. */
  embedsTotal: 6000,
  /** Embeds in one message. */
  embeds: 10,
  /** A message's plain content. */
  content: 2000,
  /** A component's custom_id, which carries the call a button replays. */
  customId: 100,
  /** Buttons in one action row. */
  buttonsPerRow: 5,
  /** Action rows in one message. */
  rows: 5,
  buttonLabel: 80,
  /** Autocomplete choices in one answer. */
  choices: 25,
  /** An autocomplete choice's name, and a string choice's value. */
  choiceName: 100,
  choiceValue: 100,
  /** An attachment's description, its alt text (the attachment request structure). */
  attachmentDescription: 1024,
  /**
   * Bytes in one uploaded file. Reference › Uploading Files: the limit is per file, 10 MiB by
   * default for everyone, higher only with Nitro or a boosted server; an interaction's
   * `attachment_size_limit` is the larger of those, so 10 MiB is always safe, replies to
   * mentions included.
   */
  fileBytes: 10 * 1024 * 1024,
} as const;

/** The ephemeral message flag: only the person who asked sees the message. */
export const EPHEMERAL = 64;
