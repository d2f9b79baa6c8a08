import { daysInMonth, MONTHS } from "../core/dates.ts";
import { clip } from "./resolve-options.ts";
import { UsageError } from "./usage-error.ts";

export interface MonthDay {
  month: number;
  day: number;
  /** Set only when the person typed one; /onthisday looks at every year regardless. */
  year?: number;
}

const EXAMPLE = "/onthisday 10-30";

// Norwegian names too, since the bot is about Norway: "30. oktober", "1. mai", "30 okt".
// No Norwegian name shares its first three letters with a different English month.
const NORWEGIAN_MONTHS = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
] as const;

/** The month a name or its abbreviation means, in English or Norwegian: "Oct", "okt.", "mai". */
function monthNamed(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return undefined;
  for (const names of [MONTHS, NORWEGIAN_MONTHS]) {
    const i = names.findIndex((m) => m.toLowerCase().startsWith(w));
    if (i !== -1) return i + 1;
  }
  return undefined;
}

/** The month a text names on its own ("April", "oktober", "Oct"), for a month in history. */
export function monthAlone(text: string): number | undefined {
  const t = text.trim();
  return /^[a-z]+\.?$/i.test(t) ? monthNamed(t) : undefined;
}

function checked(month: number, day: number, year?: number): MonthDay {
  if (month < 1 || month > 12) throw new UsageError(`There is no month ${month}.`, EXAMPLE);
  if (day < 1 || day > daysInMonth(month, year)) {
    const when = `${day} ${MONTHS[month - 1]}${year === undefined ? "" : ` ${year}`}`;
    throw new UsageError(`There is no ${when}.`, EXAMPLE);
  }
  return year === undefined ? { month, day } : { month, day, year };
}

/**
 * Two numbers whose order is fixed by their separator: a dash puts the month first (10-30), a
 * slash or a dot the day (30/10, 30.10). When the month's place holds more than 12, the order
 * is explained and the other reading is checked too, so "31-04" is neither taken for 31 April
 * silently nor refused without saying that April has 30 days.
 */
function ordered(month: number, day: number, separator: string, year?: number): MonthDay {
  if (month <= 12) return checked(month, day, year);
  const dash = separator === "-";
  const order = dash
    ? "With a dash the month comes first"
    : `With a ${separator === "/" ? "slash" : "dot"} the day comes first`;
  // The other reading: the numbers swapped, so the month's place holds `day`.
  const name = MONTHS[day - 1];
  const days = daysInMonth(day, year);
  let detail = [`${order}, as in ${dash ? "10-30" : `30${separator}10`} for 30 October.`];
  if (name && month <= days) {
    detail = [
      `${order}: ${month} ${name} is ${dash ? `${day}-${month}` : `${month}${separator}${day}`}.`,
    ];
  } else if (name) {
    detail.push(
      `${dash ? "Day" : "Month"} first it would be ${month} ${name}, but ${name} has ${days} days.`,
    );
  }
  throw new UsageError(`There is no month ${month}.`, EXAMPLE, detail);
}

/**
 * Reads a day of the year as people type it: "10-30", "2023-04-06", "30/10", "30.10",
 * "30 October", "30. oktober", "27. april 2010", "Oct 30", "October 30th". Throws UsageError
 * for anything else or an impossible day.
 */
export function parseDay(text: string): MonthDay {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return checked(Number(m[2]), Number(m[3]), Number(m[1]));
  m = /^(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return ordered(Number(m[1]), Number(m[2]), "-");
  // 30/10, 30.10, 30.10., 30/10/1905, 30.10.1905: one separator throughout.
  m = /^(\d{1,2})([./])(\d{1,2})(?:\2(\d{4})|\.)?$/.exec(t);
  if (m) return ordered(Number(m[3]), Number(m[1]), m[2] ?? "/", m[4] ? Number(m[4]) : undefined);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.? (?:of )?([a-z.]+),?(?: (\d{4}))?$/i.exec(t);
  const dayFirst = m && monthNamed(m[2] ?? "");
  if (m && dayFirst) return checked(dayFirst, Number(m[1]), m[3] ? Number(m[3]) : undefined);
  m = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/i.exec(t);
  const monthFirst = m && monthNamed(m[1] ?? "");
  if (m && monthFirst) return checked(monthFirst, Number(m[2]), m[3] ? Number(m[3]) : undefined);
  throw new UsageError(
    `“${clip(t)}” is not a day I can read. Try 10-30, 30/10, 30 October, 30. oktober or today, or a month alone, like April.`,
    EXAMPLE,
  );
}
