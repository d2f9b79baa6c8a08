import { describe, expect, it } from "vitest";
import { EventIndex } from "../../src/core/event-index.ts";
import { type Event, eventSchema, sourceSchema } from "../../src/core/schema.ts";
import { allText, ask, bundledContext } from "../support/context.ts";

const ctx = bundledContext();

describe("/expulsions <year>", () => {
  it("pairs Norway's 15 expelled in 2023 with Russia's answer of 10", () => {
    const reply = ask(ctx, "/expulsions 2023");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Expulsions in 2023");
    expect(reply.body[0]).toBe(
      "Norway expelled 15 Russian intelligence officers; Russia answered by expelling 10 Norwegian diplomats.",
    );
    expect(reply.fields).toEqual([
      { name: "Norway expelled", value: "15" },
      { name: "Russia expelled", value: "10" },
    ]);
  });

  it("lists each expulsion at its true precision, Norway's first, with the grounds the sources report", () => {
    const [norway, russia] = ask(ctx, "/expulsions 2023").items;
    expect(norway?.when).toBe("April 2023 (a Thursday)");
    expect(norway?.detail).toContain("Reported grounds: suspicion of spying.");
    // The article says Russia answered "promptly" but not in which month.
    expect(russia?.when).toBe("2023");
  });

  it("keeps every fact's citation, with quotes, all the way to the reply", () => {
    const reply = ask(ctx, "/expulsions 2023");
    expect(reply.showQuotes).toBe(true);
    for (const item of reply.items) {
      expect(item.cites.length).toBeGreaterThan(0);
      expect(item.cites).toEqual([...item.cites].sort((a, b) => a - b));
    }
    const quotes = reply.sources.flatMap((s) => s.quotes);
    expect(quotes).toContain(
      "In April 2023 Norway expelled 15 Russian diplomats on suspicion of spying.",
    );
  });

  it("tells 2022 as Norway's three on 6 April and Russia's three later that month, not as an answer", () => {
    const reply = ask(ctx, "/expulsions 2022");
    expect(reply.items.map((i) => i.when)).toEqual(["6 April 2022", "April 2022"]);
    // The encyclopedia says only "Russia expelled three Norwegian diplomats later that month".
    expect(reply.body[0]).toBe(
      "Norway expelled three Russian diplomats; later, Russia expelled three Norwegian diplomats; the sources do not call it an answer.",
    );
    expect(allText(reply)).not.toMatch(/answered|in answer to/);
  });

  it("says when the sources record no answer to an expulsion (July 2020)", () => {
    const reply = ask(ctx, "/expulsions 2020");
    expect(reply.items.map((i) => i.when)).toEqual(["July 2020"]);
    expect(reply.body[0]).toBe(
      "Norway expelled one Russian diplomat; the sources record no expulsion in answer.",
    );
  });

  it("names the nearest years that have expulsions when a year has none", () => {
    const reply = ask(ctx, "/expulsions 2021");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("No expulsions are recorded for 2021.");
    expect(reply.body).toEqual(["The nearest years with expulsions: 2020 and 2022."]);
    expect(reply.suggestions.map((s) => s.call)).toEqual([
      { command: "expulsions", options: { year: 2020 } },
      { command: "expulsions", options: { year: 2022 } },
    ]);
  });

  it("offers only the later year when asked about a year before any expulsion", () => {
    expect(ask(ctx, "/expulsions 1900").body).toEqual(["The nearest years with expulsions: 2020."]);
  });

  it.each([
    ["/expulsions abc", '"abc" is not a whole number for year.'],
    ["/expulsions 99999", "year must be between 1 and 9999; 99999 is not."],
    ["/expulsions", "/expulsions needs a year."],
    ["/expulsions 2023 2024", "/expulsions got more values than it takes: “2024” is one too many."],
    [
      "/expulsions year:2023 colour:red",
      '/expulsions has no option "colour"; it takes year, page.',
    ],
  ])("refuses %s with a message and an example", (line, message) => {
    const reply = ask(ctx, line);
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(message);
    expect(reply.body.join("\n")).toMatch(/^Example: \/expulsions/m);
  });
});

describe("/expulsions across a year's end", () => {
  const cite = [{ source: "s", quote: "q" }];
  const dataset = {
    sources: [sourceSchema.parse({ id: "s", title: "T", kind: "news report" })],
    people: [],
    events: [
      eventSchema.parse({
        id: "a",
        date: "2030-12",
        title: "A expels",
        summary: "S",
        kind: "expulsion",
        expulsion: { by: "Norway", of: "Russia", count: 2, who: "diplomats" },
        citations: cite,
      }),
      eventSchema.parse({
        id: "b",
        date: "2031-01",
        title: "B answers",
        summary: "S",
        kind: "expulsion",
        respondsTo: "a",
        expulsion: { by: "Russia", of: "Norway", count: 2, who: "diplomats" },
        citations: cite,
      }),
    ],
  };
  const small = { ...bundledContext(), index: new EventIndex(dataset) };
  // The same two expulsions where the source gives only their order, not a cause.
  const [first, second] = dataset.events as [Event, Event];
  const sequence = {
    ...dataset,
    events: [first, { ...second, respondsTo: undefined, follows: "a" }],
  };
  const inSequence = { ...bundledContext(), index: new EventIndex(sequence) };

  it("finds an answer dated the next year and says when it came", () => {
    expect(ask(small, "/expulsions 2030").body).toEqual([
      "Norway expelled two Russian diplomats; Russia answered by expelling two Norwegian diplomats (January 2031).",
    ]);
  });

  it("tells the answer's year with what it answered", () => {
    expect(ask(small, "/expulsions 2031").body).toEqual([
      "Russia expelled two Norwegian diplomats in answer to the expulsion of two Russian diplomats (December 2030).",
    ]);
  });

  it("tells a later expulsion the source does not call an answer as a sequence, both years", () => {
    expect(ask(inSequence, "/expulsions 2030").body).toEqual([
      "Norway expelled two Russian diplomats; later, Russia expelled two Norwegian diplomats (January 2031); the sources do not call it an answer.",
    ]);
    expect(ask(inSequence, "/expulsions 2031").body).toEqual([
      "Russia expelled two Norwegian diplomats after the expulsion of two Russian diplomats (December 2030); the sources do not call it an answer.",
    ]);
  });
});

describe("/expulsions' Chart button", () => {
  it("asks /chart for every year's expulsions, this one among them", () => {
    expect(ask(ctx, "/expulsions 2023").suggestions).toContainEqual({
      label: "Chart of every year",
      call: { command: "chart", options: { kind: "expulsions" } },
    });
  });
});
