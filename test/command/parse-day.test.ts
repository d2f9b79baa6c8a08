import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/command/parse-day.ts";
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
    ])("reads %j as month %i, day %i", (text, month, day) => {
      expect(parseDay(text)).toEqual({ month, day });
    });

    it("keeps a typed year, and checks the day against it", () => {
      expect(parseDay("2023-04-06")).toEqual({ month: 4, day: 6, year: 2023 });
      expect(parseDay("2024-02-29")).toEqual({ month: 2, day: 29, year: 2024 });
      expect(() => parseDay("2023-02-29")).toThrow("There is no 29 February 2023.");
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

  describe("refuses text that is not a day", () => {
    it.each(["banana", "", "30", "October", "30 Ju", "30 Smarch", "10/30", "10-30-2023"])(
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
