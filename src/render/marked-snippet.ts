import type { Segment } from "../reply/reply.ts";

/**
 * A search snippet drawn with its matching words emphasised: each segment escaped for the
 * platform, each match wrapped by `mark`. Undefined when it would not fit in `max`, so the
 * caller falls back to the plain detail, which its own fitting can shorten.
 */
export function markedSnippet(
  segments: readonly Segment[],
  escapeText: (text: string) => string,
  mark: (escaped: string) => string,
  max: number,
): string | undefined {
  const text = segments
    .map((s) => (s.match ? mark(escapeText(s.text)) : escapeText(s.text)))
    .join("");
  return text.length <= max ? text : undefined;
}
