import type { EventIndex, IndexedEvent } from "../core/event-index.ts";
import { COUNTRIES } from "../core/schema.ts";

// What the expulsions chart draws, counted from the index alone: per year, how many people each
// country expelled, as the sources number them. Pure, so the picture and its text alternative
// say the same thing.

export type Country = (typeof COUNTRIES)[number];

export interface ExpulsionBar {
  /** The year, or the first year of the `step` years the bar counts. */
  year: number;
  by: Country;
  count: number;
}

export interface ExpulsionSeries {
  /** The years on the axis, first to last, every one of them: a year with none is a gap. */
  from: number;
  to: number;
  /**
   * Years per bar: 1, or more where the years are too many to draw one by one (more than
   * MAX_BARS), each bar then counting a run of years starting at a multiple of it.
   */
  step: number;
  /** One bar per year and country that expelled anyone; none for a country that did not. */
  bars: ExpulsionBar[];
  totals: Record<Country, number>;
  /** The expulsions counted, in order: what the reply cites. */
  events: IndexedEvent[];
  /** The sources the counted expulsions cite, by id, in order of first use. */
  sources: string[];
  /** The sources' own words for who was expelled ("diplomats", "intelligence officers"). */
  nouns: string[];
  /**
   * Expulsions in the years asked whose date spans more than one year ("the 1920s"): no bar can
   * say which year they belong to, so they are left out and the reply says how many.
   */
  undrawn: number;
}

/** More years than this are drawn a run of years to a bar: a band per year would be a hairline. */
export const MAX_BARS = 40;
const STEPS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

/** The first year of the run of `step` years that holds `year`. */
export const stepStart = (year: number, step: number) => Math.floor(year / step) * step;

/** The one year a date falls in, or undefined if it spans several. */
function yearOf(e: IndexedEvent): number | undefined {
  if (!e.range) return undefined;
  const first = Math.floor(e.range.start / 10000);
  return first === Math.floor(e.range.end / 10000) ? first : undefined;
}

/**
 * Expulsions per year and country between `from` and `to` (inclusive; each defaults to the first
 * or last year with one). Undefined when no expulsion falls in those years.
 */
export function expulsionSeries(
  index: EventIndex,
  from = index.expulsionYears[0],
  to = index.expulsionYears.at(-1),
): ExpulsionSeries | undefined {
  if (from === undefined || to === undefined || from > to) return undefined;
  // The axis keeps to the years the data has expulsions in: "1 9999" draws 2020–2023, not ten
  // thousand bands, and the title states no span the data does not hold. A year with none
  // inside that span, asked for, stays on the axis as a gap.
  const first = Math.max(from, index.expulsionYears[0] ?? from);
  const last = Math.min(to, index.expulsionYears.at(-1) ?? to);
  const step =
    STEPS.find((n) => stepStart(last, n) / n - stepStart(first, n) / n + 1 <= MAX_BARS) ?? 1000;
  const counts = new Map<string, ExpulsionBar>();
  const totals: Record<Country, number> = { Norway: 0, Russia: 0 };
  const sources = new Set<string>();
  const nouns = new Set<string>();
  const seen = new Set<IndexedEvent>();
  const events: IndexedEvent[] = [];
  let undrawn = 0;
  for (const year of index.expulsionYears) {
    if (year < from || year > to) continue;
    for (const e of index.inYear(year)) {
      const x = e.expulsion;
      if (!x || seen.has(e)) continue;
      seen.add(e);
      const own = yearOf(e);
      if (own === undefined) {
        undrawn++;
        continue;
      }
      const start = stepStart(own, step);
      const key = `${start} ${x.by}`;
      const bar = counts.get(key) ?? { year: start, by: x.by, count: 0 };
      bar.count += x.count;
      counts.set(key, bar);
      totals[x.by] += x.count;
      events.push(e);
      nouns.add(x.who);
      for (const c of e.citations) sources.add(c.source);
    }
  }
  if (counts.size === 0 && undrawn === 0) return undefined;
  const order = (b: ExpulsionBar) => b.year * COUNTRIES.length + COUNTRIES.indexOf(b.by);
  return {
    from: first,
    to: last,
    step,
    bars: [...counts.values()].sort((a, b) => order(a) - order(b)),
    totals,
    events,
    sources: [...sources],
    nouns: [...nouns],
    undrawn,
  };
}
