import type { z } from "zod";
import type { COUNTRIES, expulsionSchema } from "../core/schema.ts";
import type { Random } from "./random.ts";
import { withArticle } from "./summary.ts";

// Expulsions in both directions, with counts from one diplomat to dozens, and the tit-for-tat
// answers that make the timeline's respondsTo ordering matter.

export type Country = (typeof COUNTRIES)[number];
export type RawExpulsion = z.input<typeof expulsionSchema>;

export const ADJECTIVE: Record<Country, string> = { Norway: "Norwegian", Russia: "Russian" };

export function otherCountry(country: Country): Country {
  return country === "Norway" ? "Russia" : "Norway";
}

const WHO: ReadonlyArray<readonly [string, string]> = [
  ["diplomat", "diplomats"],
  ["intelligence officer", "intelligence officers"],
  ["embassy employee", "embassy employees"],
  ["consular official", "consular officials"],
  ["military attaché", "military attachés"],
  ["trade representative", "trade representatives"],
];

const REASONS = [
  "suspicion of espionage",
  "activities incompatible with their diplomatic status",
  "covert intelligence activities",
  "a breach of the Vienna Convention",
  "contacts with a suspected agent",
];

/** An expulsion's data block, with the title and opening clause that state it. */
export interface ExpulsionFacts {
  block: RawExpulsion;
  title: string;
  clause: string;
}

function howMany(random: Random): number {
  const [min, max] = random.weighted([
    [[1, 1], 40],
    [[2, 5], 35],
    [[6, 15], 20],
    [[16, 40], 5],
  ] as const);
  return random.int(min, max);
}

/** Country `by` expels people of the other; an answer mirrors the expulsion it answers. */
export function synthExpulsion(
  random: Random,
  by: Country,
  answers?: RawExpulsion,
): ExpulsionFacts {
  const of = otherCountry(by);
  // An answer usually matches the number expelled, sometimes raises it.
  const count = answers
    ? answers.count + (random.chance(0.7) ? 0 : random.int(1, 3))
    : howMany(random);
  const [one, many] = random.pick(WHO);
  const who = count === 1 ? one : many;
  const reason = answers
    ? random.chance(0.7)
      ? `in response to ${of}'s expulsion of ${ADJECTIVE[by]} ${answers.who}`
      : undefined
    : random.chance(0.6)
      ? random.pick(REASONS)
      : undefined;
  const people = `${ADJECTIVE[of]} ${who}`;
  const counted = count === 1 ? withArticle(people) : `${count} ${people}`;
  const title = random.chance(0.7)
    ? `${by} expels ${counted}`
    : `${by} declares ${counted} ${count === 1 ? "persona non grata" : "personae non gratae"}`;
  // "…, citing suspicion of espionage", but "… in response to Norway's expulsion of …".
  const because = reason ? (answers ? ` ${reason}` : `, citing ${reason}`) : "";
  const clause = `${by} expelled ${counted}${because}`;
  const block: RawExpulsion = { by, of, count, who };
  if (reason) block.reason = reason;
  return { block, title, clause };
}
