import { stripControls } from "../../core/controls.ts";

// Slack reads `&`, `<` and `>` as control characters in text objects: `<!channel>`, `<@U123>` and
// `<https://x|label>` are markup. Escaping exactly those three turns anything a record or a person
// typed into text that shows as typed and never pings or links; Slack decodes only these three
// entities, so escaping anything else would show up as literal `&…;` noise.

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Data or user text made safe for a Slack text object (mrkdwn or plain_text). */
export function escapeMrkdwn(text: string): string {
  return escapeStripped(stripControls(text));
}

/** The escaping alone, for text whose control characters are already gone. */
export function escapeStripped(text: string): string {
  return text.replace(/[&<>]/g, (ch) => ENTITY[ch] ?? ch);
}

/** How long one character becomes once escaped. */
export function escapedLength(ch: string): number {
  if (ch === "&") return 5;
  return ch === "<" || ch === ">" ? 4 : ch.length;
}

/**
 * Text as Slack delivers it (a command's text, with `&`, `<` and `>` sent as entities) back to
 * what the person typed, so that a search for "Fish & Chips" is not a search for "&amp;".
 */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
