import { describe, expect, it } from "vitest";
import { RELEVANCE_SET } from "../../src/bench/relevance-set.ts";
import { scoreRelevance } from "../../src/search/relevance.ts";
import { bundledContext } from "../support/context.ts";

// Relevance is measured, not guessed: the judged queries of src/bench/relevance-set.ts, written
// from the seed documents, scored as hit@3 and mean reciprocal rank over the bundled data.

const { index } = bundledContext();
const ranked = (query: string) =>
  index.text.search(query, { limit: 10 }).map((hit) => `${hit.kind}:${hit.id}`);

describe("search relevance on the bundled data", () => {
  it("holds at least 40 judged queries of every kind, each naming records that exist", () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(RELEVANCE_SET.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(
      [
        "cyrillic",
        "kind",
        "norwegian",
        "person",
        "place",
        "quote",
        "source",
        "typo",
        "year",
      ].sort(),
    );
    for (const c of RELEVANCE_SET) {
      for (const key of c.expect) {
        const [kind, id = ""] = key.split(":");
        const found =
          kind === "event"
            ? index.event(id)
            : kind === "person"
              ? index.person(id)
              : index.source(id);
        expect(found, `${c.query}: ${key}`).toBeDefined();
      }
    }
  });

  it("puts what a good answer needs in the top three for at least 90% of queries", () => {
    const score = scoreRelevance(RELEVANCE_SET, ranked);
    console.info(
      `search relevance: hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)} over ${score.queries} queries`,
    );
    expect(score.misses, JSON.stringify(score.misses, null, 1)).toHaveLength(score.misses.length);
    expect(score.hitAt3).toBeGreaterThanOrEqual(0.9);
  });
});

describe("scoreRelevance", () => {
  it("counts a query as a hit only when all its records are in the top three", () => {
    const score = scoreRelevance(
      [
        { query: "a", expect: ["x"] },
        { query: "b", expect: ["x", "y"] },
        { query: "c", expect: ["z"] },
      ],
      (q) => (q === "a" ? ["w", "x"] : q === "b" ? ["x", "w", "v", "y"] : []),
    );
    expect(score.hitAt3).toBeCloseTo(1 / 3);
    // Reciprocal ranks: a 1/2, b 1, c 0.
    expect(score.mrr).toBeCloseTo(0.5);
    expect(score.misses.map((m) => m.query)).toEqual(["b", "c"]);
  });
});
