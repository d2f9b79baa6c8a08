import type { z } from "zod";
import { fold } from "../core/fold.ts";
import type { personSchema } from "../core/schema.ts";
import { synthYear } from "./dates.ts";
import { type Nationality, synthName } from "./names.ts";
import type { Random } from "./random.ts";
import { type RawSource, synthCitations } from "./sources.ts";
import { PLACES, ROLES, TOPICS } from "./vocabulary.ts";

// Synthetic people, each active in one era, so events can name people of their own time.

export type RawPerson = z.input<typeof personSchema>;

/** A person as generated, with what events need to mention them fittingly. */
export interface SynthPerson {
  record: RawPerson;
  surname: string;
  /** A year the person was active in. */
  year: number;
}

const NATIONALITIES: ReadonlyArray<readonly [Nationality, number]> = [
  ["Norwegian", 45],
  ["Russian", 45],
  ["Sami", 10],
];

/** A lowercase kebab-case id from a name: "Øystein Sæther" → "oystein-saether". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Ids unique within a dataset: the second Ivan Petrov is "ivan-petrov-2". */
export class IdMaker {
  private readonly used = new Map<string, number>();

  make(base: string): string {
    const root = base || "record";
    const n = (this.used.get(root) ?? 0) + 1;
    this.used.set(root, n);
    // A numbered id could collide with a name that ends in a number; none of ours does.
    return n === 1 ? root : `${root}-${n}`;
  }
}

function decade(year: number): string {
  return year < 1900 ? `the ${Math.floor(year / 100) + 1}th century` : `the ${year - (year % 10)}s`;
}

function synthPerson(random: Random, sources: readonly RawSource[], ids: IdMaker): SynthPerson {
  const nationality = random.weighted(NATIONALITIES);
  const name = synthName(random, nationality);
  const year = synthYear(random);
  const pool = ROLES[nationality][year < 1800 ? "old" : "recent"];
  const roles = random.sample(pool, random.chance(0.2) ? 2 : 1);
  const pronoun = name.female ? "She" : "He";
  const summary = [
    `${name.name}, ${roles.join(" and ")}, was active in ${decade(year)}, as the synthetic sources describe.`,
    `${pronoun} is named in connection with ${random.pick(TOPICS)} and ${random.pick(PLACES)}.`,
    random.chance(0.5) &&
      `${pronoun} appears in ${nationality === "Russian" ? "Norwegian" : "Russian"} reports under more than one spelling.`,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    record: {
      id: ids.make(slug(name.name)),
      name: name.name,
      aliases: name.aliases,
      roles,
      summary,
      citations: synthCitations(random, sources, summary),
    },
    surname: name.surname,
    year,
  };
}

/** `count` people, each with a name, aliases, roles, a summary and citations. */
export function synthPeople(
  random: Random,
  count: number,
  sources: readonly RawSource[],
): SynthPerson[] {
  const ids = new IdMaker();
  return Array.from({ length: count }, () => synthPerson(random, sources, ids));
}

/** Picks people of a year's era: a window around that year in the people sorted by era. */
export class EraPicker {
  private readonly sorted: SynthPerson[];
  private readonly window: number;

  constructor(people: readonly SynthPerson[]) {
    this.sorted = [...people].sort((a, b) => a.year - b.year);
    this.window = Math.max(10, Math.ceil(people.length / 100));
  }

  /** Up to n distinct people active near this year; anyone at all for an undated record. */
  pick(random: Random, n: number, year?: number): SynthPerson[] {
    const all = this.sorted;
    if (n === 0 || all.length === 0) return [];
    if (year === undefined) return random.sample(all, n);
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((all[mid]?.year ?? 0) < year) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, Math.min(lo - this.window, all.length - 2 * this.window));
    const to = Math.min(all.length - 1, from + 2 * this.window - 1);
    // Indices rather than a sliced copy: this runs once per event, 100,000 times.
    const chosen = new Set<SynthPerson>();
    for (let tries = 0; chosen.size < n && tries < n * 4; tries++) {
      const person = all[random.int(from, to)];
      if (person) chosen.add(person);
    }
    return [...chosen];
  }
}
