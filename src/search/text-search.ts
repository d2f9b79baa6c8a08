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

const WEIGHTS = SEARCH_FIELDS.map((f) => FIELD_BOOST[f]).join(", ");
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
}

/** Full-text search over search documents, built once. */
export class TextSearch {
  private readonly db: Database.Database = new (load("better-sqlite3") as typeof Database)(
    ":memory:",
  );
  private readonly vocabulary = new Vocabulary();
  /** The first and last row of each kind: documents come grouped by kind. */
  private readonly rows = new Map<RecordKind, [number, number]>();
  private readonly statements = new Map<string, Database.Statement>();
  private spellings?: Map<string, string>;

  constructor(private readonly documents: readonly SearchDocument[]) {
    const columns = SEARCH_FIELDS.map((f) => `"${f}"`).join(", ");
    // Contentless (the documents stay in memory here) with full detail, which bm25 needs.
    this.db.exec(
      `CREATE VIRTUAL TABLE fts USING fts5(${columns}, tokenize='unicode61 remove_diacritics 0', detail=full, content='')`,
    );
    const insert = this.db.prepare(
      `INSERT INTO fts(rowid, ${columns}) VALUES (?${", ?".repeat(SEARCH_FIELDS.length)})`,
    );
    this.db.transaction(() => {
      documents.forEach((doc, i) => {
        const kind = kindOfDoc(doc.id);
        const range = this.rows.get(kind);
        if (range) range[1] = i + 1;
        else this.rows.set(kind, [i + 1, i + 1]);
        const fields = SEARCH_FIELDS.map((f) => {
          const terms = termsOf(doc[f]);
          for (const term of terms) this.vocabulary.add(term);
          return terms.join(" ");
        });
        insert.run(i + 1, ...fields);
      });
    })();
    this.db.exec("INSERT INTO fts(fts) VALUES('optimize')");
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
    const wanted = offset + (options.limit ?? this.documents.length);
    const every = this.ranked(words.clauses.join(" AND "), wanted, options.kinds);
    let rows = every;
    if (!options.all && words.clauses.length > 1 && every.length < wanted) {
      const seen = new Set(every.map((r) => r.row));
      const some = this.ranked(words.clauses.join(" OR "), wanted + every.length, options.kinds);
      rows = [...every, ...some.filter((r) => !seen.has(r.row))];
    }
    return rows.slice(offset, wanted).map((r) => this.hitOf(r.row, -r.rank, words));
  }

  private countOf(words: Expanded, options: TextQuery): number {
    const match = words.clauses.join(options.all ? " AND " : " OR ");
    const sql = `SELECT count(*) AS n FROM fts WHERE fts MATCH ?${this.within(options.kinds)}`;
    return (this.statement(sql).get(match) as { n: number }).n;
  }

  /** The ids of the records holding every word exactly, unranked: a filter, not a search. */
  matching(query: string, kind: RecordKind): string[] {
    const words = this.expand(query, false);
    if (!words) return [];
    const sql = `SELECT rowid AS row FROM fts WHERE fts MATCH ?${this.within([kind])}`;
    return (this.statement(sql).all(words.clauses.join(" AND ")) as Array<{ row: number }>).map(
      (r) => this.documents[r.row - 1]?.id.slice(2) ?? "",
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
    const clauses = terms.map((term) => {
      // Terms are letters and digits only, so quoting them is all FTS5's syntax needs.
      const forms = [`"${term}"`];
      if (!loose) return forms[0] as string;
      if (term === last && term.length >= 3) forms.push(`"${term}"*`);
      if (!this.vocabulary.has(term)) {
        for (const reading of this.vocabulary.near(term, slips(term))) {
          forms.push(`"${reading}"`);
          accept.add(reading);
        }
      }
      return forms.length === 1 ? (forms[0] as string) : `(${forms.join(" OR ")})`;
    });
    return loose && last.length >= 3 ? { clauses, accept, prefix: last } : { clauses, accept };
  }

  private ranked(match: string, limit: number, kinds?: readonly RecordKind[]) {
    const sql = `SELECT rowid AS row, ${RANK} AS rank FROM fts WHERE fts MATCH ?${this.within(kinds)} ORDER BY rank LIMIT ?`;
    return this.statement(sql).all(match, limit) as Array<{ row: number; rank: number }>;
  }

  /** Rows of these kinds only, by the ranges they were inserted in. */
  private within(kinds?: readonly RecordKind[]): string {
    if (!kinds) return "";
    const ranges = kinds.flatMap((k) => {
      const range = this.rows.get(k);
      return range ? [`rowid BETWEEN ${range[0]} AND ${range[1]}`] : [];
    });
    return ranges.length ? ` AND (${ranges.join(" OR ")})` : " AND 0";
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
    const doc = this.documents[row - 1] as SearchDocument;
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
    for (const doc of this.documents) {
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
