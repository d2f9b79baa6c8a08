import { editDistance } from "./edit-distance.ts";
import { spellingKey } from "./fold.ts";
import { NameIndex } from "./name-index.ts";
import { MAX_BITS, QueryDistance } from "./query-distance.ts";
import { romanize } from "./romanize.ts";

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

export const MAX_SUGGESTIONS = 25;
const PREFIX_SCORE = 0.05;
// Typos are scored as edits per letter against the closest name, word or word start: one slip
// in three letters passes ("huitfedlt", "zakyaev"), "vardo" for the word "jarmo" (2 in 5) does not.
const TYPO_CUTOFF = 0.34;
// A typo in what is only the start of a word ranks behind the same typo in a whole word.
const PARTIAL_PENALTY = 0.05;
// Every typo ranks behind every prefix match.
const TYPO_FLOOR = PREFIX_SCORE + 0.01;
// How many spellings, those sharing the most letter pairs with a typo, are measured. The name
// meant is nearly always among the first few dozen; on the benchmark's typo sets at 20k names,
// 600 give the very 25 suggestions that measuring every spelling would 99% of the time, and
// the same first five every time, at a fraction of a millisecond.
const TYPO_CANDIDATES = 600;
// Past this many suggestions, collecting and sorting beats keeping a sorted short list.
const SHORT_LIST = 256;
// Words of a query matched in any order; more than this and the query is not a name.
const MAX_WORDS = 8;

/** What people type, as a spelling key: romanised first, so "Микушин" meets "Mikushin". */
function queryKey(query: string): string {
  return spellingKey(romanize(query));
}

/** Edits per letter from the query to a spelling or to its start; 1 when neither is close. */
function typoScore(query: string, spelling: string): number {
  let best = 1;
  const within = (a: string, b: string, length: number, penalty: number) => {
    // Only distances that could pass the cut-off are worth counting in full.
    const max = Math.floor((TYPO_CUTOFF - penalty) * length);
    const d = editDistance(a, b, max);
    if (d <= max) best = Math.min(best, d / length + penalty);
  };
  within(query, spelling, Math.max(query.length, spelling.length), 0);
  if (spelling.length > query.length) {
    within(query, spelling.slice(0, query.length), query.length, PARTIAL_PENALTY);
  }
  return best;
}

/**
 * Fuzzy, spelling-insensitive lookup of names and aliases, ranked best first. Exact and prefix
 * matches are binary searches over the sorted spellings; a typo is looked for only among the
 * few hundred spellings that share the most letter pairs with it, never among all of them.
 */
export class NameSearch {
  /** Items in rank order (most prominent first, then by name), which is every tie-break. */
  private readonly ranked: readonly Named[];
  /** Where each ranked item stood in the input, for exact(), which keeps input order. */
  private readonly position: Int32Array;
  private readonly index: NameIndex;
  /** Which entries the current query has already placed: marked with the query's stamp. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(items: readonly Named[]) {
    const weights = Float64Array.from(items, (item) => item.weight ?? 0);
    const names = items.map((item) => item.name);
    const order = items.map((_, i) => i);
    // localeCompare, as the list is finally shown; the sort is stable, so input order breaks
    // what is left of a tie.
    order.sort(
      (a, b) =>
        (weights[b] ?? 0) - (weights[a] ?? 0) || (names[a] ?? "").localeCompare(names[b] ?? ""),
    );
    this.ranked = order.map((i) => items[i] as Named);
    this.position = Int32Array.from(order);
    this.index = new NameIndex(this.ranked.map((item) => [item.name, ...(item.aliases ?? [])]));
    this.seen = new Int32Array(items.length);
  }

  /** Entries whose name, alias or one of their words is exactly what was typed, after folding. */
  exact(query: string): NameMatch[] {
    const term = this.index.find(queryKey(query));
    if (term < 0) return [];
    return [...this.index.entriesOf(term)]
      .sort((a, b) => (this.position[a] ?? 0) - (this.position[b] ?? 0))
      .map((e) => this.match(e, 0, true));
  }

  /** Best matches for what a person typed, at most `limit`, ready for autocomplete. */
  search(query: string, limit = MAX_SUGGESTIONS): NameMatch[] {
    const q = queryKey(query);
    const room = Math.floor(limit);
    if (!q || !(room > 0)) return [];
    if (++this.stamp === 2 ** 31) {
      this.stamp = 1;
      this.seen.fill(0);
    }
    const found: NameMatch[] = [];
    // Exact, then prefix, then typo: each scores below the next, so a full list stops early.
    const exact = this.index.find(q);
    if (exact >= 0) {
      for (const e of this.index.entriesOf(exact)) {
        this.seen[e] = this.stamp;
        if (found.length < room) found.push(this.match(e, 0, true));
      }
    }
    if (found.length === room) return found;
    // "huitfeldt anniken", "Støre, Jonas Gahr": the words of a name in another order.
    found.push(...this.anyOrder(q, room - found.length));
    if (found.length === room) return found;
    for (const e of this.prefixed(q, room - found.length)) {
      found.push(this.match(e, PREFIX_SCORE, false));
    }
    // One slip in fewer than three letters is not a typo but a different name.
    if (found.length === room || q.length < 3) return found;
    for (const [e, score] of this.typos(q, room - found.length)) {
      found.push(this.match(e, score, false));
    }
    return found;
  }

