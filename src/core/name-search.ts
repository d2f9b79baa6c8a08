import Fuse from "fuse.js";
import { editDistance } from "./edit-distance.ts";
import { spellingKey } from "./fold.ts";

/** Something findable by name: a person, a place, a topic. */
export interface Named {
  id: string;
  name: string;
  aliases?: readonly string[];
  /** How prominent it is (events it appears in); breaks ties so "an" offers Huitfeldt first. */
  weight?: number;
}

export interface NameMatch {
  id: string;
  name: string;
  /** 0 is a perfect match, 1 no match at all; exact and prefix matches score below any typo. */
  score: number;
  exact: boolean;
}

interface Entry {
  id: string;
  name: string;
  /** The name and each alias, as spelling keys: "anniken huitfeldt". */
  keys: string[];
  /** Every word of every key, so a surname alone matches. */
  words: string[];
  weight: number;
}

export const MAX_SUGGESTIONS = 25;
const PREFIX_SCORE = 0.05;
// Typos are scored as edits per letter against the closest name, word or word start: one slip
// in three letters passes ("huitfedlt", "zakyaev"), "vardo" for the word "jarmo" (2 in 5) does not.
const TYPO_CUTOFF = 0.34;
// A typo in what is only the start of a word ranks behind the same typo in a whole word.
const PARTIAL_PENALTY = 0.05;
// Fuse only proposes candidates, so it may be generous; the edit distance decides.
const CANDIDATE_THRESHOLD = 0.6;
// Fuse cuts patterns at 32 characters.
const FUSE_MAX_PATTERN = 32;

/** Edits per letter from the query to the closest of an entry's spellings; 1 when none is close. */
function typoScore(query: string, entry: Entry): number {
  let best = 1;
  const within = (a: string, b: string, length: number, penalty: number) => {
    // Only distances that could pass the cut-off are worth counting in full.
    const max = Math.floor((TYPO_CUTOFF - penalty) * length);
    const d = editDistance(a, b, max);
    if (d <= max) best = Math.min(best, d / length + penalty);
  };
  for (const candidate of [...entry.keys, ...entry.words]) {
    within(query, candidate, Math.max(query.length, candidate.length), 0);
    if (candidate.length > query.length) {
      within(query, candidate.slice(0, query.length), query.length, PARTIAL_PENALTY);
    }
  }
  return best;
}

/** Fuzzy, spelling-insensitive lookup of names and aliases, ranked best first. */
export class NameSearch {
  private readonly entries: Entry[];
  private readonly fuse: Fuse<Entry>;
  /** Every whole spelling and every word, to the entries that have it. */
  private readonly exactIndex = new Map<string, Entry[]>();

  constructor(items: readonly Named[]) {
    this.entries = items.map((item) => {
      const keys = [item.name, ...(item.aliases ?? [])].map(spellingKey).filter(Boolean);
      return {
        id: item.id,
        name: item.name,
        keys,
        words: keys.flatMap((k) => k.split(" ")),
        weight: item.weight ?? 0,
      };
    });
    for (const entry of this.entries) {
      for (const key of new Set([...entry.keys, ...entry.words])) {
        this.exactIndex.set(key, [...(this.exactIndex.get(key) ?? []), entry]);
      }
    }
    this.fuse = new Fuse(this.entries, {
      keys: ["keys"],
      ignoreLocation: true,
      threshold: CANDIDATE_THRESHOLD,
    });
  }

  /** Entries whose name, alias or one of their words is exactly what was typed, after folding. */
  exact(query: string): NameMatch[] {
    return (this.exactIndex.get(spellingKey(query)) ?? []).map((entry) => ({
      id: entry.id,
      name: entry.name,
      score: 0,
      exact: true,
    }));
  }

  /** Best matches for what a person typed, at most `limit`, ready for autocomplete. */
  search(query: string, limit = MAX_SUGGESTIONS): NameMatch[] {
    const q = spellingKey(query);
    if (!q) return [];
    const found = new Map<string, { entry: Entry; score: number; exact: boolean }>();
    const offer = (entry: Entry, score: number, exact: boolean) => {
      const seen = found.get(entry.id);
      if (!seen || score < seen.score) found.set(entry.id, { entry, score, exact });
    };
    for (const entry of this.exactIndex.get(q) ?? []) offer(entry, 0, true);
    for (const entry of this.entries) {
      if (!found.has(entry.id) && [...entry.keys, ...entry.words].some((k) => k.startsWith(q))) {
        offer(entry, PREFIX_SCORE, false);
      }
    }
    // One slip in fewer than three letters is not a typo but a different name.
    if (q.length >= 3) {
      for (const { item } of this.fuse.search(q.slice(0, FUSE_MAX_PATTERN))) {
        if (found.has(item.id)) continue;
        const score = typoScore(q, item);
        if (score <= TYPO_CUTOFF) offer(item, Math.max(score, PREFIX_SCORE + 0.01), false);
      }
    }
    return [...found.values()]
      .sort(
        (a, b) =>
          a.score - b.score ||
          b.entry.weight - a.entry.weight ||
          a.entry.name.localeCompare(b.entry.name),
      )
      .slice(0, limit)
      .map(({ entry, score, exact }) => ({ id: entry.id, name: entry.name, score, exact }));
  }
}
