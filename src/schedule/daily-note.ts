import { eventItem } from "../command/event-item.ts";
import type { CalendarDay } from "../core/calendar-day.ts";
import { formatMonthDay, MONTHS } from "../core/dates.ts";
import type { EventIndex, IndexedEvent } from "../core/event-index.ts";
import { type Reply, reply } from "../reply/reply.ts";
import { SourceList } from "../reply/source-list.ts";

// The scheduled post: the day's events in a compact form (no quotes, sources listed), else the
// month's, else — by ONTHISDAY_EMPTY — nothing, or a line saying nothing is recorded.

/** ONTHISDAY_EMPTY: what a day without events posts. */
export type EmptyDayPolicy = "month" | "skip" | "say";

function compact(
  title: string,
  events: readonly IndexedEvent[],
  index: EventIndex,
  body: string[] = [],
): Reply {
  const sources = new SourceList(index);
  return reply("answer", title, {
    body,
    items: events.map((e) => eventItem(e, sources, e.summary, false)),
    sources: sources.list(),
  });
}

/**
 * The note for one local date; undefined when nothing should be posted.
 * - month: the day's events, else the month's (day not recorded), else nothing;
 * - skip: the day's events, else nothing;
 * - say: like month, but a day with nothing at all still gets a one-line note.
 */
export function dailyNote(
  index: EventIndex,
  date: CalendarDay,
  empty: EmptyDayPolicy,
): Reply | undefined {
  const dayName = formatMonthDay(date.month, date.day);
  const onDay = index.onDay(date.month, date.day);
  if (onDay.length) return compact(`On this day: ${dayName}`, onDay, index);
  if (empty === "skip") return undefined;
  const inMonth = index.inMonth(date.month);
  const monthName = MONTHS[date.month - 1];
  if (inMonth.length) {
    return compact(`This month in history: ${monthName}`, inMonth, index, [
      `Nothing is recorded on ${dayName} itself. These happened in ${monthName}, day not recorded:`,
    ]);
  }
  if (empty === "month") return undefined;
  return reply("answer", `On this day: ${dayName}`, {
    body: [`Nothing is recorded on ${dayName} or in ${monthName}. /timeline shows everything.`],
  });
}
