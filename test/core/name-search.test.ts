import { describe, expect, it } from "vitest";
import { variedNames } from "../../src/bench/name-search-bench.ts";
import { editDistance } from "../../src/core/edit-distance.ts";
import { MAX_SUGGESTIONS, type Named, NameSearch } from "../../src/core/name-search.ts";
import { MAX_BITS, QueryDistance } from "../../src/core/query-distance.ts";

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

  describe("reads the words of a name in any order and form", () => {
    it("finds a name with its words in another order, as an exact match", () => {
      expect(search.search("huitfeldt anniken")[0]).toEqual({
        id: "anniken-huitfeldt",
        name: "Anniken Huitfeldt",
        score: 0,
        exact: true,
      });
      expect(firstId("berg frode")).toBe("frode-berg");
    });

    it("finds a name written surname first, with a comma", () => {
      expect(search.search("Støre, Jonas Gahr")[0]).toMatchObject({
        id: "jonas-gahr-store",
        exact: true,
      });
      expect(firstId("Huitfeldt, Anniken")).toBe("anniken-huitfeldt");
    });

    it("finds initials with or without their points and spaces", () => {
      expect(firstId("J.G. Støre")).toBe("jonas-gahr-store");
      expect(firstId("J. G. Store")).toBe("jonas-gahr-store");
      expect(firstId("støre j.g.")).toBe("jonas-gahr-store");
    });

    it("matches words from the name and an alias alike", () => {
      expect(firstId("mikushin giammaria")).toBe("mikhail-mikushin");
    });

    it("lets the last word be unfinished, as while typing, but then not as an exact match", () => {
      const [match] = search.search("huitfeldt ann");
      expect(match).toMatchObject({ id: "anniken-huitfeldt", exact: false });
    });

    it("needs every word but the last to be whole", () => {
      expect(search.search("ann huitfeldt").map((m) => m.id)).not.toContain("frode-berg");
      expect(search.search("berg anniken")[0]?.exact ?? false).toBe(false);
    });

    it("does not match when one word belongs to no one", () => {
      expect(search.search("frode xyzzyq")).toEqual([]);
    });
  });

  describe("reads names typed in Cyrillic", () => {
    const withPutin = new NameSearch([
      ...people,
      { id: "vladimir-putin", name: "Vladimir Putin" },
      { id: "fyodorova", name: "T. T. Fyodorova", aliases: ["Т. Т. Фёдорова"] },
    ]);
    const first = (query: string) => withPutin.search(query)[0];

    it("romanises the query, so Микушин finds Mikushin and Путин finds Putin", () => {
      expect(first("Микушин")).toMatchObject({ id: "mikhail-mikushin", exact: true });
      expect(first("Путин")).toMatchObject({ id: "vladimir-putin", exact: true });
      expect(first("Владимир Путин")?.id).toBe("vladimir-putin");
      expect(first("путин владимир")?.id).toBe("vladimir-putin");
    });

    it("romanises a Cyrillic alias when indexing, so either script finds it", () => {
      expect(first("Фёдорова")?.id).toBe("fyodorova");
      expect(first("Fyodorova")?.id).toBe("fyodorova");
      expect(withPutin.exact("Фёдорова").map((m) => m.id)).toEqual(["fyodorova"]);
    });

    it("forgives a Cyrillic typo as it forgives a Latin one", () => {
      expect(first("Микушн")?.id).toBe("mikhail-mikushin");
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

// Past a few hundred spellings a typo is looked up through an index of letter pairs rather than
// by measuring every name; these run that path, among 20,000 generated people.
describe("NameSearch at 20,000 people", () => {
  const planted: Named[] = [
    { id: "odegard", name: "Torbjørn Ødegård", weight: 5 },
    { id: "shchukarev", name: "Yefim Shchukarev", aliases: ["Jefim Sjtsjukarev"], weight: 5 },
    { id: "vasquez-1", name: "Ilse Vasquez", weight: 2 },
    { id: "vasquez-2", name: "Ilse Vasquez", weight: 1 },
  ];
  const crowd = variedNames(20_000, 7);
  const big = new NameSearch([...crowd, ...planted]);
  const top = (query: string) => big.search(query)[0]?.id;

  it("finds a name by the start of a word", () => {
    expect(top("odeg")).toBe("odegard");
    expect(top("Shchuk")).toBe("shchukarev");
  });

  it("finds a name by the start of the whole name", () => {
    expect(top("torbjorn ode")).toBe("odegard");
  });

  it("forgives a typo in the middle of a surname", () => {
    expect(top("shchukraev")).toBe("shchukarev");
    expect(top("shchukrev")).toBe("shchukarev");
    expect(top("odegrd")).toBe("odegard");
  });

  it("forgives another transliteration, or diacritics left out", () => {
    expect(top("Efim Shchukarev")).toBe("shchukarev");
    expect(top("Sjtsjukarev")).toBe("shchukarev");
    expect(top("Torbjorn Odegard")).toBe("odegard");
  });

  it("finds a whole name typed without its space", () => {
    expect(top("torbjornodegard")).toBe("odegard");
  });

  it("returns at most 25 by default, and no more than asked for", () => {
    expect(big.search("a")).toHaveLength(25);
    expect(big.search("shchu")).toHaveLength(25);
    expect(big.search("a", 40)).toHaveLength(40);
    expect(big.search("a", 3)).toHaveLength(3);
  });

  it("ranks exact, then prefix, then typo matches, each group best score first", () => {
    const matches = big.search("vasquez");
    expect(matches.slice(0, 2).map((m) => m.id)).toEqual(["vasquez-1", "vasquez-2"]);
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    for (const m of big.search("shchukraev")) expect(m.score).toBeLessThanOrEqual(0.34);
  });

  it("lists two people who share a name, the more prominent first", () => {
    expect(big.exact("ilse vasquez").map((m) => m.id)).toEqual(["vasquez-1", "vasquez-2"]);
    expect(
      big
        .search("vasqeuz")
        .slice(0, 2)
        .map((m) => m.id),
    ).toEqual(["vasquez-1", "vasquez-2"]);
  });

  it("finds a name with its words in another order", () => {
    expect(big.search("odegard torbjorn")[0]).toMatchObject({ id: "odegard", exact: true });
    expect(top("shchukarev yefim")).toBe("shchukarev");
    expect(top("vasquez ilse")).toBe("vasquez-1");
  });

  it("finds nothing for nonsense, however many names it holds", () => {
    expect(big.search("qqqxxzz")).toEqual([]);
    expect(big.search("x".repeat(2000))).toEqual([]);
  });
});

describe("NameSearch with few names", () => {
  it("forgives two letters swapped at the start of a three-letter word", () => {
    const few = new NameSearch([
      { id: "who", name: "who" },
      { id: "help", name: "help" },
    ]);
    expect(few.search("hwo")[0]?.id).toBe("who");
  });
});

describe("QueryDistance", () => {
  // Seeded, so a failure names the same pair on every run.
  let state = 11;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const word = (letters: string, most: number) =>
    Array.from({ length: Math.floor(next() * (most + 1)) }, () =>
      letters.charAt(Math.floor(next() * letters.length)),
    ).join("");

  it("gives the edit distance to a spelling and to its start, as editDistance counts them", () => {
    for (let i = 0; i < 3000; i++) {
      const letters = i % 2 ? "ab" : "abcde ";
      const query = word(letters, MAX_BITS) || "a";
      const spelling = word(letters, 40);
      const distance = new QueryDistance(query);
      expect(distance.measure(spelling)).toBe(editDistance(query, spelling));
      if (spelling.length > query.length) {
        expect(distance.prefix).toBe(editDistance(query, spelling.slice(0, query.length)));
      }
    }
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(new QueryDistance("huitfedlt").measure("huitfeldt")).toBe(1);
    expect(new QueryDistance("hwo").measure("who")).toBe(1);
  });
});
