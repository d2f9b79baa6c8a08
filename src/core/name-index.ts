import { spellingKey } from "./fold.ts";
import { type CandidateOptions, GramIndex } from "./gram-index.ts";
import { romanize } from "./romanize.ts";

/**
 * The distinct spellings of many entries, each with the entries that have it: sorted, so exact
 * and prefix lookups are binary searches, and indexed by letter pairs for typos.
 */
export class NameIndex {
  /** Every distinct spelling in code-unit order, so those with a common prefix are adjacent. */
  readonly terms: readonly string[];
  private readonly termStart: Int32Array;
  /** For each term, the entries that have it, ascending: the caller numbers entries by rank. */
  private readonly termEntries: Int32Array;
  private readonly grams: GramIndex;
  /** For each entry, the terms it has: the other way round, to check a candidate's words. */
  private readonly entryStart: Int32Array;
  private readonly entryTerms: Int32Array;

  /** `names[e]` are entry e's name and aliases as written; entries are numbered in rank order. */
  constructor(names: readonly (readonly string[])[]) {
    // Each entry's spellings: its name and aliases as spelling keys, and every word of them, so
    // a surname alone matches. Ids in order of first sight for now, renumbered once sorted.
    const ids = new Map<string, number>();
    const seen: string[] = [];
    const owned: number[] = [];
    const firstWordOf: number[] = [];
    const entryStart = new Int32Array(names.length + 1);
    const add = (spelling: string, from: number): number => {
      let id = ids.get(spelling);
      if (id === undefined) {
        id = seen.length;
        ids.set(spelling, id);
        seen.push(spelling);
      }
      for (let i = from; i < owned.length; i++) if (owned[i] === id) return id;
      owned.push(id);
      return id;
    };
    // Names share most of their words, so each is folded once; folding never joins or splits
    // across a space, so word by word it gives the same key as the whole name at once.
    const folded = new Map<string, string>();
    const parts: string[] = [];
    for (let entry = 0; entry < names.length; entry++) {
      const from = owned.length;
      for (const text of names[entry] ?? []) {
        parts.length = 0;
        for (const word of text.split(" ")) {
          let part = folded.get(word);
          if (part === undefined) {
            // Queries are romanised (name-search.ts), so a name in Cyrillic is indexed as
            // the Latin spelling such a query becomes; Latin words pass through unchanged.
            part = spellingKey(romanize(word));
            folded.set(word, part);
          }
          if (part) parts.push(part);
        }
        if (parts.length === 0) continue;
        const key = add(parts.join(" "), from);
        // A word of punctuation-joined initials ("J.G.") folds to more than one word.
        if (parts.length > 1 || parts[0]?.includes(" ")) {
          let first = -1;
          for (const part of parts) {
            for (const word of part.includes(" ") ? part.split(" ") : [part]) {
              const id = add(word, from);
              if (first < 0) first = id;
            }
          }
          firstWordOf[key] = first;
        }
      }
      entryStart[entry + 1] = owned.length;
    }

    // The default sort compares code units, the same order startsWith ranges follow.
    const terms = seen.sort();
    const renamed = new Int32Array(terms.length);
    terms.forEach((t, i) => {
      renamed[ids.get(t) ?? 0] = i;
    });
    this.terms = terms;
    const firstWord = new Int32Array(terms.length).fill(-1);
    firstWordOf.forEach((word, key) => {
      firstWord[renamed[key] ?? 0] = renamed[word] ?? 0;
    });

    this.termStart = new Int32Array(terms.length + 1);
    for (const id of owned) {
      const t = (renamed[id] ?? 0) + 1;
      this.termStart[t] = (this.termStart[t] ?? 0) + 1;
    }
    for (let t = 0; t < terms.length; t++) {
      this.termStart[t + 1] = (this.termStart[t + 1] ?? 0) + (this.termStart[t] ?? 0);
    }
    this.termEntries = new Int32Array(owned.length);
    const fill = this.termStart.slice(0, terms.length);
    for (let entry = 0; entry < names.length; entry++) {
      for (let i = entryStart[entry] ?? 0; i < (entryStart[entry + 1] ?? 0); i++) {
        const t = renamed[owned[i] ?? 0] ?? 0;
        this.termEntries[fill[t] ?? 0] = entry;
        fill[t] = (fill[t] ?? 0) + 1;
      }
    }
    this.grams = new GramIndex(terms, firstWord);
    this.entryStart = entryStart;
    this.entryTerms = Int32Array.from(owned, (id) => renamed[id] ?? 0);
  }

  /** The spellings (as ordinals) that entry e has: its name, its aliases and their words. */
  termsOf(entry: number): Int32Array {
    return this.entryTerms.subarray(this.entryStart[entry], this.entryStart[entry + 1]);
  }

  /** How many entry-spelling pairs the ordinals [from, to) hold: the cost of walking them. */
  entryCount(from: number, to: number): number {
    return (this.termStart[to] ?? 0) - (this.termStart[from] ?? 0);
  }

  /** The ordinal of a spelling, or -1 when no entry has it. */
  find(term: string): number {
    const i = this.lowerBound(term);
    return this.terms[i] === term ? i : -1;
  }

  /** The ordinals [from, to) of the spellings that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let lo = from;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] ?? "").startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /** The entries that have this spelling, in rank order. */
  entriesOf(term: number): Int32Array {
    return this.termEntries.subarray(this.termStart[term], this.termStart[term + 1]);
  }

  /** Ordinals of spellings that look like the query, the likeliest first few hundred. */
  candidates(query: string, options: CandidateOptions): number[] {
    return this.grams.candidates(query, options);
  }

  private lowerBound(text: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] ?? "") < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
