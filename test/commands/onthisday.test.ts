import { describe, expect, it } from "vitest";
import { ask, bundledContext } from "../support/context.ts";

const ctx = bundledContext();

describe("/onthisday [date]", () => {
  it.each([
    "10-30",
    "30 October",
    "Oct 30",
    "october 30th",
    "30.10",
    "1905-10-30",
    "30/10",
    "30. oktober",
    "30 okt",
  ])("reads %s as 30 October", (date) => {
    const reply = ask(ctx, `/onthisday ${date}`);
    expect(reply.title).toBe("On this day: 30 October");
    expect(reply.items[0]?.when).toBe("30 October 1905");
  });

  it("uses today in the bot's time zone when no date is given", () => {
    // 30 October 2026, 23:30 UTC is already 31 October in Oslo.
    const late = bundledContext(new Date("2026-10-30T23:30:00Z"));
    expect(ask(late, "/onthisday").title).not.toBe("On this day: 30 October");
    expect(ask(bundledContext(), "/onthisday today").title).toBe("On this day: 30 October");
  });

  it("quotes the source for a short answer", () => {
    const reply = ask(ctx, "/onthisday 04-27");
    expect(reply.items.map((i) => i.when)).toEqual(["27 April 2010"]);
    expect(reply.showQuotes).toBe(true);
  });

  it("offers this month in history at month precision when the day has nothing", () => {
    const reply = ask(ctx, "/onthisday 12 April");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("This month in history: April");
    expect(reply.body[0]).toBe(
      "Nothing is recorded on 12 April itself. These happened in April, day not recorded:",
    );
    expect(reply.items.map((i) => i.when)).toContain("April 2022");
    expect(reply.items.every((i) => /^April \d{4}/.test(i.when))).toBe(true);
    expect(reply.suggestions[0]?.call).toEqual({
      command: "onthisday",
      options: { date: "27 April" },
    });
  });

  it("says plainly when neither the day nor its month has anything", () => {
    const reply = ask(ctx, "/onthisday 03-12");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("Nothing is recorded on 12 March.");
    expect(reply.body[0]).toMatch(/^Days with events after it: /);
  });

  it("accepts 29 February, and refuses 30 February and nonsense with an example", () => {
    expect(ask(ctx, "/onthisday 02-29").kind).not.toBe("usage");
    const impossible = ask(ctx, "/onthisday 02-30");
    expect(impossible.kind).toBe("usage");
    expect(impossible.title).toBe("There is no 30 February.");
    expect(impossible.body).toEqual(["Example: /onthisday 10-30"]);
    expect(ask(ctx, "/onthisday 13-01").title).toBe("There is no month 13.");
    expect(ask(ctx, "/onthisday banana").title).toMatch(/is not a day I can read/);
  });
  it("sets a typed year aside, says so, and points to that year's timeline", () => {
    const reply = ask(ctx, "/onthisday 2023-04-06");
    expect(reply.title).toBe("On this day: 6 April");
    expect(reply.body[0]).toBe(
      "This shows 6 April in every year; /timeline from:2023 to:2023 shows 2023.",
    );
    expect(ask(ctx, "/onthisday 2023-02-29").title).toBe("There is no 29 February 2023.");
    expect(ask(ctx, "/onthisday").body.join(" ")).not.toMatch(/every year/);
  });

  it("reads a Norwegian day with its year, setting the year aside as for any typed year", () => {
    const reply = ask(ctx, "/onthisday 27. april 2010");
    expect(reply.title).toBe("On this day: 27 April");
    expect(reply.items.map((i) => i.when)).toEqual(["27 April 2010"]);
    expect(reply.body[0]).toBe(
      "This shows 27 April in every year; /timeline from:2010 to:2010 shows 2010.",
    );
  });

  it("explains that a dash puts the month first, and that April has 30 days", () => {
    const reply = ask(ctx, "/onthisday 31-04");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe("There is no month 31.");
    expect(reply.body).toEqual([
      "With a dash the month comes first, as in 10-30 for 30 October.",
      "Day first it would be 31 April, but April has 30 days.",
      "Example: /onthisday 10-30",
    ]);
  });

  describe("a month alone: this month in history", () => {
    it.each(["april", "April", "apr", "april."])("reads %j as April in every year", (date) => {
      const reply = ask(ctx, `/onthisday ${date}`);
      expect(reply.kind).toBe("answer");
      expect(reply.title).toBe("This month in history: April");
      expect(reply.body).toEqual(["What happened in April, in any year, earliest first."]);
    });

    it("holds the month's events recorded to the day and to the month, earliest first", () => {
      const whens = ask(ctx, "/onthisday april").items.map((i) => i.when);
      expect(whens).toContain("27 April 2010");
      expect(whens).toContain("April 2022");
      expect(whens.every((w) => /^(\d{1,2} )?April \d{4}\b/.test(w))).toBe(true);
      const years = whens.map((w) => Number(/\d{4}/.exec(w)?.[0]));
      expect(years).toEqual([...years].sort((a, b) => a - b));
    });

    it("reads Norwegian month names", () => {
      const reply = ask(ctx, "/onthisday oktober");
      expect(reply.title).toBe("This month in history: October");
      expect(reply.items.map((i) => i.when)).toContain("30 October 1905");
    });

    it("pages by the month's name, so a button replays the same month", () => {
      expect(ask(ctx, "/onthisday oktober").paging?.call).toEqual({
        command: "onthisday",
        options: { date: "October" },
      });
    });

    it("says so when a month has nothing, and offers the next month that has", () => {
      const empty = ["January", "February", "March"].find(
        (m) => ask(ctx, `/onthisday ${m}`).kind === "empty",
      );
      if (!empty)
        throw new Error("the bundled data has events in every month from January to March");
      const reply = ask(ctx, `/onthisday ${empty}`);
      expect(reply.title).toBe(`Nothing is recorded in ${empty}, in any year.`);
      const next = reply.suggestions[0]?.call;
      expect(next?.command).toBe("onthisday");
      expect(ask(ctx, `/onthisday ${String(next?.options.date)}`).kind).toBe("answer");
    });
  });
});
