import MiniSearch, { type SearchResult } from "minisearch";
import { editDistance } from "../core/edit-distance.ts";
import {
  FIELD_BOOST,
  kindOfDoc,
  type RecordKind,
  SEARCH_FIELDS,
  type SearchDocument,
} from "./search-documents.ts";
import { termOf, termsOf, wordsOf } from "./search-terms.ts";

// Ranked full-text search over every record, on MiniSearch: BM25 scores per field, a radix tree
// for prefix and fuzzy terms. MiniSearch over FlexSearch because it ranks with per-field boosts
// and tells which terms matched where (what the snippets bold), and it scored better on the
// relevance set (BENCHMARKS.md). Terms are the project's own (search-terms.ts) on both sides.

export interface TextHit {
  kind: RecordKind;
  /** The record's own id. */
  id: string;
  score: number;
  /** The indexed terms that matched, to mark in a snippet. */
  terms: string[];
  /** Which fields each matched term was found in. */
  fields: string[];
}

export interface TextQuery {
  /** Only these kinds of record. */
  kinds?: readonly RecordKind[];
  limit?: number;
  /** Every word must match (a filter), not just some (a ranking). */
  all?: boolean;
  /** Whether typos and unfinished words count: yes while typing, no when filtering. */
  loose?: boolean;
}

// One slip in a word of four letters or more, two from eight: "kirkenez", "huitfedlt".
// Numbers are never fuzzy: 2022 is not a typo of 2023.
const fuzziness = (term: string) =>
  /\d/.test(term) ? false : term.length >= 8 ? 2 : term.length >= 4 ? 1 : false;
// A word is taken as a start only from three letters, so "a" does not match half the index.
const asPrefix = (term: string) => term.length >= 3;

/** The results not among `seen`, in order. */
function without(results: SearchResult[], seen: SearchResult[]): SearchResult[] {
  const ids = new Set(seen.map((r) => r.id));
  return results.filter((r) => !ids.has(r.id));
}

function hitOf(result: SearchResult): TextHit {
  const id = String(result.id);
  return {
    kind: kindOfDoc(id),
    id: id.slice(2),
    score: result.score,
    terms: result.terms,
    fields: [...new Set(Object.values(result.match).flat())],
  };
}

/** Full-text search over search documents, built once. */
export class TextSearch {
  private readonly mini: MiniSearch<SearchDocument>;
  private vocabulary?: Map<string, string>;

  constructor(private readonly documents: readonly SearchDocument[]) {
    this.mini = new MiniSearch<SearchDocument>({
      fields: [...SEARCH_FIELDS],
      tokenize: (text) => termsOf(text),
      processTerm: (term) => term,
      searchOptions: { boost: FIELD_BOOST },
    });
    this.mini.addAll(documents as SearchDocument[]);
  }

  /** Records matching the words, best first. */
  search(query: string, options: TextQuery = {}): TextHit[] {
    const terms = termsOf(query);
    if (terms.length === 0) return [];
    const loose = options.loose ?? true;
    const kinds = options.kinds;
    const run = (combineWith: "AND" | "OR") =>
      this.mini.search(terms.join(" "), {
        tokenize: (text) => text.split(" "),
        prefix: loose ? asPrefix : false,
        fuzzy: loose ? fuzziness : false,
        combineWith,
        ...(kinds ? { filter: (r: SearchResult) => kinds.includes(kindOfDoc(String(r.id))) } : {}),
      });
    // Records holding every word come first, then those holding some: a score that sums over
    // words would let a record full of one common word ("expulsion") outrank one that has both.
    const every = run("AND");
    const results =
      options.all || terms.length === 1 ? every : [...every, ...without(run("OR"), every)];
    const hits = results.map(hitOf);
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
  }

  /**
   * Words the index holds that are nearest to the query's words, as they are spelled in the
   * records: what an empty result offers instead.
   */
  nearestTerms(query: string, limit = 3): string[] {
    const vocabulary = this.words();
    const found: Array<{ word: string; distance: number }> = [];
    for (const wanted of termsOf(query)) {
      const max = Math.max(1, Math.floor(wanted.length / 2));
      for (const [term, word] of vocabulary) {
        const distance = editDistance(wanted, term, max);
        if (distance <= max) found.push({ word, distance });
      }
    }
    found.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
    return [...new Set(found.map((f) => f.word))].slice(0, limit);
  }

  /** Each indexed term with its first spelling in a title, name or label; made on first use. */
  private words(): Map<string, string> {
    if (this.vocabulary) return this.vocabulary;
    const vocabulary = new Map<string, string>();
    for (const doc of this.documents) {
      for (const text of [doc.title, doc.names, doc.labels]) {
        for (const w of wordsOf(text)) {
          // Numbers and short words make poor suggestions.
          if (w.term && w.term.length >= 4 && !/\d/.test(w.term) && !vocabulary.has(w.term)) {
            vocabulary.set(w.term, text.slice(w.start, w.end));
          }
        }
      }
    }
    this.vocabulary = vocabulary;
    return vocabulary;
  }
}

export { termOf };
