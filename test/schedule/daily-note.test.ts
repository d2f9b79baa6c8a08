import { describe, expect, it } from "vitest";
import type { CalendarDay } from "../../src/core/calendar-day.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { dailyNote, type EmptyDayPolicy } from "../../src/schedule/daily-note.ts";
import { bundledContext } from "../support/context.ts";

// The scheduled note on the bundled data. There, 30 October has a day-precision event (Norway and
// Russia establish diplomatic relations, 1905); the rest of October has only a month-precision one
// (Mikushin's arrest, October 2022); November has no events at all.

const index = bundledContext().index;
const POLICIES: readonly EmptyDayPolicy[] = ["month", "skip", "say"];

const day = (month: number, d: number): CalendarDay => ({ year: 2026, month, day: d });

/** Every item cites at least one listed source, with the excerpt behind it. */
function expectCited(note: Reply): void {
  const numbers = note.sources.map((s) => s.n);
  expect(note.items.length).toBeGreaterThan(0);
  for (const item of note.items) {
    expect(item.cites.length).toBeGreaterThan(0);
    for (const n of item.cites) expect(numbers).toContain(n);
    expect(item.evidence.length).toBeGreaterThan(0);
    for (const e of item.evidence) expect(e.quote.trim()).not.toBe("");
  }
  for (const source of note.sources) expect(source.label.trim()).not.toBe("");
}

describe("on a day with day-precision events", () => {
  it.each(POLICIES)("posts that day's events under %s", (policy) => {
    const note = dailyNote(index, day(10, 30), policy);
    expect(note?.kind).toBe("answer");
    expect(note?.title).toBe("On this day: 30 October");
    expect(note?.items.map((i) => [i.when, i.title])).toEqual([
      ["30 October 1905", "Norway and Russia establish diplomatic relations"],
    ]);
  });

  it("carries the sources of each item", () => {
    const note = dailyNote(index, day(10, 30), "month");
    if (!note) throw new Error("expected a note for 30 October");
    expectCited(note);
    expect(note.sources.map((s) => s.label)).toEqual(["“Norway–Russia relations”, Wikipedia"]);
  });

  it("is compact: a summary per item, no quotes listed under the sources", () => {
    const note = dailyNote(index, day(10, 30), "month");
    expect(note?.items[0]?.detail).toMatch(/^Diplomatic relations between Norway and Russia/);
    expect(note?.showQuotes).toBe(false);
    expect(note?.sources.every((s) => s.quotes.length === 0)).toBe(true);
  });

  it("leaves out the month's events when the day has its own", () => {
    // April has day events on the 6th and the 27th, and month-precision ones too.
    expect(index.inMonth(4).length).toBeGreaterThan(0);
    const note = dailyNote(index, day(4, 6), "month");
    expect(note?.title).toBe("On this day: 6 April");
    expect(note?.items.map((i) => i.when)).toEqual(["6 April 2022"]);
    expect(note?.body).toEqual([]);
  });

  it("does not depend on the year of the date", () => {
    const later = dailyNote(index, { year: 2031, month: 10, day: 30 }, "month");
    expect(later).toEqual(dailyNote(index, day(10, 30), "month"));
  });
});

describe("on a day without events in a month with events", () => {
  it("posts this month in history under month, saying the day itself has nothing", () => {
    expect(index.onDay(10, 1)).toEqual([]);
    const note = dailyNote(index, day(10, 1), "month");
    if (!note) throw new Error("expected a month note for 1 October");
    expect(note.title).toBe("This month in history: October");
    expect(note.body).toEqual([
      "Nothing is recorded on 1 October itself. These happened in October, day not recorded:",
    ]);
    expect(note.items.map((i) => [i.when, i.title])).toEqual([
      [
        "October 2022",
        'Norway arrests Mikhail Mikushin, posing as Brazilian "José Assis Giammaria"',
      ],
    ]);
    expectCited(note);
  });

  it("never includes the month's day-precision events in the month note", () => {
    const note = dailyNote(index, day(10, 1), "month");
    expect(note?.items.map((i) => i.title)).not.toContain(
      "Norway and Russia establish diplomatic relations",
    );
  });

  it("posts nothing under skip", () => {
    expect(dailyNote(index, day(10, 1), "skip")).toBeUndefined();
  });

  it("posts the same month note under say as under month", () => {
    expect(dailyNote(index, day(10, 1), "say")).toEqual(dailyNote(index, day(10, 1), "month"));
  });

  it("lists every month-precision event of the month", () => {
    const note = dailyNote(index, day(8, 15), "month");
    expect(note?.title).toBe("This month in history: August");
    expect(note?.items.map((i) => i.when)).toEqual(["August 2023", "August 2024"]);
  });
});

describe("in a month with no events at all", () => {
  it("has nothing recorded in November, on any day or for the month", () => {
    expect(index.inMonth(11)).toEqual([]);
    for (let d = 1; d <= 30; d++) expect(index.onDay(11, d)).toEqual([]);
  });

  it("posts nothing under month", () => {
    expect(dailyNote(index, day(11, 1), "month")).toBeUndefined();
  });

  it("posts nothing under skip", () => {
    expect(dailyNote(index, day(11, 1), "skip")).toBeUndefined();
  });

  it("posts one line under say, with no items or sources", () => {
    const note = dailyNote(index, day(11, 1), "say");
    expect(note?.kind).toBe("answer");
    expect(note?.title).toBe("On this day: 1 November");
    expect(note?.body).toEqual([
      "Nothing is recorded on 1 November or in November. /timeline shows everything.",
    ]);
    expect(note?.items).toEqual([]);
    expect(note?.sources).toEqual([]);
  });
});
