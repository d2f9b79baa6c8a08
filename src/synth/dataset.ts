import { type RawEvent, synthEvents } from "./events.ts";
import { EraPicker, type RawPerson, synthPeople } from "./people.ts";
import { Random } from "./random.ts";
import { type RawSource, sourceCount, synthSources } from "./sources.ts";

// A whole synthetic dataset, for benchmarks and tests: the records data/*.json would hold, in
// memory, never touching the disk. The same options always give the same records.

export interface SynthOptions {
  events: number;
  people: number;
  /** Any integer; only its low 32 bits count. */
  seed?: number;
}

/** The three files' records, as plain JSON values (dates as strings), ready to write or parse. */
export interface SynthData {
  sources: RawSource[];
  people: RawPerson[];
  events: RawEvent[];
}

export const DEFAULT_SEED = 1;

/**
 * One stream per part, so a seed's people keep their names and ids whatever the number of
 * events, and a benchmark that varies one count compares like with like.
 */
function stream(seed: number, part: number): Random {
  return new Random((seed ^ Math.imul(part, 0x9e3779b9)) >>> 0);
}

/** A valid dataset of exactly this many events and people, deterministic for the seed. */
export function synthDataset({ events, people, seed = DEFAULT_SEED }: SynthOptions): SynthData {
  const sources = synthSources(stream(seed, 1), sourceCount(events + people));
  const persons = synthPeople(stream(seed, 2), people, sources);
  const picker = new EraPicker(persons);
  return {
    sources,
    people: persons.map((p) => p.record),
    events: synthEvents(stream(seed, 3), events, sources, picker),
  };
}
