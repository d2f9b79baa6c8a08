import { describe, expect, it } from "vitest";
import {
  dayRange,
  formatHistDate,
  type HistDate,
  overlapsYears,
  parseHistDate,
  yearsOf,
} from "../../src/core/dates.ts";

/** Parses a date the test knows to be valid, failing loudly if it is not. */
function date(text: string): HistDate {
  const parsed = parseHistDate(text);
  if (typeof parsed === "string") throw new Error(`expected ${text} to parse: ${parsed}`);
  return parsed;
}

describe("parseHistDate", () => {
  describe("reads each precision a source can give", () => {
    it("reads a century", () => {
      expect(parseHistDate("10th century")).toEqual({ precision: "century", century: 10 });
    });

    it("reads a year", () => {
      expect(parseHistDate("1267")).toEqual({ precision: "year", year: 1267 });
    });

    it("reads a month", () => {
      expect(parseHistDate("2012-05")).toEqual({ precision: "month", year: 2012, month: 5 });
    });

    it("reads a day", () => {
      expect(parseHistDate("2010-04-27")).toEqual({
        precision: "day",
        year: 2010,
        month: 4,
        day: 27,
      });
    });

    it("reads a span between two years", () => {
      expect(parseHistDate("1537/1814")).toEqual({
        precision: "span",
        from: { precision: "year", year: 1537 },
        to: { precision: "year", year: 1814 },
      });
    });

    it("reads a span whose ends have different precisions", () => {
      expect(parseHistDate("2022-02/2023")).toEqual({
        precision: "span",
        from: { precision: "month", year: 2022, month: 2 },
        to: { precision: "year", year: 2023 },
      });
    });

    it("accepts a leap day in a leap year", () => {
      expect(parseHistDate("2020-02-29")).toEqual({
        precision: "day",
        year: 2020,
        month: 2,
        day: 29,
      });
      expect(typeof parseHistDate("2000-02-29")).toBe("object");
    });

    it("accepts ordinals with their proper suffix: 1st, 2nd, 3rd, 11th, 21st", () => {
      for (const [text, century] of [
        ["1st century", 1],
        ["2nd century", 2],
        ["3rd century", 3],
        ["11th century", 11],
        ["12th century", 12],
        ["21st century", 21],
      ] as const) {
        expect(parseHistDate(text)).toEqual({ precision: "century", century });
      }
    });
  });

  describe("refuses malformed dates with an explanation", () => {
    it("refuses a month that does not exist", () => {
      expect(parseHistDate("2023-13")).toMatch(/no month 13/);
      expect(parseHistDate("2023-00")).toMatch(/no month 0/);
      expect(parseHistDate("2023-13-01")).toMatch(/no month 13/);
    });

    it("refuses a day that is not on the calendar", () => {
      expect(parseHistDate("2023-02-30")).toMatch(/not a calendar day/);
      expect(parseHistDate("2023-04-31")).toMatch(/not a calendar day/);
      expect(parseHistDate("2023-04-00")).toMatch(/not a calendar day/);
    });

    it("refuses 29 February outside a leap year", () => {
      expect(parseHistDate("2021-02-29")).toMatch(/not a calendar day/);
      expect(parseHistDate("1900-02-29")).toMatch(/not a calendar day/);
    });

    it("refuses an ordinal with the wrong suffix and says how it should read", () => {
      expect(parseHistDate("1th century")).toBe('"1th century" should read "1st century"');
      expect(parseHistDate("11st century")).toMatch(/should read "11th century"/);
      expect(parseHistDate("22th century")).toMatch(/should read "22nd century"/);
    });

    it("refuses a span that ends before it starts", () => {
      expect(parseHistDate("1905/1814")).toBe('"1905/1814" ends before it starts');
      expect(parseHistDate("2023-05/2023-04")).toMatch(/ends before it starts/);
    });

    it("refuses more than one slash", () => {
      expect(parseHistDate("a/b/c")).toMatch(/more than one "\/"/);
      expect(parseHistDate("1500/1600/1700")).toMatch(/more than one "\/"/);
    });

    it("refuses a span with a century at either end", () => {
      expect(parseHistDate("10th century/1300")).toMatch(/not centuries/);
      expect(parseHistDate("1300/15th century")).toMatch(/not centuries/);
    });

    it("refuses a span with a malformed end, explaining that end", () => {
      expect(parseHistDate("1537/18144")).toMatch(/"18144" is not a date/);
    });

    it("refuses text that is not a date, listing the accepted forms", () => {
      for (const text of ["", "yesterday", "2012-5", "27.04.2010", " 1267", "2010-04-27T00:00"]) {
        const result = parseHistDate(text);
        expect(typeof result, text).toBe("string");
      }
      expect(parseHistDate("yesterday")).toMatch(/"10th century", "1267", "2012-05"/);
    });
  });
});

