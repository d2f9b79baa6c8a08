import { createRequire } from "node:module";
import type Database from "better-sqlite3";
import {
  FIELD_BOOST,
  kindOfDoc,
  type RecordKind,
  SEARCH_FIELDS,
  type SearchDocument,
} from "./search-documents.ts";
import { termsOf, wordsOf } from "./search-terms.ts";
import { Vocabulary } from "./vocabulary.ts";

// Ranked full-text search over every record, on SQLite's FTS5 in an in-memory database: BM25
// with a weight per field, so a title or name hit outranks a quote hit. Each field is stored as
// the project's own terms (search-terms.ts), so FTS5 only splits on spaces and the fold decides
// what meets what. Typos are met by adding the index's own terms within an edit or two of a word
// it does not hold (vocabulary.ts); the word being typed, the last, also matches as a prefix.
//
// Chosen over MiniSearch and FlexSearch by measurement (BENCHMARKS.md, the closing note of issue
// 13): on the 52 judged queries MiniSearch scored hit@3 1.000, FTS5 0.981, FlexSearch's own
// ranking 0.885; at 100,000 events MiniSearch took 20 s and 421 MB to build and 1.7 s at p99
// (it scores every record a common word matches, in JavaScript), FlexSearch fast only with a
// hand-written top-k merge and 68 s and 938 MB to build, FTS5 6 s, 37 MB and some 55 ms.
//
// BM25 costs some 0.4 µs a matching record, so a word in 40,000 of 120,000 records took 20 ms to
// rank. Records are therefore stored shortest first (rowid order is length order) and a query
// ranks only its first CANDIDATES matches, the shortest: BM25 divides by length, so the best
// answers are nearly always among them. At 100k events the first page kept 99.93% of the exact
// ranking's score, and scored exactly as it on 79% of queries, the rest near-ties (BENCHMARKS.md). A query matching no more than CANDIDATES records (every query
// on the bundled data) is ranked exactly; past them, the rest follow shortest first, so paging
// still reaches every match once.

export interface TextHit {
  kind: RecordKind;
  /** The record's own id. */
  id: string;
  /** Higher is better. */
  score: number;
  /** The indexed terms of the record that matched, to mark in a snippet. */
  terms: string[];
}

export interface TextQuery {
  /** Only these kinds of record. */
  kinds?: readonly RecordKind[];
  limit?: number;
  /** Hits to skip, for a later page. */
  offset?: number;
  /** Every word must match (a filter), not just some (a ranking). */
  all?: boolean;
  /** Whether typos and an unfinished last word count: yes while typing, no when filtering. */
  loose?: boolean;
}

// Loaded when the first index is built, not when this module is: the console and `ask` answer
// most commands without ever searching, and need not load a native module to do it.
const load = createRequire(import.meta.url);

/** Matching records ranked per query: see the top of the file. */
export const CANDIDATES = 3000;
// Each record's kind as a token in a column of its own ("_event"): no query's words can reach it,
// since words are letters and digits only. It is how a search keeps to kinds of record now that
// rowids follow length, not kind. (A column filter on the words would do too, at four times
// the cost: FTS5 must then read every match's positions.)
const KIND = "kind";
const kindToken = (kind: RecordKind) => `"_${kind}"`;
// The kind column weighs nothing.
const WEIGHTS = [...SEARCH_FIELDS.map((f) => FIELD_BOOST[f]), 0].join(", ");
// FTS5's bm25() is lower-is-better; it is negated into TextHit.score.
const RANK = `bm25(fts, ${WEIGHTS})`;
// One slip in a word of four letters or more, two from eight; numbers are never typos.
const slips = (term: string) =>
  /\d/.test(term) ? 0 : term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;

interface Expanded {
  /** The FTS5 query of each word. */
  clauses: string[];
  /** Index terms a hit may hold for them: the words and their typo readings. */
  accept: Set<string>;
  /** A start the last word may have, while it is being typed. */
  prefix?: string;
  /** Each word's term when its clause is that term alone (no typo readings, no prefix). */
  plain: Array<string | undefined>;
}

interface Ranked {
  row: number;
  /** bm25(): lower is better. */
  rank: number;
}

/** Full-text search over search documents, built once. */
export class TextSearch {
  private readonly db: Database.Database = new (load("better-sqlite3") as typeof Database)(
    ":memory:",
  );
  private readonly vocabulary = new Vocabulary();
  private readonly statements = new Map<string, Database.Statement>();
  /** The document of each rowid, less one. */
  private readonly byRow: SearchDocument[];
  private readonly candidates: number;
  private readonly kindSizes = new Map<RecordKind, number>();
  private spellings?: Map<string, string>;

