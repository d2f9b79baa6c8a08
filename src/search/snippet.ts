import type { Segment } from "../reply/reply.ts";
import { wordsOf } from "./search-terms.ts";

// A few words around where a record matched, with the matching words marked, so a person sees
// why it was found. Pure text in, segments out: each renderer draws the marks its own way.

/** About a sentence: short enough for a list of eight, long enough to read. */
export const SNIPPET_LENGTH = 160;

/**
 * The stretch of `text` around its first matching word, cut at word boundaries, with "…" where
 * it was cut; undefined when no word of it matches.
 */
export function snippet(
  text: string,
  matches: ReadonlySet<string>,
  length = SNIPPET_LENGTH,
): Segment[] | undefined {
  const words = wordsOf(text);
  const hit = words.findIndex((w) => w.term !== undefined && matches.has(w.term));
  if (hit === -1) return undefined;
  const first = words[hit] as { start: number };
  // Start a little before the match so it reads in context, at a word's start.
  let from = 0;
  if (text.length > length) {
    const before = words.filter(
      (w) => w.start <= first.start && first.start - w.start <= length / 4,
    );
    from = before[0]?.start ?? first.start;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const last = words.filter((w) => w.end <= to).at(-1);
    if (last && last.end > first.start) to = last.end;
  }
  const segments: Segment[] = [];
  if (from > 0) segments.push({ text: "…" });
  let at = from;
  for (const w of words) {
    if (w.start < from || w.end > to) continue;
    if (w.term === undefined || !matches.has(w.term)) continue;
    const last = segments.at(-1);
    const gap = text.slice(at, w.start);
    // "Frode Berg" is one marked stretch, not two marked words with a plain space between.
    if (last?.match && /^ +$/.test(gap)) last.text += gap + text.slice(w.start, w.end);
    else {
      if (gap) segments.push({ text: gap });
      segments.push({ text: text.slice(w.start, w.end), match: true });
    }
    at = w.end;
  }
  if (to > at) segments.push({ text: text.slice(at, to) });
  if (to < text.length) segments.push({ text: "…" });
  return segments;
}
