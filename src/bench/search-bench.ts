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
