import { defineCommand } from "../src/command/declaration.ts";
import { eventItem } from "../src/command/event-item.ts";
import { PAGE_OPTION, paginate, pagingOf } from "../src/command/paginate.ts";
import { type MonthDay, monthAlone, parseDay } from "../src/command/parse-day.ts";
import { calendarDay } from "../src/core/calendar-day.ts";
import { daysInMonth, formatMonthDay, MONTHS } from "../src/core/dates.ts";
import type { EventIndex, IndexedEvent } from "../src/core/event-index.ts";
import { type Reply, reply } from "../src/reply/reply.ts";
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

/** A month alone: its events in every year, to the day or to the month, earliest first. */
function monthInHistory(index: EventIndex, month: number, page: number | undefined): Reply {
  const name = MONTHS[month - 1] ?? String(month);
  const events = index.ofMonth(month);
  if (events.length === 0) {
    const next = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
      .map((step) => ((month + step - 1) % 12) + 1)
      .find((m) => index.ofMonth(m).length > 0);
    const nextName = next === undefined ? undefined : MONTHS[next - 1];
    return reply("empty", `Nothing is recorded in ${name}, in any year.`, {
      body: [
        nextName
          ? `The next month with events is ${nextName}.`
          : "No events have a recorded month.",
      ],
      suggestions: nextName
        ? [{ label: nextName, call: { command: "onthisday", options: { date: nextName } } }]
        : [],
    });
  }
  const sources = new SourceList(index);
  const shown = paginate(events, page, `/onthisday ${name} page:1`);
  return reply("answer", `This month in history: ${name}`, {
    body: [`What happened in ${name}, in any year, earliest first.`],
    items: shown.slice.map((e) => eventItem(e, sources)),
    showQuotes: events.length <= 3,
    sources: sources.list(),
    paging: pagingOf(shown, { command: "onthisday", options: { date: name } }),
  });
}

export const onthisday = defineCommand({
  name: "onthisday",
  description: "What happened on a day or in a month of the year, in any year; today by default",
  options: [
    {
      name: "date",
      description:
        "A day like 10-30, 30/10 or 30. oktober, or a month like April; today if left out",
      type: "string",
      maxLength: 40,
      example: "10-30",
    },
    PAGE_OPTION,
  ],
  examples: ["/onthisday 10-30", "/onthisday", "/onthisday 27 April", "/onthisday April"],
  handle(ctx, { date, page }) {
    const { index } = ctx;
    const month = date === undefined ? undefined : monthAlone(date);
    if (month !== undefined) return monthInHistory(index, month, page);
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
    // A page names its day, so "today" does not move under a press made after midnight.
    const pad = (n: number) => String(n).padStart(2, "0");
    const named = `${pad(wanted.month)}-${pad(wanted.day)}`;
    const paged = (events: readonly IndexedEvent[]) => {
      const shown = paginate(events, page, `/onthisday ${named} page:1`);
      return {
        items: shown.slice.map((e) => eventItem(e, sources)),
        showQuotes: events.length <= 3,
        paging: pagingOf(shown, { command: "onthisday", options: { date: named } }),
      };
    };
    const onDay = index.onDay(wanted.month, wanted.day);
    if (onDay.length) {
      const shown = paged(onDay);
      return reply("answer", `On this day: ${dayName}`, {
        body: yearNote,
        ...shown,
        sources: sources.list(),
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
      const shown = paged(inMonth);
      return reply("answer", `This month in history: ${monthName}`, {
        body: [
          ...yearNote,
          `Nothing is recorded on ${dayName} itself. These happened in ${monthName}, day not recorded:`,
        ],
        ...shown,
        sources: sources.list(),
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
