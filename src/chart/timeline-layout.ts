import type { IndexedEvent } from "../core/event-index.ts";

// Where the timeline chart puts each event and its label, in pixels, decided here rather than by
// the chart library so that no two labels overlap: labels go into a few rows above the line, each
// in the lowest row with room, and an event with no room is drawn but not labelled (and counted,
// so the reply can say how many). Pure: the same events, the same picture.

/** How exact an event's date is, shown by its mark's shape. */
export type Exactness = "day" | "month" | "year" | "longer";

export interface TimelineMark {
  id: string;
  /** Fractional year of the middle of the days its date could mean. */
  at: number;
  exactness: Exactness;
  kind: string;
  label?: string;
  /** 1 is the row just above the line; absent when unlabelled. */
  row?: number;
  /** A label near the right edge ends at its mark instead of starting there. */
  align?: "left" | "right";
}

export interface TimelineLayout {
  marks: TimelineMark[];
  /** The axis, in fractional years: a little wider than the events. */
  domain: [number, number];
  rows: number;
  unlabelled: number;
}

export const LABEL_ROWS = 6;
/** More marks than this make a blot, not a picture: a bigger timeline is asked to narrow. */
export const MAX_MARKS = 400;
/** Characters a label keeps; longer titles end in "…". */
const LABEL_CHARS = 30;
/** Noto Sans at 11 px averages about 6 px a character; a little more keeps labels apart. */
const CHAR_PX = 6.4;
/** Vega sizes the picture by its own estimate (0.8 em a character); past this, align right. */
const VEGA_CHAR_PX = 0.8 * 11;
const GAP_PX = 8;

const fractionalYear = (yyyymmdd: number) => {
  const year = Math.floor(yyyymmdd / 10000);
  const month = Math.floor((yyyymmdd % 10000) / 100);
  const day = yyyymmdd % 100;
  return year + ((month - 1) * 30.5 + (day - 1)) / 366;
};

function exactness(e: IndexedEvent): Exactness {
  const p = e.date?.precision;
  return p === "day" || p === "month" || p === "year" ? p : "longer";
}

/** A title cut to LABEL_CHARS at a word where it can be. */
export function shortLabel(title: string): string {
  if (title.length <= LABEL_CHARS) return title;
  const cut = title.slice(0, LABEL_CHARS - 1);
  // Cut inside a word: back to the word's start, unless that leaves too little.
  const space = title[LABEL_CHARS - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  return `${(space > LABEL_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Lays out dated events (undated ones have no place on a line) across `width` pixels. */
export function layoutTimeline(events: readonly IndexedEvent[], width: number): TimelineLayout {
  const dated = events.filter((e) => e.range);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const marks: TimelineMark[] = dated.map((e) => {
    const range = e.range ?? { start: 0, end: 0 };
    const at = (fractionalYear(range.start) + fractionalYear(range.end) + 1 / 366) / 2;
    lo = Math.min(lo, at);
    hi = Math.max(hi, at);
    return { id: e.id, at, exactness: exactness(e), kind: e.kind, label: shortLabel(e.title) };
  });
  // A single year, or one event, still gets an axis a year wide.
  const pad = Math.max(0.5, (hi - lo) * 0.03);
  const domain: [number, number] = [Math.floor(lo - pad), Math.ceil(hi + pad)];
  const px = (at: number) => ((at - domain[0]) / (domain[1] - domain[0])) * width;
  // Each row's rightmost occupied pixel so far; marks come in date order, so left to right.
  const rowEnds = Array.from({ length: LABEL_ROWS }, () => Number.NEGATIVE_INFINITY);
  let unlabelled = 0;
  for (const mark of marks) {
    const text = mark.label ?? "";
    const x = px(mark.at);
    const right = x + text.length * VEGA_CHAR_PX > width;
    const start = right ? x - text.length * CHAR_PX : x;
    const row = rowEnds.findIndex((end) => end + GAP_PX <= start);
    if (row < 0) {
      mark.label = undefined;
      unlabelled++;
      continue;
    }
    rowEnds[row] = right ? x : x + text.length * CHAR_PX;
    mark.row = row + 1;
    mark.align = right ? "right" : "left";
  }
  const rows = Math.max(1, ...marks.map((m) => m.row ?? 0));
  return { marks, domain, rows, unlabelled };
}
