import type { IndexedEvent } from "../core/event-index.ts";
import { altText } from "./alt-text.ts";
import type { TimelineLayout } from "./timeline-layout.ts";

// The timeline chart in words: the summary under it and the text alternative for the picture,
// each date as the sources give it ("10th century", "April 2023"), never finer.

/** "from the 10th century to 2024", as the first and the latest-ending events are dated. */
function span(dated: readonly IndexedEvent[]): string {
  const first = dated[0];
  let last = first;
  for (const e of dated) if ((e.range?.end ?? 0) > (last?.range?.end ?? 0)) last = e;
  const when = (e: IndexedEvent | undefined) => {
    const w = e?.when ?? "";
    return /century/.test(w) ? `the ${w}` : w;
  };
  return first === last ? `dated ${when(first)}` : `from ${when(first)} to ${when(last)}`;
}

export function timelineSummary(
  layout: TimelineLayout,
  dated: readonly IndexedEvent[],
  undated: number,
): string {
  const n = layout.marks.length;
  const parts = [`${n} event${n === 1 ? "" : "s"} ${span(dated)}`];
  if (layout.unlabelled > 0) parts.push(`${layout.unlabelled} too close to others to label`);
  if (undated > 0) parts.push(`${undated} undated, not drawn`);
  return `${parts.join("; ")}. A mark's shape says how exactly its date is known.`;
}

export function timelineAlt(dated: readonly IndexedEvent[]): string {
  return altText(
    `Timeline chart of ${dated.length} events ${span(dated)}:`,
    dated.map((e, i) => `${e.when}, ${e.title}${i === dated.length - 1 ? "." : ";"}`),
  );
}
