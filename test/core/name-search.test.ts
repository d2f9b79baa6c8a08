import { describe, expect, it } from "vitest";
import { MAX_SUGGESTIONS, type Named, NameSearch } from "../../src/core/name-search.ts";

const people: Named[] = [
  { id: "anniken-huitfeldt", name: "Anniken Huitfeldt" },
  { id: "jonas-gahr-store", name: "Jonas Gahr Støre", aliases: ["J.G. Støre"] },
  { id: "akhmed-zakayev", name: "Akhmed Zakayev" },
  { id: "mikhail-mikushin", name: "Mikhail Mikushin", aliases: ["José Assis Giammaria"] },
  { id: "vyacheslav-pavlovsky", name: "Vyacheslav Pavlovsky" },
  { id: "frode-berg", name: "Frode Berg" },
];

const search = new NameSearch(people);
const firstId = (query: string) => search.search(query)[0]?.id;

describe("NameSearch", () => {
  describe("finds a person however the name is typed", () => {
    it("finds a surname typed without its last letter", () => {
      expect(firstId("huitfeld")).toBe("anniken-huitfeldt");
    });

    it("forgives a dropped letter inside a surname", () => {
      expect(firstId("huitfelt")).toBe("anniken-huitfeldt");
      expect(firstId("mikushn")).toBe("mikhail-mikushin");
    });

    // The cut-off's own comment promises that "huitfedlt" gets through.
    it("forgives two letters swapped in a surname", () => {
      expect(firstId("huitfedlt")).toBe("anniken-huitfeldt");
    });

    it("finds Støre typed as Store or stoere", () => {
      expect(firstId("Store")).toBe("jonas-gahr-store");
      expect(firstId("stoere")).toBe("jonas-gahr-store");
      expect(firstId("Støre")).toBe("jonas-gahr-store");
    });

    it("finds a person by an alias, reporting the person's own name", () => {
      const [match] = search.search("Giammaria");
      expect(match).toMatchObject({ id: "mikhail-mikushin", name: "Mikhail Mikushin" });
    });

    it("finds a person by a whole alias", () => {
      expect(firstId("J.G. Støre")).toBe("jonas-gahr-store");
    });

    it("finds transliteration variants", () => {
      expect(firstId("Zakaev")).toBe("akhmed-zakayev");
      expect(firstId("Pavlovski")).toBe("vyacheslav-pavlovsky");
      expect(firstId("Pavlovskiy")).toBe("vyacheslav-pavlovsky");
    });

    it("is case-insensitive", () => {
      expect(search.search("BERG")).toEqual(search.search("berg"));
      expect(firstId("HUITFELDT")).toBe("anniken-huitfeldt");
    });

    it("finds a whole name", () => {
      expect(search.search("Frode Berg")[0]).toMatchObject({ id: "frode-berg", exact: true });
    });
  });

  describe("ranks and scores", () => {
    it("marks a surname alone as an exact match with score 0", () => {
      expect(search.search("berg")[0]).toEqual({
        id: "frode-berg",
        name: "Frode Berg",
        score: 0,
        exact: true,
      });
    });

    it("finds a name by the start of one of its words, as a non-exact match", () => {
      const [match] = search.search("hu");
      expect(match?.id).toBe("anniken-huitfeldt");
      expect(match?.exact).toBe(false);
    });

    it("ranks an exact match above a prefix match, and a prefix match above a typo", () => {
      const names = new NameSearch([
        { id: "typo", name: "Bert" },
        { id: "prefix", name: "Bergen" },
        { id: "exact", name: "Berg" },
      ]);
      const matches = names.search("berg");
      expect(matches.map((m) => m.id)).toEqual(["exact", "prefix", "typo"]);
      const [exact, prefix, typo] = matches.map((m) => m.score);
      expect(exact).toBe(0);
      expect(prefix).toBeGreaterThan(0);
      expect(typo).toBeGreaterThan(prefix ?? 1);
    });

    it("lists each person once even when name and alias both match", () => {
      const ids = search.search("store").map((m) => m.id);
      expect(ids.filter((id) => id === "jonas-gahr-store")).toHaveLength(1);
    });

    it("keeps scores between 0 and 1", () => {
      for (const query of ["a", "huitfelt", "mik", "z"]) {
        for (const m of search.search(query)) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
      }
    });
  });

  describe("bounds", () => {
    it("returns nothing for an empty or punctuation-only query", () => {
      expect(search.search("")).toEqual([]);
      expect(search.search("   ")).toEqual([]);
      expect(search.search("...")).toEqual([]);
    });

    it("returns nothing for nonsense", () => {
      expect(search.search("qqqxxzz")).toEqual([]);
    });

    it("does not throw on a 2,000-character query", () => {
      expect(() => search.search("huitfeldt ".repeat(200))).not.toThrow();
      expect(() => search.search("x".repeat(2000))).not.toThrow();
    });

    it("never returns more than the limit asked for", () => {
      expect(search.search("a", 2).length).toBeLessThanOrEqual(2);
      expect(search.search("a", 1)).toHaveLength(1);
    });

    it("returns at most 25 by default, even when 40 names match", () => {
      const many = new NameSearch(
        Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, name: `Hansen Number${i}` })),
      );
      expect(MAX_SUGGESTIONS).toBe(25);
      expect(many.search("hansen")).toHaveLength(25);
      expect(many.search("hansen", 40)).toHaveLength(40);
    });

    it("returns nothing when it holds no names", () => {
      expect(new NameSearch([]).search("berg")).toEqual([]);
    });
  });
});

describe("NameSearch.exact", () => {
  it("finds a whole name, an alias or one of its words, after folding, and nothing fuzzy", () => {
    expect(search.exact("STØRE").map((m) => m.id)).toEqual(["jonas-gahr-store"]);
    expect(search.exact("giammaria").map((m) => m.id)).toEqual(["mikhail-mikushin"]);
    expect(search.exact("frode berg")[0]).toEqual({
      id: "frode-berg",
      name: "Frode Berg",
      score: 0,
      exact: true,
    });
    expect(search.exact("huitfeld")).toEqual([]);
  });
});