describe("formatHistDate", () => {
  it("shows each date at exactly its own precision", () => {
    expect(formatHistDate(date("2023-04"))).toBe("April 2023");
    expect(formatHistDate(date("2010-04-27"))).toBe("27 April 2010");
    expect(formatHistDate(date("1267"))).toBe("1267");
    expect(formatHistDate(date("1537/1814"))).toBe("1537–1814");
  });

  it("names centuries with their English ordinal", () => {
    expect(formatHistDate(date("10th century"))).toBe("10th century");
    expect(formatHistDate(date("13th century"))).toBe("13th century");
    expect(formatHistDate(date("21st century"))).toBe("21st century");
    expect(formatHistDate({ precision: "century", century: 2 })).toBe("2nd century");
    expect(formatHistDate({ precision: "century", century: 3 })).toBe("3rd century");
    expect(formatHistDate({ precision: "century", century: 11 })).toBe("11th century");
  });

  it("joins the ends of a span with an en dash, each at its own precision", () => {
    expect(formatHistDate(date("2022-02/2023-04-06"))).toBe("February 2022–6 April 2023");
  });

  it("reads back what parseHistDate read", () => {
    for (const text of ["10th century", "1267", "21st century"]) {
      expect(formatHistDate(date(text))).toBe(text);
    }
  });
});

describe("dayRange", () => {
  it("covers a single day for a day-precision date", () => {
    expect(dayRange(date("2010-04-27"))).toEqual({ start: 20100427, end: 20100427 });
  });

  it("covers the whole month, knowing its length", () => {
    expect(dayRange(date("2023-04"))).toEqual({ start: 20230401, end: 20230430 });
    expect(dayRange(date("2023-02"))).toEqual({ start: 20230201, end: 20230228 });
    expect(dayRange(date("2020-02"))).toEqual({ start: 20200201, end: 20200229 });
    expect(dayRange(date("2023-12"))).toEqual({ start: 20231201, end: 20231231 });
  });

  it("covers the whole year", () => {
    expect(dayRange(date("1267"))).toEqual({ start: 12670101, end: 12671231 });
  });

  it("covers a century from its year 1 to its year 100", () => {
    expect(dayRange(date("10th century"))).toEqual({ start: 9010101, end: 10001231 });
    expect(dayRange(date("21st century"))).toEqual({ start: 20010101, end: 21001231 });
  });

  it("covers a span from the first day of its start to the last day of its end", () => {
    expect(dayRange(date("1537/1814"))).toEqual({ start: 15370101, end: 18141231 });
    expect(dayRange(date("2022-02/2023-04"))).toEqual({ start: 20220201, end: 20230430 });
  });
});

describe("overlapsYears", () => {
  it("is true when the date lies wholly within the years", () => {
    expect(overlapsYears(date("2010-04-27"), 2000, 2020)).toBe(true);
    expect(overlapsYears(date("2010"), 2010, 2010)).toBe(true);
  });

  it("is true when a span reaches into the years from either side", () => {
    expect(overlapsYears(date("1537/1814"), 1800, 1900)).toBe(true);
    expect(overlapsYears(date("1537/1814"), 1400, 1537)).toBe(true);
    expect(overlapsYears(date("1537/1814"), 1600, 1700)).toBe(true);
  });

  it("is false when the date lies wholly outside the years", () => {
    expect(overlapsYears(date("1537/1814"), 1815, 1900)).toBe(false);
    expect(overlapsYears(date("1537/1814"), 1400, 1536)).toBe(false);
    expect(overlapsYears(date("2023-04"), 2024, 2030)).toBe(false);
  });

  it("treats a century as its hundred years, 901 to 1000 for the 10th", () => {
    expect(overlapsYears(date("10th century"), 1000, 1000)).toBe(true);
    expect(overlapsYears(date("10th century"), 901, 901)).toBe(true);
    expect(overlapsYears(date("10th century"), 1001, 1100)).toBe(false);
    expect(overlapsYears(date("10th century"), 800, 900)).toBe(false);
  });
});

describe("yearsOf", () => {
  it("gives the one year of a year, month or day", () => {
    expect(yearsOf(date("1267"))).toEqual([1267]);
    expect(yearsOf(date("2012-05"))).toEqual([2012]);
    expect(yearsOf(date("2010-04-27"))).toEqual([2010]);
  });

  it("gives every year a span touches, ends included", () => {
    expect(yearsOf(date("1537/1540"))).toEqual([1537, 1538, 1539, 1540]);
    expect(yearsOf(date("2022-11/2023-02"))).toEqual([2022, 2023]);
  });

  it("gives all hundred years of a century", () => {
    const years = yearsOf(date("10th century"));
    expect(years).toHaveLength(100);
    expect(years[0]).toBe(901);
    expect(years.at(-1)).toBe(1000);
  });
});
