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

function monthNamed(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.toLowerCase().startsWith(w));
  return i === -1 ? undefined : i + 1;
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
 * Reads a day of the year as people type it: "10-30", "2023-04-06", "30.10", "30 October",
 * "Oct 30", "October 30th". Throws UsageError for anything else or an impossible day.
 */
export function parseDay(text: string): MonthDay {
  const t = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return checked(Number(m[2]), Number(m[3]), Number(m[1]));
  m = /^(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(t);
  if (m) return checked(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.? (?:of )?([a-z.]+)$/i.exec(t);
  const dayFirst = m && monthNamed(m[2] ?? "");
  if (m && dayFirst) return checked(dayFirst, Number(m[1]));
  m = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)?$/i.exec(t);
  const monthFirst = m && monthNamed(m[1] ?? "");
  if (m && monthFirst) return checked(monthFirst, Number(m[2]));
  throw new UsageError(
    `“${clip(t)}” is not a day I can read. Try 10-30, 30 October, Oct 30 or today.`,
    EXAMPLE,
  );
}
