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

  it("refuses a year that is not whole as /expulsions does, instead of taking it for a topic", () => {
    const reply = ask(ctx, "/timeline 2023.5");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe('"2023.5" is not a whole number for from.');
    expect(ask(ctx, "/expulsions 2023.5").title).toBe('"2023.5" is not a whole number for year.');
    expect(ask(ctx, "/timeline 2017 2019,5").title).toBe('"2019,5" is not a whole number for to.');
  });

  it("says in plain words that nothing is recorded from a year on, and where the records end", () => {
    const reply = ask(ctx, "/timeline 2025");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("Nothing is recorded from 2025 on.");
    expect(reply.body).toEqual(["The latest recorded year is 2024."]);
    expect(reply.suggestions.map((s) => s.call)).toEqual([
      { command: "timeline", options: { from: 2024 } },
      { command: "timeline", options: {} },
    ]);
    expect(ask(ctx, "/timeline from:2024").kind).toBe("answer");
  });

  it.each([
    ["/timeline from:1100 to:1199", "Nothing is recorded from 1100 to 1199."],
    ["/timeline 1150 1150", "Nothing is recorded in 1150."],
    ["/timeline to:900", "Nothing is recorded up to 900."],
  ])("names the years asked for as a person would: %s", (line, title) => {
    expect(ask(ctx, line).title).toBe(title);
  });

  it("names an open range of years in words in its title", () => {
    expect(ask(ctx, "/timeline from:2024").title).toBe("Timeline from 2024 on");
    expect(ask(ctx, "/timeline to:1000").title).toBe("Timeline up to 1000");
    expect(ask(ctx, "/timeline 2025 topic:expulsion").title).toBe(
      "No events match: Timeline from 2025 on · topic: expulsion.",
    );
  });

  it("refuses from after to, and a page that does not exist", () => {
    const backwards = ask(ctx, "/timeline from:2019 to:2017");
    expect(backwards.kind).toBe("usage");
    expect(backwards.body).toEqual(["Example: /timeline from:2017 to:2019"]);
    expect(ask(ctx, "/timeline page:99").title).toMatch(/^There are only \d+ pages, not 99\.$/);
    expect(ask(ctx, "/timeline page:0").title).toBe("page must be between 1 and 1000; 0 is not.");
  });
});

describe("/timeline's Chart button", () => {
  it("asks /chart for the very same events, names as matched", () => {
    const reply = ask(ctx, "/timeline topic:expulsion from:2020");
    expect(reply.suggestions).toContainEqual({
      label: "Chart",
      call: { command: "chart", options: { kind: "timeline", from: 2020, topic: "expulsion" } },
    });
  });

  it("is not offered where there is nothing dated to draw", () => {
    const undated = ask(ctx, "/timeline topic:consulate");
    expect(undated.suggestions.map((s) => s.label)).not.toContain("Chart");
  });
});
