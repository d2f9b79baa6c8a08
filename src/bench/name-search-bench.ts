import Fuse from "fuse.js";
import { spellingKey } from "../core/fold.ts";
import { type Named, NameSearch } from "../core/name-search.ts";
import { synthPeople } from "../synth/people.ts";
import { mulberry32, Random } from "../synth/random.ts";
import { synthSources } from "../synth/sources.ts";
import { percentile } from "./stats.ts";

// /who autocomplete beside plain Fuse.js over the same names: build time, latency on prefixes
// and on typos, and how often the first suggestion is the name meant. Everything is seeded, so
// two runs measure the same queries over the same names and differ only by the machine's noise.

/** Where the names come from: the synthetic dataset's people, or `varied`, below. */
export type NameSource = "synthetic" | "varied";

const list = (words: string) => words.trim().split(/\s+/);
const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;

// The synthetic people draw from about a thousand words, so most surnames are shared. These are
// mostly one of a kind, made of a stem, a syllable and an ending: far more words to tell apart.
const FIRST = list(`Anniken Jonas Frode Ine Espen Bjørn Kjersti Sølvi Håkon Ørjan Åse Kåre Ingrid
  Tor Gro Ståle Synnøve Øystein Akhmed Mikhail Vyacheslav Sergey Dmitry Aleksey Yuri Nikolay
  Fyodor Olga Tatyana Yekaterina Yevgeny Khristina Ilya Pyotr Zakhar Yelena Lyudmila Oleg`);
const STEMS = list(`Huit Stø Sol Bråt Sæt Løv Grøn Aas Hau Strand Kvål Rønn Fjeld Nord Vik Tveit
  Brekk Skog Berg Rød Frøy Pavl Zakay Mikush Khrushch Lavr Petr Smirn Kuzn Sokol Volk Moroz
  Lebed Koval Zhuk Gromyk Kharit Tikh Shch Vasil Sidor Zaitz Bogd Medved Ryab Makh`);
const SYLLABLES = list("ka lo vi ne ro ta mi su de ha gu po ze");
const ENDS = list(`feldt re berg hen ås li land gen dal stad heim rud vik nes sen haug bø aker øy
  ov ev in ovsky sky enko ova skaya ikhin yev kin ushin ets ovich yaev anov tsky ykh`);

// Russian names are romanised several ways; an alias, or a typo, carries one of the others.
const ROMANISATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/kh/g, "h"],
  [/Kh/g, "H"],
  [/sky\b/g, "ski"],
  [/y\b/g, "iy"],
  [/\bYe/g, "E"],
  [/ks/g, "x"],
  [/yev\b/g, "ev"],
  [/ts/g, "tz"],
];

/** Another romanisation of a name, or the name itself when none of the rules applies. */
function romanise(name: string, rand: () => number): string {
  const rules = ROMANISATIONS.filter(([pattern]) => name.search(pattern) >= 0);
  if (!rules.length) return name;
  const [pattern, replacement] = pick(rand, rules);
  return name.replace(pattern, replacement);
}

/** Deterministic people with mostly rare surnames, each name unique after folding. */
export function variedNames(count: number, seed = 1): Named[] {
  const rand = mulberry32(seed);
  const seen = new Set<string>();
  const names: Named[] = [];
  while (names.length < count) {
    const first = pick(rand, FIRST);
    const middle = rand() < 0.6 ? pick(rand, SYLLABLES) : "";
    const last = pick(rand, STEMS) + middle + pick(rand, ENDS);
    const name = rand() < 0.2 ? `${first} ${pick(rand, FIRST)} ${last}` : `${first} ${last}`;
    const key = spellingKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const aliases = [romanise(name, rand), ...(rand() < 0.2 ? [`${first[0]}. ${last}`] : [])];
    names.push({ id: `p${names.length}`, name, aliases: aliases.filter((a) => a !== name) });
  }
  return names;
}

/** The synthetic dataset's people (`npm run data:synth`), as NameSearch takes them. */
export function syntheticNames(count: number, seed = 1): Named[] {
  const random = new Random(seed);
  const people = synthPeople(random, count, synthSources(random, 4));
  return people.map(({ record }) => ({
    id: record.id,
    name: record.name,
    aliases: record.aliases,
  }));
}

/** A misspelt query, and the spelling key of the name or surname it was meant to find. */
export interface Typo {
  query: string;
  meant: string;
  kind: (typeof KINDS)[number];
}

const KINDS = ["deletion", "swap", "diacritics", "transliteration"] as const;

/** The slip of one kind in a name, or undefined when that kind cannot change it. */
function misspell(text: string, kind: Typo["kind"], rand: () => number): string | undefined {
  const i = Math.floor(rand() * (text.length - 1));
  if (kind === "deletion")
    return text.length < 5 ? undefined : text.slice(0, i) + text.slice(i + 1);
  if (kind === "swap") {
    if (text.length < 5 || text[i] === text[i + 1]) return undefined;
    return text.slice(0, i) + (text[i + 1] ?? "") + (text[i] ?? "") + text.slice(i + 2);
  }
  const changed =
    kind === "diacritics"
      ? text
          .replace(/[øØæÆ]/g, (ch) => ({ ø: "o", Ø: "O", æ: "ae", Æ: "Ae" })[ch] ?? ch)
          .normalize("NFD")
          .replace(/\p{M}/gu, "")
      : romanise(text, rand);
  return changed === text ? undefined : changed;
}

