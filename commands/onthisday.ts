import { defineCommand } from "../src/command/declaration.ts";
import { eventItem } from "../src/command/event-item.ts";
import { type MonthDay, parseDay } from "../src/command/parse-day.ts";
import { calendarDay } from "../src/core/calendar-day.ts";
import { daysInMonth, formatMonthDay, MONTHS } from "../src/core/dates.ts";
import type { EventIndex } from "../src/core/event-index.ts";
import { reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

/** The next days of the year, after this one, that have day-precision events. */
function nextDaysWithEvents(index: EventIndex, from: MonthDay, count: number): MonthDay[] {
  const found: MonthDay[] = [];
  let { month, day } = from;
  for (let step = 0; step < 366 && found.length < count; step++) {
    day += 1;
    if (day > daysInMonth(month)) [month, day] = [(month % 12) + 1, 1];
    if (index.onDay(month, day).length) found.push({ month, day });
  }
  return found;
}

export const onthisday = defineCommand({
  name: "onthisday",
  description: "What happened on a day of the year, in any year; today by default",
  options: [
    {
      name: "date",
      description: "A day like 10-30, 30 October or Oct 30; today if left out",
      type: "string",
      maxLength: 40,
      example: "10-30",
    },
  ],
  examples: ["/onthisday 10-30", "/onthisday", "/onthisday 27 April"],
  handle(ctx, { date }) {
    const { index } = ctx;
    const typed = date === undefined || date.toLowerCase() === "today" ? undefined : parseDay(date);
    const wanted = typed ?? calendarDay(ctx.now(), ctx.timeZone);
    const dayName = formatMonthDay(wanted.month, wanted.day);
    // A typed year is set aside, not silently dropped: say so, and where that year is.
    const year = typed?.year;
    const yearNote =
      year === undefined
        ? []
        : [`This shows ${dayName} in every year; /timeline from:${year} to:${year} shows ${year}.`];
    const sources = new SourceList(index);
    const onDay = index.onDay(wanted.month, wanted.day);
    if (onDay.length) {
      return reply("answer", `On this day: ${dayName}`, {
        body: yearNote,
        items: onDay.map((e) => eventItem(e, sources)),
        sources: sources.list(),
        showQuotes: onDay.length <= 3,
      });
    }
    const monthName = MONTHS[wanted.month - 1];
    const inMonth = index.inMonth(wanted.month);
    const next = nextDaysWithEvents(index, wanted, 3).map((d) => formatMonthDay(d.month, d.day));
    const suggestions = next.map((d) => ({
      label: d,
      call: { command: "onthisday", options: { date: d } },
    }));
    if (inMonth.length) {
      return reply("answer", `This month in history: ${monthName}`, {
        body: [
          ...yearNote,
          `Nothing is recorded on ${dayName} itself. These happened in ${monthName}, day not recorded:`,
        ],
        items: inMonth.map((e) => eventItem(e, sources)),
        sources: sources.list(),
        showQuotes: inMonth.length <= 3,
        suggestions,
      });
    }
    return reply("empty", `Nothing is recorded on ${dayName}.`, {
      body: [
        ...yearNote,
        next.length
          ? `Days with events after it: ${next.join(", ")}.`
          : "No events have a recorded day.",
      ],
      suggestions,
    });
  },
});