  constructor(documents: readonly SearchDocument[], options: { candidates?: number } = {}) {
    // SQLite's LIMIT takes an integer: "no limit" is the largest one.
    this.candidates = Math.min(options.candidates ?? CANDIDATES, Number.MAX_SAFE_INTEGER);
    const columns = [...SEARCH_FIELDS, KIND].map((f) => `"${f}"`).join(", ");
    // Contentless (the documents stay in memory here) with full detail, which bm25 needs.
    this.db.exec(
      `CREATE VIRTUAL TABLE fts USING fts5(${columns}, tokenize="unicode61 remove_diacritics 0 tokenchars '_'", detail=full, content='')`,
    );
    const insert = this.db.prepare(
      `INSERT INTO fts(rowid, ${columns}) VALUES (?${", ?".repeat(SEARCH_FIELDS.length + 1)})`,
    );
    const rows = documents.map((doc) => {
      const kind = kindOfDoc(doc.id);
      this.kindSizes.set(kind, (this.kindSizes.get(kind) ?? 0) + 1);
      const fields = SEARCH_FIELDS.map((f) => termsOf(doc[f]));
      for (const terms of fields) for (const term of terms) this.vocabulary.add(term);
      const length = fields.reduce((sum, terms) => sum + terms.length, 0);
      return { doc, kind, length, fields: fields.map((terms) => terms.join(" ")) };
    });
    // Stable, so records of one length keep the order they came in.
    rows.sort((a, b) => a.length - b.length);
    this.byRow = rows.map((r) => r.doc);
    this.db.transaction(() => {
      rows.forEach((r, i) => {
        insert.run(i + 1, ...r.fields, `_${r.kind}`);
      });
    })();
    this.db.exec("INSERT INTO fts(fts) VALUES('optimize')");
    this.db.exec("CREATE VIRTUAL TABLE terms USING fts5vocab(fts, 'row')");
  }

  /** Frees the in-memory database; for a second index built only to compare with. */
  close(): void {
    this.db.close();
  }

  /** Records matching the words, best first: those holding every word, then those holding some. */
  search(query: string, options: TextQuery = {}): TextHit[] {
    const words = this.expand(query, options.loose ?? true);
    return words ? this.hits(words, options) : [];
  }

  /** How many records `search` would find in all. */
  count(query: string, options: TextQuery = {}): number {
    const words = this.expand(query, options.loose ?? true);
    return words ? this.countOf(words, options) : 0;
  }

  /** One page of `search` and the count of all it would find, the words read once for both. */
  page(query: string, options: TextQuery = {}): { total: number; hits: TextHit[] } {
    const words = this.expand(query, options.loose ?? true);
    if (!words) return { total: 0, hits: [] };
    const total = this.countOf(words, options);
    return { total, hits: total === 0 ? [] : this.hits(words, options) };
  }

  private hits(words: Expanded, options: TextQuery): TextHit[] {
    const offset = options.offset ?? 0;
    const wanted = offset + (options.limit ?? this.byRow.length);
    const every = this.ranked(this.matchOf(words.clauses.join(" AND "), options.kinds), wanted);
    let rows = every;
    if (!options.all && words.clauses.length > 1 && every.length < wanted) {
      const seen = new Set(every.map((r) => r.row));
      const match = this.matchOf(words.clauses.join(" OR "), options.kinds);
      const some = this.ranked(match, wanted + every.length);
      rows = [...every, ...some.filter((r) => !seen.has(r.row))];
    }
    return rows.slice(offset, wanted).map((r) => this.hitOf(r.row, -r.rank, words));
  }

  private countOf(words: Expanded, options: TextQuery): number {
    const [a, b, ...more] = words.plain;
    // FTS5 keeps how many records hold each term, so one or two plain words are counted without
    // reading their records: |A ∪ B| = |A| + |B| − |A ∩ B|, and an AND is three times cheaper
    // than an OR over the same lists (it skips through the longer one).
    if (!options.kinds && a !== undefined && more.length === 0) {
      if (words.plain.length === 1) return this.holding(a);
      if (b !== undefined && !options.all) {
        return this.holding(a) + this.holding(b) - this.counted(words.clauses.join(" AND "));
      }
    }
    const match = this.matchOf(words.clauses.join(options.all ? " AND " : " OR "), options.kinds);
    return this.counted(match);
  }

  private counted(match: string): number {
    const sql = "SELECT count(*) AS n FROM fts WHERE fts MATCH ?";
    return (this.statement(sql).get(match) as { n: number }).n;
  }

  /** How many records hold the term, from FTS5's own vocabulary table. */
  private holding(term: string): number {
    const row = this.statement("SELECT doc FROM terms WHERE term = ?").get(term) as
      | { doc: number }
      | undefined;
    return row?.doc ?? 0;
  }

  /** The ids of the records holding every word exactly, unranked: a filter, not a search. */
  matching(query: string, kind: RecordKind): string[] {
    const words = this.expand(query, false);
    if (!words) return [];
    const sql = "SELECT rowid AS row FROM fts WHERE fts MATCH ?";
    const match = this.matchOf(words.clauses.join(" AND "), [kind]);
    return (this.statement(sql).all(match) as Array<{ row: number }>).map(
      (r) => this.byRow[r.row - 1]?.id.slice(2) ?? "",
    );
  }

