import { describe, expect, it } from "vitest";
import { termsOf } from "../../src/search/search-terms.ts";
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

  it("matches a typo only through terms the index holds, and an unfinished last word", () => {
    expect(keys(text.search("huitfedlt", { limit: 1 }))).toEqual(["person:anniken-huitfeldt"]);
    expect(keys(text.search("huitf", { limit: 1 }))).toEqual(["person:anniken-huitfeldt"]);
    expect(text.search("huitfedlt", { loose: false })).toEqual([]);
  });

  it("narrows to kinds of record", () => {
    const hits = text.search("huitfeldt", { kinds: ["event"] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === "event")).toBe(true);
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
