import type { Event } from "./schema.ts";

/**
 * The event this one must come after on a timeline: the one it answers, or the one a source
 * merely places it after. Ordering needs both; only replies tell them apart.
 */
export function predecessorOf(e: Pick<Event, "respondsTo" | "follows">): string | undefined {
  return e.respondsTo ?? e.follows;
}