/** A typo set from the names: slips in whole names and in surnames alone, each kind in turn. */
export function makeTypos(names: readonly Named[], count: number, seed = 2): Typo[] {
  const rand = mulberry32(seed);
  const typos: Typo[] = [];
  for (let tries = 0; typos.length < count && tries < count * 100; tries++) {
    const kind = KINDS[typos.length % KINDS.length] ?? "deletion";
    const { name } = pick(rand, names);
    const text = rand() < 0.5 ? name : (name.split(" ").at(-1) ?? name);
    const query = misspell(text, kind, rand);
    if (query) typos.push({ query, meant: spellingKey(text), kind });
  }
  return typos;
}

/** What people type into an autocomplete box: the first two to seven letters of a word. */
function makePrefixes(names: readonly Named[], count: number, seed = 3): string[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () =>
    pick(rand, pick(rand, names).name.split(" ")).slice(0, 2 + Math.floor(rand() * 6)),
  );
}

/** Milliseconds per query. */
export interface LatencyMs {
  p50: number;
  p99: number;
  max: number;
}

export interface EngineResult {
  /** Milliseconds to build from the names, the median of three builds. */
  buildMs: number;
  prefix: LatencyMs;
  typo: LatencyMs;
  /** Share of the typo set whose first suggestion has the name or surname meant. */
  top1: number;
}

export interface SizeResult {
  names: number;
  source?: NameSource;
  typoQueries: number;
  prefixQueries: number;
  barents: EngineResult;
  /** Plain Fuse.js over the raw names, with the options NameSearch gave it before its index. */
  fuse: EngineResult;
  /** Fuse's latency divided by NameSearch's, measured in the same run. */
  speedup: { prefixP50: number; typoP50: number; typoP99: number };
}

export interface BenchOptions {
  sizes?: readonly number[];
  source?: NameSource;
  /** Typo queries a size; Fuse takes up to a second a query at 100k names. */
  typos?: number;
  prefixes?: number;
  /** How many times NameSearch answers each query; Fuse answers each once, being slow. */
  rounds?: number;
  /**
   * Whether Fuse answers every query once untimed before it is timed, as NameSearch does (the
   * default). A quick run skips it: each Fuse query scans every name, so its code is compiled
   * within the first, and the top-1 pass has put every typo through it already.
   */
  warmFuse?: boolean;
  seed?: number;
}

/**
 * Per-query milliseconds, after one untimed pass (unless `warm` is false) so the JIT has
 * compiled every path.
 */
function time(
  queries: readonly string[],
  rounds: number,
  run: (q: string) => unknown,
  warm = true,
): LatencyMs {
  if (warm) for (const q of queries) run(q);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = performance.now();
      run(q);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    max: samples.at(-1) ?? 0,
  };
}

type Engine = (query: string) => ReadonlyArray<{ id: string }>;

/** Builds an engine, scores its first suggestions on the typos, then times it. */
function measure(
  build: () => Engine,
  spellings: ReadonlyMap<string, ReadonlySet<string>>,
  typos: readonly Typo[],
  prefixes: readonly string[],
  rounds: number,
  warm = true,
): EngineResult {
  // The median of three builds after an untimed one, which also pays for compiling. Each
  // replaces the one before, so at most two are alive at once (Fuse's index is large).
  let engine = build();
  const builds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    engine = build();
    builds.push(performance.now() - start);
  }
  const buildMs = percentile(
    builds.sort((a, b) => a - b),
    0.5,
  );
  const right = typos.filter((t) => {
    const top = engine(t.query)[0];
    return top !== undefined && (spellings.get(top.id)?.has(t.meant) ?? false);
  }).length;
  const queries = typos.map((t) => t.query);
  return {
    buildMs,
    prefix: time(prefixes, rounds, engine, warm),
    typo: time(queries, rounds, engine, warm),
    top1: typos.length ? right / typos.length : 0,
  };
}

/** NameSearch beside plain Fuse.js at each size: build time, latency and top-1 accuracy. */
export function benchNameSearch(options: BenchOptions = {}): SizeResult[] {
  const { sizes = [20_000, 100_000], source = "synthetic", seed = 1 } = options;
  const { typos = 200, prefixes = 100, rounds = 5, warmFuse = true } = options;
  return sizes.map((size) => {
    const names = (source === "varied" ? variedNames : syntheticNames)(size, seed);
    // Prominence is skewed, as events per person are: a few in many, most in one or two.
    const rand = mulberry32(seed);
    for (const n of names) n.weight = Math.floor(1 / (rand() + 0.01));
    // Right is a first suggestion with the name meant, or with the surname meant when only a
    // surname was typed: any of the people who share it will do.
    const spellings = new Map(
      names.map((n) => {
        const keys = [n.name, ...(n.aliases ?? [])].map(spellingKey);
        return [n.id, new Set([...keys, ...keys.flatMap((k) => k.split(" "))])];
      }),
    );
    const typoSet = makeTypos(names, typos, seed + 1);
    const prefixSet = makePrefixes(names, prefixes, seed + 2);
    const barents = measure(
      () => {
        const search = new NameSearch(names);
        return (q) => search.search(q);
      },
      spellings,
      typoSet,
      prefixSet,
      rounds,
    );
    const fuse = measure(
      () => {
        const options = { keys: ["name", "aliases"], ignoreLocation: true, threshold: 0.6 };
        const index = new Fuse(names, options);
        return (q) => index.search(q, { limit: 25 }).map((r) => r.item);
      },
      spellings,
      typoSet,
      prefixSet,
      1,
      warmFuse,
    );
    return {
      names: size,
      source,
      typoQueries: typoSet.length,
      prefixQueries: prefixSet.length,
      barents,
      fuse,
      speedup: {
        prefixP50: fuse.prefix.p50 / barents.prefix.p50,
        typoP50: fuse.typo.p50 / barents.typo.p50,
        typoP99: fuse.typo.p99 / barents.typo.p99,
      },
    };
  });
}
