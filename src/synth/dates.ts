import { MONTHS } from "../core/dates.ts";
import type { Random } from "./random.ts";

// Dates at every precision the schema accepts ("10th century", "1267", "2012-05",
// "2010-04-27", "1537/1814" with mixed ends), spread over twelve centuries and thickest in the
// recent decades, as the real sources are.

export const PRECISIONS = ["century", "year", "month", "day", "span"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A calendar day; the earliest one a date can mean, so a response can be dated after it. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export interface SynthDate {
  /** As a data file writes it: "2023-04", "10th century". */
  text: string;
  precision: Precision;
  /** The year it starts in, for matching people of the same era. */
  year: number;
  first: Day;
  /** As a summary opens: "In April 2023", "On 27 April 2010", "From 1537 to 1814". */
  phrase: string;
}

/** The last year a synthetic date reaches; fixed, because the output must not drift with time. */
export const LAST_YEAR = 2025;
const FIRST_YEAR = 800;

const ERAS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[FIRST_YEAR, 999], 3],
  [[1000, 1699], 9],
  [[1700, 1899], 13],
  [[1900, 1990], 30],
  [[1991, LAST_YEAR], 45],
];

/** A year, most often a recent one. */
export function synthYear(random: Random): number {
  const [from, to] = random.weighted(ERAS);
  return random.int(from, to);
}

/** Which precision a source of that year would give: old sources rarely name the day. */
export function precisionFor(random: Random, year: number): Precision {
  if (year < 1000) {
    return random.weighted<Precision>([
      ["century", 35],
      ["year", 45],
      ["span", 20],
    ]);
  }
  const old = year < 1700;
  const modern = year >= 1900;
  return random.weighted<Precision>([
    ["century", old ? 10 : modern ? 1 : 3],
    ["year", old ? 45 : modern ? 20 : 30],
    ["month", old ? 15 : 25],
    ["day", old ? 15 : modern ? 45 : 30],
    ["span", old ? 15 : modern ? 9 : 12],
  ]);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

function addDays(day: Day, days: number): Day {
  // Date.UTC is exact for years 100 and later, and no synthetic date with a month is earlier.
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function randomDay(random: Random, year: number): Day {
  return addDays({ year, month: 1, day: 1 }, random.int(0, 364));
}

type PointPrecision = "year" | "month" | "day";

function pointText(day: Day, precision: PointPrecision): string {
  if (precision === "year") return String(day.year);
  const month = `${pad(day.year, 4)}-${pad(day.month)}`;
  return precision === "month" ? month : `${month}-${pad(day.day)}`;
}

function pointPhrase(day: Day, precision: PointPrecision): string {
  const month = MONTHS[day.month - 1] ?? "";
  if (precision === "year") return String(day.year);
  return precision === "month" ? `${month} ${day.year}` : `${day.day} ${month} ${day.year}`;
}

/** The first day a point at this precision can mean: 1 April for "2023-04". */
function firstDay(day: Day, precision: PointPrecision): Day {
  if (precision === "day") return day;
  return { year: day.year, month: precision === "month" ? day.month : 1, day: 1 };
}

function point(day: Day, precision: PointPrecision): SynthDate {
  return {
    text: pointText(day, precision),
    precision,
    year: day.year,
    first: firstDay(day, precision),
    phrase: `${precision === "day" ? "On" : "In"} ${pointPhrase(day, precision)}`,
  };
}

function pointPrecision(random: Random, year: number): PointPrecision {
  if (year < 1000) return "year";
  return random.weighted<PointPrecision>([
    ["year", 50],
    ["month", 25],
    ["day", 25],
  ]);
}

function span(random: Random, year: number): SynthDate {
  const from = randomDay(random, year);
  // Old spans last generations (a union, a treaty's life); modern ones weeks to years.
  const maxDays = year < 1800 ? 150 * 365 : 12 * 365;
  let to = addDays(from, random.int(20, maxDays));
  if (to.year > LAST_YEAR) to = { year: LAST_YEAR, month: 12, day: 31 };
  let fromPrecision = pointPrecision(random, from.year);
  let toPrecision = pointPrecision(random, to.year);
  // Ends within one year or month are written finer, never as "1905/1905" or "2023-04/2023-04".
  if (from.year === to.year) {
    if (to.year < 1000) to = { ...to, year: to.year + 1 };
    else {
      if (fromPrecision === "year") fromPrecision = "month";
      if (toPrecision === "year") toPrecision = "month";
      if (from.month === to.month && fromPrecision === "month" && toPrecision === "month") {
        fromPrecision = "day";
        toPrecision = "day";
      }
    }
  }
  return {
    text: `${pointText(from, fromPrecision)}/${pointText(to, toPrecision)}`,
    precision: "span",
    year: from.year,
    first: firstDay(from, fromPrecision),
    phrase: `From ${pointPhrase(from, fromPrecision)} to ${pointPhrase(to, toPrecision)}`,
  };
}

/** A date at this precision (or one fitting the year) in or around this year. */
export function synthDate(random: Random, year: number, precision: Precision): SynthDate {
  if (precision === "span") return span(random, year);
  if (precision === "century") {
    const century = Math.floor((year - 1) / 100) + 1;
    const first = (century - 1) * 100 + 1;
    return {
      text: `${ordinal(century)} century`,
      precision,
      year: first,
      first: { year: first, month: 1, day: 1 },
      phrase: `In the ${ordinal(century)} century`,
    };
  }
  // Month and day need four-digit years in data files; earlier dates fall back to the year.
  if (year < 1000) return point({ year, month: 1, day: 1 }, "year");
  return point(randomDay(random, year), precision);
}

/** A date for an answer to an event: on or a little after the day it could first have been. */
export function dateAfter(random: Random, cause: SynthDate): SynthDate {
  let day = addDays(cause.first, random.int(0, 120));
  if (day.year > LAST_YEAR) day = cause.first;
  if (day.year < 1000) return point(day, "year");
  const precision = random.weighted<PointPrecision>([
    ["day", 50],
    ["month", 30],
    // "Russia answered in 2023": the README's own example of a coarser answer.
    ["year", 20],
  ]);
  return point(day, precision);
}
