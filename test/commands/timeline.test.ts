import { describe, expect, it } from "vitest";
import { pageCall } from "../../src/reply/reply.ts";
import { ask, bundledContext, run } from "../support/context.ts";

const ctx = bundledContext();

describe("/timeline", () => {
  it("starts with the 10th century and pages about eight at a time", () => {
    const reply = ask(ctx, "/timeline");
    expect(reply.items[0]?.when).toBe("10th century");
    expect(reply.items).toHaveLength(8);
    expect(reply.paging).toMatchObject({ page: 1, total: ctx.index.dataset.events.length });
  });

  it("shows dates at their own precision: centuries, spans, years, months and days", () => {
    const whens = new Set<string>();
    for (let page = 1; page <= (ask(ctx, "/timeline").paging?.pages ?? 0); page++) {
      for (const item of ask(ctx, `/timeline page:${page}`).items) whens.add(item.when);
    }
    for (const when of [
      "10th century",
      "1537–1814",
      "1826",
      "May 2012",
      "27 April 2010",
      "30 October 1905",
    ]) {
      expect(whens).toContain(when);
    }
  });

  it("carries the call for any page in the reply, so a button can replay it statelessly", () => {
    const first = ask(ctx, "/timeline from:1000 to:2100");
    const paging = first.paging;
    expect(paging?.call).toEqual({ command: "timeline", options: { from: 1000, to: 2100 } });
    if (!paging) throw new Error("no paging");
    const second = run(ctx, pageCall(paging, 2).command, pageCall(paging, 2).options);
    expect(second.paging?.page).toBe(2);
    expect(second.items[0]?.title).not.toBe(first.items[0]?.title);
  });

  it("narrows to years, keeping events in date order and leaving out standing facts", () => {
    const reply = ask(ctx, "/timeline 2017 2019");
    const years = reply.items.map((i) => Number(i.when.slice(-4)));
    expect(years.every((y) => y >= 2017 && y <= 2019)).toBe(true);
    expect(years).toEqual([...years].sort());
    expect(reply.items.some((i) => i.when === "Undated")).toBe(false);
  });

  it("never shows a response before what it answers", () => {
    const titles = ask(ctx, "/timeline from:2023 to:2023").items.map((i) => i.title);
    const norway = titles.findIndex((t) => /Norway expels 15/.test(t));
    const russia = titles.findIndex((t) => /Russia expels 10/.test(t));
    expect(norway).toBeGreaterThanOrEqual(0);
    expect(russia).toBeGreaterThan(norway);
  });

  it("narrows to a topic found by spelling-insensitive match", () => {
    const reply = ask(ctx, "/timeline topic:vardo");
    expect(reply.title).toBe("Timeline · topic: Vardø");
    expect(reply.items.length).toBeGreaterThanOrEqual(3);
    expect(reply.items.every((i) => /Vard|radar/.test(i.title))).toBe(true);
  });

  it.each([
    ["ukraine", "Norway expels 15 Russian intelligence officers"],
    ["Solovetsky", "Norwegians build the fortress of Vardøhus"],
    ["monastery", "Norwegians build the fortress of Vardøhus"],
    ["Murmansk", "Embassies and consulates"],
    ['"White Sea"', "Norwegian Vikings in sporadic contact with Bjarmaland"],
  ])("narrows topic:%s to events whose tags, places or words hold it", (topic, title) => {
    const reply = ask(ctx, `/timeline topic:${topic}`);
    expect(reply.kind).toBe("answer");
    expect(reply.items.map((i) => i.title)).toContain(title);
  });

  it("keeps a topic's own events and adds those whose words mention it, each once", () => {
    const reply = ask(ctx, "/timeline topic:ukraine");
    const titles = reply.items.map((i) => i.title);
    expect(titles).toContain("Russia invades Ukraine");
    expect(new Set(titles).size).toBe(titles.length);
    expect(reply.paging?.call.options.topic).toBe("Ukraine");
  });

  it("still takes the nearest topic for a misspelt one that no event mentions", () => {
    const reply = ask(ctx, "/timeline topic:sanctons");
    expect(reply.title).toBe("Timeline · topic: sanctions");
    expect(reply.body).toContain("Showing the topic “sanctions” for “sanctons”.");
  });

  it("narrows to a person", () => {
    const reply = ask(ctx, "/timeline person:mikushin");
    expect(reply.title).toBe("Timeline · person: Mikhail Mikushin");
    expect(reply.items.map((i) => i.when)).toEqual(["October 2022", "August 2024"]);
  });

  it("includes a span that overlaps the years asked for", () => {
    expect(ask(ctx, "/timeline from:1700 to:1800").items.map((i) => i.when)).toEqual(["1537–1814"]);
  });

  it("says so when nothing matches, and offers the whole timeline", () => {
    // The 10th century ends in 1000 and the 13th begins in 1201: nothing lies between.
    const reply = ask(ctx, "/timeline from:1100 to:1199");
    expect(reply.kind).toBe("empty");
    expect(reply.suggestions[0]?.call).toEqual({ command: "timeline", options: {} });
  });

  it("refuses from after to, and a page that does not exist", () => {
    const backwards = ask(ctx, "/timeline from:2019 to:2017");
    expect(backwards.kind).toBe("usage");
    expect(backwards.body).toEqual(["Example: /timeline from:2017 to:2019"]);
    expect(ask(ctx, "/timeline page:99").title).toMatch(/^There are only \d+ pages, not 99\.$/);
    expect(ask(ctx, "/timeline page:0").title).toBe("page must be between 1 and 1000; 0 is not.");
  });
});
