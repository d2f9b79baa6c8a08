import { stripControls } from "../../core/controls.ts";
import { escapedLength, escapeStripped } from "./mrkdwn.ts";

// Long data is cut, never refused: Slack rejects a whole message when one text is too long.
// The cut is made on the raw text and measured escaped, so an entity (`&amp;`) is never split,
// and it falls at a line or sentence end where one is near, at a word otherwise.

const ELLIPSIS = "…";
// A boundary further back than this share of the room would throw away too much text.
const NEAR = 0.5;
const SENTENCE_END = /[.!?…]["”’)\]]?(?=\s)/g;

/** Where to cut `head` (which already fits) so that the cut reads naturally. */
function boundary(head: string): { at: number; clean: boolean } {
  const floor = Math.max(1, Math.floor(head.length * NEAR));
  const line = head.lastIndexOf("\n");
  if (line >= floor) return { at: line, clean: true };
  let sentence = -1;
  for (const m of head.slice(floor).matchAll(SENTENCE_END))
    sentence = floor + m.index + m[0].length;
  if (sentence >= floor) return { at: sentence, clean: true };
  const space = head.search(/\s\S*$/);
  if (space >= floor) return { at: space, clean: false };
  return { at: head.length, clean: false };
}

/**
 * Escapes `text` for a Slack text object and cuts it to at most `max` characters, ending a cut
 * with "…". An empty result means there was nothing worth showing.
 */
export function fitText(text: string, max: number): string {
  const clean = stripControls(text);
  const whole = escapeStripped(clean);
  if (whole.length <= max) return whole;
  // Room for " …" at a clean boundary, "…" after a word; reserve the larger.
  const room = max - 2;
  let size = 0;
  let end = 0;
  // By code point, so a surrogate pair (an emoji) is never split in two.
  for (const ch of clean) {
    const width = escapedLength(ch);
    if (size + width > room) break;
    size += width;
    end += ch.length;
  }
  const head = clean.slice(0, end);
  const cut = boundary(head);
  const kept = head.slice(0, cut.at).trimEnd();
  if (!kept) return ELLIPSIS;
  return escapeStripped(kept) + (cut.clean ? ` ${ELLIPSIS}` : ELLIPSIS);
}
