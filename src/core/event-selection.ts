import { yearsRange } from "./dates.ts";
import type { IndexedEvent } from "./event-index.ts";

// Narrowing the whole list of events by years, topics and people, as /timeline does, without
// touching the event objects: at 100,000 events a pass over the objects themselves costs tens of
// milliseconds in cache misses, while a pass over two typed arrays costs a fraction of one.
// Events are named by their position in the index's one order (timeline, then standing facts),
// so every list is sorted and a selection stays in timeline order.

/** What to narrow to; every part given must hold. */
export interface Narrowing {
  /** Years from..to inclusive; standing facts, having no date, never fall in a range. */
  years?: readonly [number, number];
  /** Position lists (from `positionsOf`) that an event must be on, each of them. */
  lists?: ReadonlyArray<Int32Array>;
}

// A range no standing fact can overlap: it starts after every day and ends before any.
const NEVER_START = 2 ** 31 - 1;
const NEVER_END = -1;

export class EventSelection {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly position = new Map<IndexedEvent, number>();
  /** Every position, for the unnarrowed list; made once, on first use, and never changed. */
  private every: readonly number[] | undefined;

  constructor(private readonly ordered: readonly IndexedEvent[]) {
    this.starts = new Int32Array(ordered.length);
    this.ends = new Int32Array(ordered.length);
    ordered.forEach((e, i) => {
      this.position.set(e, i);
      this.starts[i] = e.range?.start ?? NEVER_START;
      this.ends[i] = e.range?.end ?? NEVER_END;
    });
  }

  /** A list of events, in the index's order, as positions. */
  positionsOf(events: readonly IndexedEvent[]): Int32Array {
    return Int32Array.from(events, (e) => this.position.get(e) ?? -1);
  }

  /** The positions of the events that pass `narrowing`, ascending. */
  select(narrowing: Narrowing): readonly number[] {
    if (!narrowing.years && !narrowing.lists?.length) {
      this.every ??= Array.from(this.ordered, (_, i) => i);
      return this.every;
    }
    const lists = [...(narrowing.lists ?? [])].sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    const years = narrowing.years && yearsRange(...narrowing.years);
    const lo = years?.start ?? Number.NEGATIVE_INFINITY;
    const hi = years?.end ?? Number.POSITIVE_INFINITY;
    const inYears = (p: number) => (this.starts[p] ?? 0) <= hi && (this.ends[p] ?? 0) >= lo;
    const picked: number[] = [];
    if (!shortest) {
      for (let p = 0; p < this.ordered.length; p++) if (inYears(p)) picked.push(p);
      return picked;
    }
    // Walk the others alongside: all lists ascend, so each is read once.
    const at = others.map(() => 0);
    outer: for (const p of shortest) {
      if (narrowing.years && !inYears(p)) continue;
      for (let k = 0; k < others.length; k++) {
        const list = others[k] as Int32Array;
        let i = at[k] ?? 0;
        while (i < list.length && (list[i] ?? 0) < p) i++;
        at[k] = i;
        if (list[i] !== p) continue outer;
      }
      picked.push(p);
    }
    return picked;
  }

  /** The events at these positions. */
  events(positions: readonly number[]): IndexedEvent[] {
    return positions.map((p) => this.ordered[p] as IndexedEvent);
  }
}
