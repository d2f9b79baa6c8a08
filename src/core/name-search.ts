import Fuse from "fuse.js";
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
  keys: string[];
  words: string[];
  weight: number;
}

export const MAX_SUGGESTIONS = 25;
// Fuse's threshold bounds only its fuzzy part, so results are filtered on their score too.
// 0.3 lets one or two slips through in a surname ("huitfedlt") but not "vardo" for "Jarmo".
const FUZZY_CUTOFF = 0.3;
const PREFIX_SCORE = 0.05;

/** Fuzzy, spelling-insensitive lookup of names and aliases, ranked best first. */
export class NameSearch {
  private readonly entries: Entry[];
  private readonly fuse: Fuse<Entry>;

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
    this.fuse = new Fuse(this.entries, {
      keys: ["keys"],
      includeScore: true,
      ignoreLocation: true,
      threshold: FUZZY_CUTOFF,
    });
  }

  /** Best matches for what a person typed, at most `limit`, ready for autocomplete. */
  search(query: string, limit = MAX_SUGGESTIONS): NameMatch[] {
    const q = spellingKey(query);
    if (!q) return [];
    const best = new Map<string, { entry: Entry; score: number; exact: boolean }>();
    const offer = (entry: Entry, score: number, exact: boolean) => {
      const seen = best.get(entry.id);
      if (!seen || score < seen.score) best.set(entry.id, { entry, score, exact });
    };
    for (const entry of this.entries) {
      if (entry.keys.includes(q) || entry.words.includes(q)) offer(entry, 0, true);
      else if (
        entry.keys.some((k) => k.startsWith(q)) ||
        entry.words.some((w) => w.startsWith(q))
      ) {
        offer(entry, PREFIX_SCORE, false);
      }
    }
    // Fuse cuts patterns at 32 characters; a longer query still matches on its start.
    for (const hit of this.fuse.search(q.slice(0, 32))) {
      const score = hit.score ?? 1;
      if (score <= FUZZY_CUTOFF) offer(hit.item, Math.max(score, PREFIX_SCORE + 0.01), false);
    }
    return [...best.values()]
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
