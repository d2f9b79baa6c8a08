// Relevance as figures: how often the records a good answer needs are in the first three hits
// (hit@3), and how high the first of them ranks (mean reciprocal rank).

export interface Judged {
  query: string;
  expect: readonly string[];
}

export interface RelevanceScore {
  queries: number;
  /** Share of queries whose expected records are all within the top three. */
  hitAt3: number;
  /** Mean over queries of 1 / the rank of the first expected record (0 when it is missing). */
  mrr: number;
  /** The queries that missed, with what came instead. */
  misses: Array<{ query: string; expect: readonly string[]; got: string[] }>;
}

/** Scores a ranking function (query → record keys, best first) against judged queries. */
export function scoreRelevance(
  cases: readonly Judged[],
  rank: (query: string) => readonly string[],
): RelevanceScore {
  let hits = 0;
  let reciprocal = 0;
  const misses: RelevanceScore["misses"] = [];
  for (const c of cases) {
    const got = rank(c.query);
    const top = got.slice(0, 3);
    if (c.expect.every((key) => top.includes(key))) hits++;
    else misses.push({ query: c.query, expect: c.expect, got: top });
    const first = c.expect[0];
    const at = first === undefined ? -1 : got.indexOf(first);
    if (at >= 0) reciprocal += 1 / (at + 1);
  }
  const n = Math.max(1, cases.length);
  return { queries: cases.length, hitAt3: hits / n, mrr: reciprocal / n, misses };
}
