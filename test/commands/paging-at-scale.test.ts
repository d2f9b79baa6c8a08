import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import type { CommandContext } from "../../src/command/declaration.ts";
import { EventIndex } from "../../src/core/event-index.ts";
import { pageCall, type Reply } from "../../src/reply/reply.ts";
import { synthDataset } from "../../src/synth/dataset.ts";
import { parseDataset } from "../fixtures/tiny-dataset.ts";
import { ask, run } from "../support/context.ts";

// With a dataset far larger than the bundled one, a year's expulsions and a day's events run
// to dozens: they page eight at a time like /timeline, instead of one reply cut short.

const index = new EventIndex(parseDataset(synthDataset({ events: 4000, people: 300, seed: 3 })));
const ctx: CommandContext = {
  index,
  now: () => new Date("2026-10-30T11:00:00Z"),
  timeZone: "Europe/Oslo",
  commands: COMMANDS,
};

const busiestYear = index.expulsionYears.reduce((best, y) =>
  index.inYear(y).filter((e) => e.expulsion).length >
  index.inYear(best).filter((e) => e.expulsion).length
    ? y
    : best,
);
const expelledIn = index.inYear(busiestYear).filter((e) => e.expulsion);

/** Every page of a paged reply, the first included, by replaying its own paging call. */
function allPages(first: Reply): Reply[] {
  const paging = first.paging;
  if (!paging) return [first];
  const rest = Array.from({ length: paging.pages - 1 }, (_, i) => {
    const call = pageCall(paging, i + 2);
    return run(ctx, call.command, call.options);
  });
  return [first, ...rest];
}

describe("/expulsions at scale", () => {
  it("has a year with more expulsions than a page holds", () => {
    expect(expelledIn.length).toBeGreaterThan(8);
  });

  it("pages the year's expulsions eight at a time, every one shown once, in order", () => {
    const first = ask(ctx, `/expulsions ${busiestYear}`);
    expect(first.items).toHaveLength(8);
    expect(first.paging).toMatchObject({ page: 1, total: expelledIn.length });
    const titles = allPages(first).flatMap((r) => r.items.map((i) => i.title));
    expect(titles).toEqual(expelledIn.map((e) => e.title));
  });

  it("counts the whole year in the totals on every page", () => {
    const pages = allPages(ask(ctx, `/expulsions ${busiestYear}`));
    const total = expelledIn.reduce((n, e) => n + (e.expulsion?.count ?? 0), 0);
    for (const page of pages) {
      const sum = page.fields.reduce((n, f) => n + Number(f.value), 0);
      expect(sum).toBe(total);
    }
  });

  it("refuses a page past the last with the number of pages", () => {
    const reply = ask(ctx, `/expulsions ${busiestYear} page:999`);
    expect(reply.kind).toBe("usage");
    expect(reply.title).toMatch(/^There are only \d+ pages, not 999\.$/);
  });
});

describe("/onthisday at scale", () => {
  const day = [...Array(12).keys()]
    .flatMap((m) => [...Array(28).keys()].map((d) => ({ month: m + 1, day: d + 1 })))
    .reduce((best, d) =>
      index.onDay(d.month, d.day).length > index.onDay(best.month, best.day).length ? d : best,
    );
  const onDay = index.onDay(day.month, day.day);
  const typed = `${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;

  it("pages a busy day eight at a time, every event shown once", () => {
    expect(onDay.length).toBeGreaterThan(8);
    const first = ask(ctx, `/onthisday ${typed}`);
    expect(first.items).toHaveLength(8);
    const titles = allPages(first).flatMap((r) => r.items.map((i) => i.title));
    expect(titles).toEqual(onDay.map((e) => e.title));
  });

  it("names the day in its paging call, so a press after midnight still pages that day", () => {
    const today = ask(ctx, "/onthisday");
    expect(today.paging?.call).toEqual({ command: "onthisday", options: { date: "10-30" } });
  });
});
