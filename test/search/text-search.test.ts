import { describe, expect, it } from "vitest";
import { searchDocuments } from "../../src/search/search-documents.ts";
import { termOf, termsOf } from "../../src/search/search-terms.ts";
import { TextSearch } from "../../src/search/text-search.ts";
import { bundledContext } from "../support/context.ts";

// The full-text index over the bundled data: ranking, counting, paging, filtering by kind.

const { index } = bundledContext();
const text = index.text;
const keys = (hits: ReturnType<typeof text.search>) => hits.map((h) => `${h.kind}:${h.id}`);

describe("TextSearch", () => {
  it("ranks records holding every word before those holding some", () => {
    const [frode, arrested] = termsOf("frode arrested") as [string, string];
    const hits = text.search("frode arrested");
    expect(hits[0]?.terms.sort()).toEqual([arrested, frode].sort());
    const some = hits.findIndex((h) => !h.terms.includes(frode));
    const every = hits.findLastIndex((h) => h.terms.includes(frode) && h.terms.includes(arrested));
    expect(some === -1 || some > every).toBe(true);
  });

  it("gives a page and the count of all it finds in one call, as /search asks", () => {
    expect(text.page("diplomats", { offset: 3, limit: 3 })).toEqual({
      total: text.count("diplomats"),
      hits: text.search("diplomats", { offset: 3, limit: 3 }),
    });
    expect(text.page("xqzv")).toEqual({ total: 0, hits: [] });
  });

  it("counts what it finds, and pages through it without repeats", () => {
    const total = text.count("diplomats");
    const all = keys(text.search("diplomats"));
    expect(all).toHaveLength(total);
    const pages = [0, 3, 6].map((offset) => keys(text.search("diplomats", { offset, limit: 3 })));
    expect(pages.flat()).toEqual(all.slice(0, 9));
  });

  it("counts exactly however the count is made", () => {
    // One or two plain words are counted from FTS5's vocabulary; typos, prefixes and kinds by
    // reading the matches. Each must agree with the records a search returns.
    for (const query of ["norway", "norway russia", "kirkenes 2023", "huitfedlt", "huitf", "x"]) {
      expect(text.count(query)).toBe(text.search(query).length);
      expect(text.count(query, { all: true })).toBe(text.search(query, { all: true }).length);
    }
    expect(text.count("norway", { kinds: ["event"] })).toBe(
      text.search("norway", { kinds: ["event"] }).length,
    );
  });

  it("matches a typo only through terms the index holds, and an unfinished last word", () => {
    expect(keys(text.search("huitfedlt", { limit: 1 }))).toEqual(["person:anniken-huitfeldt"]);
    expect(keys(text.search("huitf", { limit: 1 }))).toEqual(["person:anniken-huitfeldt"]);
    expect(text.search("huitfedlt", { loose: false })).toEqual([]);
  });

  it("narrows to kinds of record", () => {
    const kindsOf = (kinds: Parameters<typeof text.search>[1]) =>
      new Set(text.search("norway", kinds).map((h) => h.kind));
    expect(kindsOf({})).toEqual(new Set(["event", "person", "source"]));
    expect(kindsOf({ kinds: ["event"] })).toEqual(new Set(["event"]));
    expect(kindsOf({ kinds: ["person"] })).toEqual(new Set(["person"]));
    // As autocomplete asks: all but the sources, which FTS5 is told as "not the sources".
    expect(kindsOf({ kinds: ["event", "person"] })).toEqual(new Set(["event", "person"]));
    expect(kindsOf({ kinds: [] })).toEqual(new Set());
    expect(text.count("huitfeldt", { kinds: ["person"] })).toBe(1);
    expect(text.count("huitfeldt", { kinds: ["source"] })).toBe(0);
  });

  it("reads a word the index holds as finished, and only an unheld last word as unfinished", () => {
    const diplomat = termOf("diplomats") as string;
    expect(text.search("diplomats").every((h) => h.terms.includes(diplomat))).toBe(true);
    expect(
      text.search("diplomati").some((h) => h.terms.includes(termOf("diplomatic") as string)),
    ).toBe(true);
  });

  it("lists the records holding every word exactly, for filters", () => {
    expect(text.matching("Solovetsky monastery", "event")).toEqual(["vardohus-fortress-1300"]);
    expect(text.matching("monastery", "person")).toEqual([]);
  });

  it("reads every query as words, never as FTS5 syntax", () => {
    for (const query of ['"', "NEAR(a b)", "a OR", "*", "title:kirkenes", "-", "^x"]) {
      expect(() => text.search(query)).not.toThrow();
      expect(() => text.count(query)).not.toThrow();
    }
  });
});

describe("TextSearch past its candidates", () => {
  // Only the first `candidates` matches, the shortest records, are ranked; the bundled data never
  // reaches the real limit, so a tiny one shows what a 100k index does with a common word.
  const documents = searchDocuments(index.dataset, index.events);
  const small = new TextSearch(documents, { candidates: 4 });
  const exact = new TextSearch(documents, { candidates: Number.POSITIVE_INFINITY });
  const ids = (hits: ReturnType<typeof text.search>) => hits.map((h) => `${h.kind}:${h.id}`);

  it("ranks exactly while a query matches no more than the candidates", () => {
    for (const query of ["kirkenes", "huitfeldt", "frode berg", "solovetsky monastery"]) {
      expect(ids(text.search(query, { limit: 8 }))).toEqual(ids(exact.search(query, { limit: 8 })));
    }
  });

  it("ranks the shortest matches, then pages through the rest once each", () => {
    const total = exact.count("norway");
    expect(total).toBeGreaterThan(20);
    const all = ids(small.search("norway"));
    expect(all).toHaveLength(total);
    expect(new Set(all)).toEqual(new Set(ids(exact.search("norway"))));
    const pages = [0, 3, 6, 9].flatMap((offset) =>
      ids(small.search("norway", { offset, limit: 3 })),
    );
    expect(pages).toEqual(all.slice(0, 12));
    // The four ranked come best first.
    const ranked = small.search("norway", { limit: 4 }).map((h) => h.score);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it("still puts records holding every word before those holding some", () => {
    const [frode, arrested] = termsOf("frode arrested") as [string, string];
    const hits = small.search("frode arrested");
    const some = hits.findIndex((h) => !(h.terms.includes(frode) && h.terms.includes(arrested)));
    const every = hits.findLastIndex((h) => h.terms.includes(frode) && h.terms.includes(arrested));
    expect(every).toBeGreaterThanOrEqual(0);
    expect(some === -1 || some > every).toBe(true);
  });
});