  /**
   * Entries not yet placed that have every word of a query of several words, in any order: a
   * token-set match. Every word but the last must be whole; the last may be the start of one,
   * as it is while typing, and then the match is not exact. The candidates are the entries of
   * the word with the fewest, checked against each entry's own few spellings, so a rare word
   * keeps even a 100k-name search short.
   */
  private anyOrder(q: string, room: number): NameMatch[] {
    const words = [...new Set(q.split(" "))];
    if (words.length < 2 || words.length > MAX_WORDS) return [];
    // Each word as the ordinals of the spellings it stands for: one, or for the last a range.
    const ranges = words.map((word, i): [number, number] => {
      if (i === words.length - 1) return this.index.prefixRange(word);
      const t = this.index.find(word);
      return t < 0 ? [0, 0] : [t, t + 1];
    });
    let driver: [number, number] = [0, 0];
    let fewest = Number.POSITIVE_INFINITY;
    for (const [from, to] of ranges) {
      const count = this.index.entryCount(from, to);
      if (count === 0) return [];
      if (count < fewest) [driver, fewest] = [[from, to], count];
    }
    const last = ranges.length - 1;
    const wholeLast = this.index.find(words[last] ?? "");
    const whole: number[] = [];
    const started: number[] = [];
    for (let t = driver[0]; t < driver[1]; t++) {
      for (const e of this.index.entriesOf(t)) {
        if (this.seen[e] === this.stamp) continue;
        // Ordinals, not strings, are compared: an entry holds a dozen spellings at most.
        const terms = this.index.termsOf(e);
        let all = true;
        for (let w = 0; w < last && all; w++) all = terms.includes(ranges[w]?.[0] ?? -1);
        if (!all) continue;
        const [from, to] = ranges[last] ?? [0, 0];
        if (!terms.some((term) => term >= from && term < to)) continue;
        this.seen[e] = this.stamp;
        (wholeLast >= 0 && terms.includes(wholeLast) ? whole : started).push(e);
      }
    }
    // Entries are numbered in rank order, so sorting them ranks them.
    whole.sort((a, b) => a - b);
    started.sort((a, b) => a - b);
    return [
      ...whole.map((e) => this.match(e, 0, true)),
      ...started.map((e) => this.match(e, PREFIX_SCORE, false)),
    ].slice(0, room);
  }

  /** The best `room` entries, by rank, with a spelling starting with q, not yet placed. */
  private prefixed(q: string, room: number): number[] {
    const [from, to] = this.index.prefixRange(q);
    const best: number[] = [];
    for (let t = from; t < to; t++) {
      const entries = this.index.entriesOf(t);
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i] ?? 0;
        // Each spelling's entries come in rank order, so past the worst kept one, none will do.
        if (room <= SHORT_LIST && best.length === room && e > (best[room - 1] ?? 0)) break;
        if (this.seen[e] === this.stamp) continue;
        this.seen[e] = this.stamp;
        if (room > SHORT_LIST) {
          best.push(e);
          continue;
        }
        let at = best.length;
        while (at > 0 && (best[at - 1] ?? 0) > e) at--;
        best.splice(at, 0, e);
        if (best.length > room) best.pop();
      }
    }
    return room > SHORT_LIST ? best.sort((a, b) => a - b).slice(0, room) : best;
  }

  /** The best `room` entries, by typo score then rank, among the spellings the index proposes. */
  private typos(q: string, room: number): Array<[number, number]> {
    const n = q.length;
    const prefixEdits = Math.floor((TYPO_CUTOFF - PARTIAL_PENALTY) * n);
    const wholeOk = (len: number) =>
      Math.abs(len - n) <= Math.floor(TYPO_CUTOFF * Math.max(n, len));
    // A letter pair moves by at most the edits allowed, and a longer spelling allows more.
    let slack = prefixEdits;
    for (let len = n; wholeOk(len); len++) slack = Math.floor(TYPO_CUTOFF * len);
    const terms = this.index.candidates(q, {
      slack,
      // A start of a word that needs no edit is a prefix match, already placed.
      lengthOk: (len) => wholeOk(len) || (len > n && prefixEdits > 0),
      limit: TYPO_CANDIDATES,
    });
    // The exact distances, a bit a letter, rule out most proposals at a fraction of the cost of
    // counting them cell by cell; typoScore then scores the few that pass just as before.
    const bits = n <= MAX_BITS ? new QueryDistance(q) : undefined;
    const scored: Array<[number, number]> = [];
    for (const t of terms) {
      const term = this.index.terms[t] ?? "";
      if (bits) {
        const whole = bits.measure(term) <= Math.floor(TYPO_CUTOFF * Math.max(n, term.length));
        if (!whole && !(term.length > n && bits.prefix <= prefixEdits)) continue;
      }
      const score = typoScore(q, term);
      if (score <= TYPO_CUTOFF) scored.push([t, Math.max(score, TYPO_FLOOR)]);
    }
    scored.sort((a, b) => a[1] - b[1]);
    const hits: Array<[number, number]> = [];
    let last = 0;
    for (const [t, score] of scored) {
      // Spellings come best first, so an entry's first score is its best; once the list is
      // full, only a spelling tied with the last one taken can still change it, by rank.
      if (hits.length >= room && score > last) break;
      last = score;
      for (const e of this.index.entriesOf(t)) {
        if (this.seen[e] === this.stamp) continue;
        this.seen[e] = this.stamp;
        hits.push([e, score]);
      }
    }
    return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, room);
  }

  private match(entry: number, score: number, exact: boolean): NameMatch {
    const item = this.ranked[entry] as Named;
    return { id: item.id, name: item.name, score, exact };
  }
}
