import { describe, expect, it } from "vitest";
import { BUNDLED_DATA_DIR } from "../../src/boot.ts";
import { formatHistDate, type HistDate, MONTHS, type Point } from "../../src/core/dates.ts";
import { loadDataset } from "../../src/core/load-dataset.ts";
import type { Citation, Expulsion } from "../../src/core/schema.ts";

// Every sentence a record shows must be backed by that record's own quotes, not by a neighbouring
// sentence, a section heading or another record. These tests check what can be checked by rule:
// numbers, years and month names; dates; claims of a response; spellings; places.

const data = loadDataset(BUNDLED_DATA_DIR);

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

/**
 * The numbers and month names a text states, each as one comparable token: "15" and "fifteen"
 * both give "15", so a summary may write a count either way its quote does.
 */
function factTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) tokens.add(m[0]);
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const word = m[0].toLowerCase();
    const n = NUMBER_WORDS.indexOf(word);
    if (n >= 0) tokens.add(String(n));
    else if (MONTHS.some((month) => month.toLowerCase() === word)) tokens.add(word);
  }
  return tokens;
}

const quotesOf = (citations: readonly Citation[]) => citations.map((c) => c.quote);

/** Tokens a summary may state without a quote, each with the reason it is allowed. */
const ALLOWED: Record<string, Record<string, string>> = {
  "pavlovsky-responds-to-occupied-2015": {
    // data/README.md: "the year of the 70th anniversary of the victory in World War II" is the
    // year of the 2015 series; the text itself fixes the year, so the record's date may state it.
    "2015": "fixed by the text: the year of the 70th anniversary, the series' year",
  },
};

describe("every number, year and month name a record shows is in that record's own quotes", () => {
  const records = [
    ...data.events.map((e) => ({
      id: e.id,
      shown: `${e.title} ${e.summary}`,
      quotes: quotesOf(e.citations),
      // The record's own date states its year and month; it is checked against the quotes below.
      date: e.date ? formatHistDate(e.date) : "",
    })),
    ...data.people.map((p) => ({
      id: p.id,
      shown: `${p.summary} ${p.roles.join(" ")}`,
      quotes: quotesOf(p.citations),
      date: "",
    })),
  ];
  it.each(records)("$id", ({ id, shown, quotes, date }) => {
    const backed = new Set([...factTokens(quotes.join(" ")), ...factTokens(date)]);
    const unbacked = [...factTokens(shown)].filter((t) => !backed.has(t) && !ALLOWED[id]?.[t]);
    expect(unbacked, `${id} states ${unbacked.join(", ")} but no quote of it does`).toEqual([]);
  });
});

/** The years, month and day a date states, as they must appear in a quote. */
function dateParts(date: HistDate): string[] {
  const point = (p: Point): string[] => {
    if (p.precision === "century") return [formatHistDate(p)];
    if (p.precision === "year") return [String(p.year)];
    const month = MONTHS[p.month - 1] as string;
    return p.precision === "month" ? [String(p.year), month] : [String(p.year), month, `${p.day}`];
  };
  return date.precision === "span" ? [...point(date.from), ...point(date.to)] : point(date);
}

/** Dates whose parts no quote of the record states, each with the reason it is allowed. */
const UNQUOTED_DATES: Record<string, string> = {
  "pavlovsky-responds-to-occupied-2015":
    "the text fixes the year: 'the year of the 70th anniversary of the victory in World War II'",
};

describe("every date is stated by its own record's quotes, not a heading or a neighbour", () => {
  const dated = data.events.filter((e) => e.date && !UNQUOTED_DATES[e.id]);
  it.each(dated)("$id", (e) => {
    const quotes = quotesOf(e.citations).join(" ");
    for (const part of dateParts(e.date as HistDate)) {
      // "after 2014" or "since 2015" says when something came after, not when it happened.
      const stated = new RegExp(`(?<!\\b(?:after|since|before) )\\b${part}\\b`, "i");
      expect(quotes, `${e.id}: no quote states "${part}" of its date`).toMatch(stated);
    }
    if (e.weekday) expect(quotes).toContain(e.weekday);
  });

  it("lets no allowance outlive the record it was made for", () => {
    const ids = new Set(data.events.map((e) => e.id));
    for (const id of [...Object.keys(UNQUOTED_DATES), ...Object.keys(ALLOWED)])
      expect(ids.has(id) || data.people.some((p) => p.id === id), id).toBe(true);
  });
});

