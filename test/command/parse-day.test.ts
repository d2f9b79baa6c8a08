import { describe, expect, it } from "vitest";
import { monthAlone, parseDay } from "../../src/command/parse-day.ts";
import { UsageError } from "../../src/command/usage-error.ts";

function usageError(text: string): UsageError {
  try {
    parseDay(text);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe("parseDay", () => {
  describe("reads a day of the year the ways people type it", () => {
    it.each([
      ["10-30", 10, 30],
      ["30.10", 10, 30],
      ["30.10.", 10, 30],
      ["30 October", 10, 30],
      ["30 Oct", 10, 30],
      ["30 oct.", 10, 30],
      ["Oct 30", 10, 30],
      ["October 30th", 10, 30],
      ["1st of May", 5, 1],
      ["27 april", 4, 27],
      ["  27   April  ", 4, 27],
      ["4-6", 4, 6],
      ["Sept 3", 9, 3],
      ["30/10", 10, 30],
      ["4/6", 6, 4],
      ["30. oktober", 10, 30],
      ["30 okt", 10, 30],
      ["30. okt.", 10, 30],
      ["27. april", 4, 27],
      ["1. mai", 5, 1],
      ["17. Mai", 5, 17],
      ["24. desember", 12, 24],
      ["3. mars", 3, 3],
      ["juni 5", 6, 5],
    ])("reads %j as month %i, day %i", (text, month, day) => {
      expect(parseDay(text)).toEqual({ month, day });
    });

    it("keeps a typed year, and checks the day against it", () => {
      expect(parseDay("2023-04-06")).toEqual({ month: 4, day: 6, year: 2023 });
      expect(parseDay("2024-02-29")).toEqual({ month: 2, day: 29, year: 2024 });
      expect(() => parseDay("2023-02-29")).toThrow("There is no 29 February 2023.");
    });

    it("keeps a year typed after a named month or after day/month", () => {
      expect(parseDay("27. april 2010")).toEqual({ month: 4, day: 27, year: 2010 });
      expect(parseDay("27 April 2010")).toEqual({ month: 4, day: 27, year: 2010 });
      expect(parseDay("April 27, 2010")).toEqual({ month: 4, day: 27, year: 2010 });
      expect(parseDay("30/10/1905")).toEqual({ month: 10, day: 30, year: 1905 });
      expect(parseDay("30.10.1905")).toEqual({ month: 10, day: 30, year: 1905 });
      expect(() => parseDay("29. februar 2023")).toThrow("There is no 29 February 2023.");
    });

    it("accepts 29 February, which some year has", () => {
      expect(parseDay("02-29")).toEqual({ month: 2, day: 29 });
      expect(parseDay("29 February")).toEqual({ month: 2, day: 29 });
    });
  });

  describe("refuses impossible days with a UsageError that says why and shows an example", () => {
    it("refuses 30 February, naming it", () => {
      const error = usageError("02-30");
      expect(error.message).toBe("There is no 30 February.");
      expect(error.example).toBe("/onthisday 10-30");
    });

    it("refuses 31 April and day 0", () => {
      expect(usageError("31 April").message).toBe("There is no 31 April.");
      expect(usageError("04-00").message).toBe("There is no 0 April.");
    });

    it("refuses month 13", () => {
      expect(usageError("13-01").message).toBe("There is no month 13.");
      expect(usageError("1.13").message).toBe("There is no month 13.");
    });
  });

  describe("explains the order of two numbers when the month's place holds more than 12", () => {
    it("reads 31-04 month first, and says that read day first April has 30 days", () => {
      const error = usageError("31-04");
      expect(error.message).toBe("There is no month 31.");
      expect(error.detail).toEqual([
        "With a dash the month comes first, as in 10-30 for 30 October.",
        "Day first it would be 31 April, but April has 30 days.",
      ]);
      expect(error.example).toBe("/onthisday 10-30");
    });

    it("shows how to write the day it would otherwise be", () => {
      expect(usageError("30-10").detail).toEqual([
        "With a dash the month comes first: 30 October is 10-30.",
      ]);
      expect(usageError("10/30").detail).toEqual([
        "With a slash the day comes first: 30 October is 30/10.",
      ]);
      expect(usageError("4/31").detail).toEqual([
        "With a slash the day comes first, as in 30/10 for 30 October.",
        "Month first it would be 31 April, but April has 30 days.",
      ]);
    });
  });

  describe("reads a month named alone, for a month in history", () => {
    it.each([
      ["April", 4],
      ["april", 4],
      ["oktober", 10],
      ["Oct", 10],
      ["okt.", 10],
      ["mai", 5],
      ["desember", 12],
    ])("reads %j as month %i", (text, month) => {
      expect(monthAlone(text)).toBe(month);
    });

    it.each(["ju", "Smarch", "30 October", "10", "", "april 2010"])(
      "takes %j for no month",
      (text) => {
        expect(monthAlone(text)).toBeUndefined();
      },
    );
  });

  describe("refuses text that is not a day", () => {
    it.each(["banana", "", "30", "October", "30 Ju", "30 Smarch", "10-30-2023", "30/10/10"])(
      "refuses %j, suggesting forms that work",
      (text) => {
        const error = usageError(text);
        expect(error.message).toContain("is not a day I can read");
        expect(error.message).toContain("Try 10-30");
        expect(error.example).toBe("/onthisday 10-30");
      },
    );

    it("quotes long input back short", () => {
      const error = usageError("b".repeat(500));
      expect(error.message).not.toContain("b".repeat(41));
    });
  });
});
