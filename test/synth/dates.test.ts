import { describe, expect, it } from "vitest";
import { dayRange, formatHistDate, type HistDate, parseHistDate } from "../../src/core/dates.ts";
import {
  dateAfter,
  LAST_YEAR,
  PRECISIONS,
  precisionFor,
  type SynthDate,
  synthDate,
  synthYear,
} from "../../src/synth/dates.ts";
import { Random } from "../../src/synth/random.ts";

function parsed(date: SynthDate): HistDate {
  const result = parseHistDate(date.text);
  if (typeof result === "string") throw new Error(result);
  return result;
}

/** The phrase a summary opens with, turned back into the bot's own way of showing a date. */
function phraseAsShown(phrase: string): string {
  return phrase.replace(/^(In the|In|On) /, "").replace(/^From (.*) to (.*)$/, "$1–$2");
}

const random = new Random(21);
const years = Array.from({ length: 3000 }, () => synthYear(random));
const dates = years.map((year) => synthDate(random, year, precisionFor(random, year)));

describe("synthetic dates", () => {
  it("parse as the schema parses them, at the precision they claim", () => {
    for (const date of dates) expect(parsed(date).precision).toBe(date.precision);
  });

  it("cover every precision the schema accepts, spans with mixed ends among them", () => {
    expect(new Set(dates.map((d) => d.precision))).toEqual(new Set(PRECISIONS));
    const spans = dates.map(parsed).filter((d) => d.precision === "span");
    expect(spans.some((s) => s.from.precision !== s.to.precision)).toBe(true);
  });

  it("reach over centuries, most of them recent", () => {
    expect(Math.min(...years)).toBeLessThan(1000);
    expect(Math.max(...years)).toBeLessThanOrEqual(LAST_YEAR);
    expect(years.filter((y) => y >= 1900).length).toBeGreaterThan(years.length / 2);
  });

  it("open summaries with the date as the bot shows it", () => {
    for (const date of dates) {
      const shown = formatHistDate(parsed(date));
      expect(phraseAsShown(date.phrase)).toBe(shown);
    }
  });

  it("write a day or month only for four-digit years", () => {
    for (const precision of ["month", "day"] as const) {
      const early = synthDate(random, 862, precision);
      expect(early.text).toBe("862");
      expect(synthDate(random, 1862, precision).precision).toBe(precision);
    }
  });

  it("never write a span whose two ends read the same", () => {
    for (const date of dates.filter((d) => d.precision === "span")) {
      const [from, to] = date.text.split("/");
      expect(from).not.toBe(to);
    }
  });

  it("date an answer no earlier than what it answers could have been", () => {
    for (const cause of dates.filter((d) => d.precision !== "century").slice(0, 500)) {
      const answer = dateAfter(random, cause);
      expect(dayRange(parsed(answer)).end).toBeGreaterThanOrEqual(dayRange(parsed(cause)).start);
      expect(answer.year).toBeLessThanOrEqual(LAST_YEAR);
    }
  });
});
