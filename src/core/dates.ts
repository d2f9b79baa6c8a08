// A historical date at the precision its source gives, never finer.
// In data files a date is a short string: "10th century", "1267", "2012-05", "2010-04-27",
// or a span "1537/1814" (either end at any of those precisions except century).

export type Point =
  | { precision: "century"; century: number }
  | { precision: "year"; year: number }
  | { precision: "month"; year: number; month: number }
  | { precision: "day"; year: number; month: number; day: number };

export type HistDate = Point | { precision: "span"; from: Point; to: Point };

/** A closed range of calendar days, as comparable numbers (yyyymmdd). */
export interface DayRange {
  start: number;
  end: number;
}

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const CENTURY = /^(\d{1,2})(st|nd|rd|th) century$/;
const YEAR = /^(\d{1,4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month; February counts 29 so that a leap day is a real calendar day. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parsePoint(text: string): Point | string {
  let m = CENTURY.exec(text);
  if (m) {
    const century = Number(m[1]);
    const suffix = ordinalSuffix(century);
    if (century < 1 || m[2] !== suffix)
      return `"${text}" should read "${century}${suffix} century"`;
    return { precision: "century", century };
  }
  m = YEAR.exec(text);
  if (m) return { precision: "year", year: Number(m[1]) };
  m = MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `"${text}" has no month ${month}`;
    return { precision: "month", year: Number(m[1]), month };
  }
  m = DAY.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12) return `"${text}" has no month ${month}`;
    if (day < 1 || day > daysInMonth(month, year)) return `"${text}" is not a calendar day`;
    return { precision: "day", year, month, day };
  }
  return `"${text}" is not a date: use "10th century", "1267", "2012-05", "2010-04-27" or "1537/1814"`;
}

/** Parses a data-file date string; returns an explanation string when it is malformed. */
export function parseHistDate(text: string): HistDate | string {
  const parts = text.split("/");
  if (parts.length === 1) return parsePoint(text);
  if (parts.length !== 2) return `"${text}" has more than one "/"`;
  const from = parsePoint(parts[0] ?? "");
  const to = parsePoint(parts[1] ?? "");
  if (typeof from === "string") return from;
  if (typeof to === "string") return to;
  if (from.precision === "century" || to.precision === "century") {
    return `"${text}": a span runs between years, months or days, not centuries`;
  }
  if (dayRange(from).start > dayRange(to).end) return `"${text}" ends before it starts`;
  return { precision: "span", from, to };
}

function pointRange(p: Point): DayRange {
  switch (p.precision) {
    case "century": {
      const first = (p.century - 1) * 100 + 1;
      return { start: first * 10000 + 101, end: (first + 99) * 10000 + 1231 };
    }
    case "year":
      return { start: p.year * 10000 + 101, end: p.year * 10000 + 1231 };
    case "month": {
      const base = p.year * 10000 + p.month * 100;
      return { start: base + 1, end: base + daysInMonth(p.month, p.year) };
    }
    case "day": {
      const n = p.year * 10000 + p.month * 100 + p.day;
      return { start: n, end: n };
    }
  }
}

/** The calendar days a date could mean: "April 2023" covers the 1st to the 30th. */
export function dayRange(d: HistDate): DayRange {
  if (d.precision === "span") return { start: pointRange(d.from).start, end: pointRange(d.to).end };
  return pointRange(d);
}

/** The days of the years from..to (inclusive): 1 January of the first to 31 December of the last. */
export function yearsRange(from: number, to: number): DayRange {
  return { start: from * 10000 + 101, end: to * 10000 + 1231 };
}

/** Whether a date lies, wholly or in part, within the years from..to (inclusive). */
export function overlapsYears(d: HistDate, from: number, to: number): boolean {
  const r = dayRange(d);
  const years = yearsRange(from, to);
  return r.start <= years.end && r.end >= years.start;
}

/** The years a date touches, for the by-year index; a century touches all its hundred. */
export function yearsOf(d: HistDate): number[] {
  const r = dayRange(d);
  const first = Math.floor(r.start / 10000);
  const last = Math.floor(r.end / 10000);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

function formatPoint(p: Point): string {
  switch (p.precision) {
    case "century":
      return `${p.century}${ordinalSuffix(p.century)} century`;
    case "year":
      return String(p.year);
    case "month":
      return `${MONTHS[p.month - 1]} ${p.year}`;
    case "day":
      return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  }
}

/** A date as a reader expects it, at exactly its own precision: "April 2023", "1537–1814". */
export function formatHistDate(d: HistDate): string {
  if (d.precision === "span") return `${formatPoint(d.from)}–${formatPoint(d.to)}`;
  return formatPoint(d);
}

/** "30 October", the way /onthisday names a day of the year. */
export function formatMonthDay(month: number, day: number): string {
  return `${day} ${MONTHS[month - 1]}`;
}