  /**
   * Words the index holds that are nearest to the query's words, as they are spelled in the
   * records' titles, names and labels: what an empty result offers instead.
   */
  nearestTerms(query: string, limit = 3): string[] {
    const spellings = this.spellingsOfTerms();
    // A few words, a few edits: past that a nonsense word would measure the whole vocabulary.
    const near = termsOf(query)
      .slice(0, 3)
      .flatMap((term) => this.vocabulary.near(term, Math.min(3, Math.max(1, term.length >> 1))));
    const shown = near.flatMap((term) => spellings.get(term) ?? []);
    return [...new Set(shown)].slice(0, limit);
  }

  /** Each word's FTS5 query: itself, its typo readings when the index lacks it, a prefix if last. */
  private expand(query: string, loose: boolean): Expanded | undefined {
    const terms = [...new Set(termsOf(query))];
    if (terms.length === 0) return undefined;
    const accept = new Set(terms);
    const last = terms.at(-1) ?? "";
    // The last word is read as unfinished only when the index does not hold it as a word: a
    // finished word would gather every longer one too (russia: russian, russians), which made
    // common words five times slower to rank and blurred what was asked.
    const typing = loose && last.length >= 3 && !this.vocabulary.has(last);
    const clauses = terms.map((term) => {
      // Terms are letters and digits only, so quoting them is all FTS5's syntax needs.
      const forms = [`"${term}"`];
      if (!loose) return forms[0] as string;
      if (typing && term === last) forms.push(`"${term}"*`);
      if (!this.vocabulary.has(term)) {
        for (const reading of this.vocabulary.near(term, slips(term))) {
          forms.push(`"${reading}"`);
          accept.add(reading);
        }
      }
      return forms.length === 1 ? (forms[0] as string) : `(${forms.join(" OR ")})`;
    });
    // Only where FTS5's tokenizer is sure to keep the term whole, as its vocabulary holds it.
    const plain = terms.map((term, i) =>
      clauses[i] === `"${term}"` && /^[a-z0-9]+$/.test(term) ? term : undefined,
    );
    return typing ? { clauses, accept, plain, prefix: last } : { clauses, accept, plain };
  }

  /** The first `wanted` matches in rank order: see CANDIDATES. */
  private ranked(match: string, wanted: number): Ranked[] {
    // The inner LIMIT takes the first matches in rowid order, the shortest; only those are ranked.
    const sql = `SELECT row, rank FROM (SELECT rowid AS row, ${RANK} AS rank FROM fts WHERE fts MATCH ? LIMIT ?) ORDER BY rank LIMIT ?`;
    const best = this.statement(sql).all(match, this.candidates, wanted) as Ranked[];
    if (best.length < this.candidates || wanted <= this.candidates) return best;
    const rest = `SELECT rowid AS row, ${RANK} AS rank FROM fts WHERE fts MATCH ? LIMIT ? OFFSET ?`;
    const after = this.statement(rest).all(match, wanted - best.length, this.candidates);
    return [...best, ...(after as Ranked[])];
  }

  /** The words' query, kept to some kinds of record if asked. */
  private matchOf(words: string, kinds?: readonly RecordKind[]): string {
    if (!kinds) return words;
    // FTS5 reads every record of each kind named, so it is told the fewer: the kinds wanted, or
    // those not wanted. /search's autocomplete wants all but the few sources.
    const size = (list: readonly RecordKind[]) =>
      list.reduce((sum, k) => sum + (this.kindSizes.get(k) ?? 0), 0);
    const others = [...this.kindSizes.keys()].filter((k) => !kinds.includes(k));
    if (others.length === 0) return words;
    const list = (of: readonly RecordKind[]) => of.map(kindToken).join(" OR ");
    if (size(others) < size(kinds)) return `(${words}) NOT (${list(others)})`;
    // No kind at all matches nothing: FTS5 has no "false", but a kind no record has will do.
    return `(${words}) AND (${kinds.length ? list(kinds) : '"_none"'})`;
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** A hit with the terms it matched, read from the document itself (only hits shown pay). */
  private hitOf(row: number, score: number, words: Expanded): TextHit {
    const doc = this.byRow[row - 1] as SearchDocument;
    const terms = new Set<string>();
    for (const field of SEARCH_FIELDS) {
      for (const term of termsOf(doc[field])) {
        if (words.accept.has(term) || (words.prefix && term.startsWith(words.prefix))) {
          terms.add(term);
        }
      }
    }
    return { kind: kindOfDoc(doc.id), id: doc.id.slice(2), score, terms: [...terms] };
  }

  /** Each term with its spellings in titles, names and labels; made on first use. */
  private spellingsOfTerms(): Map<string, string> {
    if (this.spellings) return this.spellings;
    const spellings = new Map<string, string>();
    for (const doc of this.byRow) {
      for (const text of [doc.title, doc.names, doc.labels]) {
        for (const w of wordsOf(text)) {
          // Numbers and short words make poor suggestions.
          if (w.term && w.term.length >= 4 && !/\d/.test(w.term) && !spellings.has(w.term)) {
            spellings.set(w.term, text.slice(w.start, w.end));
          }
        }
      }
    }
    this.spellings = spellings;
    return spellings;
  }
}
