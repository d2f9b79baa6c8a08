import type { EventKind } from "./event-templates.ts";
import type { Random } from "./random.ts";

// Which kinds of event each era has, and which kinds get answered.

/** How long a chain of answers may grow: an expulsion, the answer, the answer to that. */
export const MAX_DEPTH = 3;
/** How often an event of a kind is answered by the next one. */
export const ANSWER_CHANCE: Partial<Record<EventKind, number>> = {
  // Only these kinds are answered; answer() knows what answers each.
  expulsion: 0.45,
  sanctions: 0.3,
  espionage: 0.2,
};

// Before 1800 the sources tell of traders, envoys and fortresses; ministers and sanctions come later.
const EARLY_KINDS: ReadonlyArray<readonly [EventKind, number]> = [
  ["history", 85],
  ["diplomacy", 10],
  ["border", 5],
];
const NINETEENTH_KINDS: ReadonlyArray<readonly [EventKind, number]> = [
  ["history", 40],
  ["diplomacy", 25],
  ["border", 20],
  ["politics", 10],
  ["culture", 5],
];
const MODERN_KINDS: ReadonlyArray<readonly [EventKind, number]> = [
  ["diplomacy", 18],
  ["expulsion", 10],
  ["sanctions", 7],
  ["border", 9],
  ["security", 10],
  ["espionage", 8],
  ["politics", 12],
  ["culture", 10],
  ["environment", 9],
  ["history", 7],
];

/** A kind of event fitting the year: no sanctions in 1300, few Pomor traders in 2020. */
export function kindFor(random: Random, year: number): EventKind {
  return random.weighted(year < 1800 ? EARLY_KINDS : year < 1900 ? NINETEENTH_KINDS : MODERN_KINDS);
}
