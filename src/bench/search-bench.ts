import Fuse from "fuse.js";
import { PAGE_SIZE } from "../command/paginate.ts";
import type { EventIndex } from "../core/event-index.ts";
import { scoreRelevance } from "../search/relevance.ts";
import {
  FIELD_BOOST,
  kindOfDoc,
  SEARCH_FIELDS,
  type SearchDocument,
  searchDocuments,
} from "../search/search-documents.ts";
import { CANDIDATES, TextSearch } from "../search/text-search.ts";
import { RELEVANCE_SET } from "./relevance-set.ts";
import { type Latency, repeated, timeEach, timeOnce } from "./stats.ts";

// /search measured: relevance on the judged queries beside plain Fuse.js over the very same
// records and field weights, the full-text index's build time (it is built on first use), and
// search latency over queries drawn from the index itself.

export interface RelevanceFigures {
  hitAt3: number;
  mrr: number;
  misses: string[];
}

export interface SearchFigures {
  queries: number;
  barents: RelevanceFigures;
  fuse: RelevanceFigures;
}

export interface SearchSpeed {
  documents: number;
  buildMs: number;
  latency: Latency;
  queries: number;
}

/** How the capped ranking's first pages compare with exact BM25 over every match. */
export interface RankAgreement {
  /** How many matches a query ranks. */
  candidates: number;
  queries: number;
  /** First pages whose scores equal the exact ranking's, hit for hit (ties may swap records). */
  pagesEqual: number;
  /** The capped pages' summed scores over the exact pages' summed scores. */
  scoreKept: number;
}

const key = (doc: { id: string }) => `${kindOfDoc(doc.id)}:${doc.id.slice(2)}`;

/** Plain Fuse.js over the same documents and weights: what a bot would get off the shelf. */
function plainFuse(documents: readonly SearchDocument[]): (query: string) => string[] {
  const fuse = new Fuse(documents, {
    keys: SEARCH_FIELDS.map((name) => ({ name, weight: FIELD_BOOST[name] })),
    includeScore: true,
    ignoreDiacritics: true,
    // Records are long; a match anywhere in a field counts, as it does for Barents.
    ignoreLocation: true,
    threshold: 0.4,
  });
  return (query) => fuse.search(query, { limit: 10 }).map((r) => key(r.item));
}

const figures = (score: ReturnType<typeof scoreRelevance>): RelevanceFigures => ({
  hitAt3: score.hitAt3,
  mrr: score.mrr,
  misses: score.misses.map((m) => m.query),
});

/** hit@3 and MRR of Barents and of plain Fuse.js on the judged queries (bundled data). */
export function benchRelevance(index: EventIndex): SearchFigures {
  const barents = scoreRelevance(RELEVANCE_SET, (q) =>
    index.text.search(q, { limit: 10 }).map((h) => `${h.kind}:${h.id}`),
  );
  const fuse = scoreRelevance(
    RELEVANCE_SET,
    plainFuse(searchDocuments(index.dataset, index.events)),
  );
  return { queries: RELEVANCE_SET.length, barents: figures(barents), fuse: figures(fuse) };
}

/** Queries as people type them, drawn from the index: names, typos, places, years, words. */
export function searchQueries(index: EventIndex, count = 60): string[] {
  const step = <T>(list: readonly T[], n: number) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  const n = Math.ceil(count / 6);
  const people = step(index.dataset.people, n).map((p) => p.name);
  const events = step(index.events, n);
  return [
    ...people,
    ...people.map((name) => name.slice(0, -2)),
    ...people.map((name) => name.slice(0, 2) + name.slice(3)),
    ...step(index.topics, n).map((t) => t.name),
    ...events.map((e) => e.title.split(" ").slice(0, 2).join(" ")),
    ...events.flatMap((e) => (e.range ? [String(Math.floor(e.range.start / 10000))] : [])),
  ].slice(0, count);
}

/** Builds the full-text index and times searches (a count and a first page) over `queries`. */
export function benchSearchSpeed(
  index: EventIndex,
  queries: readonly string[] = searchQueries(index),
  options: { runs?: number; rounds?: number } = {},
): SearchSpeed {
  const build = timeOnce(() => index.text);
  // What /search asks of the index: how many match, and the first page of them ranked.
  const latency = repeated(options.rounds ?? 5, () =>
    timeEach(queries, (q) => index.text.page(q, { limit: PAGE_SIZE }), {
      runs: options.runs ?? 200,
    }),
  );
  return {
    documents: index.events.length + index.dataset.people.length + index.dataset.sources.length,
    buildMs: Math.round(build.ms),
    latency,
    queries: queries.length,
  };
}

/** The timed queries and one or two words from across the events' titles and summaries. */
function agreementQueries(index: EventIndex): string[] {
  const words = index.events
    .filter((_, i) => i % Math.max(1, Math.floor(index.events.length / 200)) === 0)
    .map((e) => `${e.title} ${e.summary}`.split(/\s+/).filter((w) => w.length > 3));
  return [
    ...searchQueries(index),
    ...words.flatMap((w, i) => (w.length < 2 ? [] : [w[i % w.length], `${w[0]} ${w.at(-1)}`])),
  ].filter((q): q is string => Boolean(q));
}

/**
 * Ranking only the first matches (text-search.ts) beside exact BM25 over all of them, first page
 * against first page: what the cap costs in quality. Builds a second index, so run it last.
 */
export function benchRankAgreement(index: EventIndex): RankAgreement {
  const exact = new TextSearch(searchDocuments(index.dataset, index.events), {
    candidates: Number.POSITIVE_INFINITY,
  });
  const queries = agreementQueries(index);
  let equal = 0;
  let kept = 0;
  let all = 0;
  const sum = (hits: ReadonlyArray<{ score: number }>) => hits.reduce((n, h) => n + h.score, 0);
  const scores = (hits: ReadonlyArray<{ score: number }>) =>
    hits.map((h) => h.score.toFixed(9)).join();
  try {
    for (const q of queries) {
      const capped = index.text.search(q, { limit: PAGE_SIZE });
      const best = exact.search(q, { limit: PAGE_SIZE });
      if (scores(capped) === scores(best)) equal++;
      kept += sum(capped);
      all += sum(best);
    }
  } finally {
    exact.close();
  }
  return {
    candidates: CANDIDATES,
    queries: queries.length,
    pagesEqual: equal,
    scoreKept: all === 0 ? 1 : kept / all,
  };
}