const RESPONSE = /\b(respon\w*|answer\w*|retaliat\w*|in reply)\b/i;

describe("a response is claimed only where a quote states one", () => {
  it.each(data.events.filter((e) => e.respondsTo))("$id answers $respondsTo", (e) => {
    expect(quotesOf(e.citations).some((q) => RESPONSE.test(q))).toBe(true);
  });

  it.each(data.events)("$id says 'response' or 'answer' only with a quote that does", (e) => {
    if (RESPONSE.test(`${e.title} ${e.summary}`))
      expect(quotesOf(e.citations).some((q) => RESPONSE.test(q))).toBe(true);
  });

  it("keeps a source's sequence without cause as 'follows', ordered but not an answer", () => {
    const russia2022 = data.events.find((e) => e.id === "expulsion-2022-04-russia");
    expect(russia2022?.respondsTo).toBeUndefined();
    expect(russia2022?.follows).toBe("expulsion-2022-04-norway");
    const russia2023 = data.events.find((e) => e.id === "expulsion-2023-russia");
    expect(russia2023?.respondsTo).toBe("expulsion-2023-04-norway");
  });
});

describe("expulsion counts", () => {
  it.each(data.events.filter((e) => e.expulsion))("$id: the count is in a quote", (e) => {
    const x = e.expulsion as Expulsion;
    const quotes = quotesOf(e.citations).join(" ");
    // One is written "a diplomat": the singular noun states the count.
    const single = x.count === 1 && new RegExp(`\\ban? (?:\\S+ ){0,2}${x.who}\\b`).test(quotes);
    expect(single || factTokens(quotes).has(String(x.count))).toBe(true);
  });
});

/** Names a source does not give as shown, each with the reason. */
const NAMES_NOT_IN_QUOTES: Record<string, string> = {
  "t-t-fyodorova": "the source gives it in Cyrillic, in the genitive (Т. Т. Фёдоровой)",
  "jarmo-t-kotilaine": "the source lists it surname first, as a bibliography does",
};

describe("spellings shown as the sources' own", () => {
  it.each(data.people)("$id: every alias occurs in one of its own quotes", (p) => {
    const quotes = quotesOf(p.citations).join(" ").toLowerCase();
    for (const alias of p.aliases)
      expect(quotes, `${p.id}: ${alias}`).toContain(alias.toLowerCase());
  });

  it.each(data.people.filter((p) => !NAMES_NOT_IN_QUOTES[p.id]))("$id: the name too", (p) => {
    expect(quotesOf(p.citations).join(" ").toLowerCase()).toContain(p.name.toLowerCase());
  });

  it("keeps J.G. Støre's expansion as a search alias only", () => {
    const store = data.people.find((p) => p.id === "jonas-gahr-store");
    expect(store?.name).toBe("J.G. Støre");
    expect(store?.aliases).not.toContain("Jonas Gahr Støre");
    expect(store?.searchAliases).toContain("Jonas Gahr Støre");
  });
});

/** Places a summary names without the record listing them, each with the reason. */
const PLACE_EXCEPTIONS: Record<string, Record<string, string>> = {
  "expulsion-2023-04-norway": {
    Moscow: "'threat from Moscow' names the Russian government, not a place of the event",
  },
  "norilsk-nickel-emissions": {
    Murmansk: "named only as part of Murmansk Oblast, which is listed",
  },
};

describe("places", () => {
  const known = new Set(data.events.flatMap((e) => e.places));
  it.each(data.events)("$id lists every known place its title or summary names", (e) => {
    const shown = `${e.title} ${e.summary}`;
    const missing = [...known].filter(
      (place) =>
        new RegExp(`(?<!\\p{L})${place}(?!\\p{L})`, "u").test(shown) &&
        !e.places.includes(place) &&
        !PLACE_EXCEPTIONS[e.id]?.[place],
    );
    expect(missing).toEqual([]);
  });
});
