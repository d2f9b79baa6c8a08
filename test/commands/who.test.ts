import { describe, expect, it } from "vitest";
import { allText, ask, bundledContext } from "../support/context.ts";

const ctx = bundledContext();

describe("/who <name>", () => {
  it.each([
    ["huitfeld", "Anniken Huitfeldt"],
    ["HUITFELDT", "Anniken Huitfeldt"],
    ["huitfedlt", "Anniken Huitfeldt"],
    ["Store", "J.G. Støre"],
    ["stoere", "J.G. Støre"],
    ["jonas gahr store", "J.G. Støre"],
    ["Giammaria", "Mikhail Mikushin"],
    ["josé assis giammaria", "Mikhail Mikushin"],
    ["Zakaev", "Akhmed Zakayev"],
    ["Pavlovski", "Vyacheslav Pavlovsky"],
    ["berg", "Frode Berg"],
    ["putin", "Vladimir Putin"],
    ["Фёдорова", "T. T. Fyodorova"],
  ])("finds %s as %s", (name, expected) => {
    const reply = ask(ctx, `/who ${name}`);
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe(expected);
  });

  it("gives roles, a summary, the events with dates, and the profile's own quotes", () => {
    const reply = ask(ctx, "/who huitfeldt");
    expect(reply.fields.find((f) => f.name === "Roles")?.value).toBe("Minister of Foreign Affairs");
    expect(reply.body.join(" ")).toContain("greatest intelligence threat");
    expect(reply.items.map((i) => i.when)).toEqual([
      "April 2023 (a Thursday)",
      "April 2023 (a Thursday)",
    ]);
    expect(reply.sources.length).toBeGreaterThan(0);
    expect(reply.sources.flatMap((s) => s.quotes).some((q) => q.includes("Huitfeldt"))).toBe(true);
  });

  it("says when it shows the closest match rather than an exact one", () => {
    expect(ask(ctx, "/who huitfeld").body[0]).toBe("Closest match for “huitfeld”.");
    expect(ask(ctx, "/who huitfeldt").body[0]).not.toMatch(/Closest match/);
  });

  it("lists spellings worth knowing but not mere accent or case variants of the name", () => {
    const aliases = ask(ctx, "/who giammaria").fields.find((f) => f.name === "Also written")?.value;
    expect(aliases).toContain("José Assis Giammaria");
    expect(aliases).not.toMatch(/\bMikushin\b/);
  });

  it("finds J.G. Støre by a spelling the sources never give, without showing it as theirs", () => {
    const reply = ask(ctx, "/who jonas gahr støre");
    expect(reply.title).toBe("J.G. Støre");
    // The sources write only "J.G. Støre": an expansion is a search aid, not "Also written".
    expect(allText(reply)).not.toMatch(/Jonas|Gahr/);
  });

  it('shows as "Also written" only spellings the person\'s own quotes give', () => {
    for (const name of ["giammaria", "zakaev", "pavlovski", "fyodorova", "kotilaine", "byrde"]) {
      const reply = ask(ctx, `/who ${name}`);
      const shown = reply.fields.find((f) => f.name === "Also written")?.value.split(", ") ?? [];
      const quotes = reply.sources.flatMap((s) => s.quotes).join(" ");
      for (const spelling of shown) expect(quotes.toLowerCase()).toContain(spelling.toLowerCase());
    }
    const aliases = ask(ctx, "/who giammaria").fields.find((f) => f.name === "Also written");
    expect(aliases?.value).toBe("José Assis Giammaria");
  });

  it("offers a timeline for a place typed where a person was expected", () => {
    const reply = ask(ctx, "/who vardo");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("No one matches “vardo”.");
    expect(reply.suggestions[0]?.call).toEqual({
      command: "timeline",
      options: { topic: "Vardø" },
    });
  });

  it("does not guess a topic from a loose match", () => {
    const reply = ask(ctx, "/who x");
    expect(reply.kind).toBe("empty");
    expect(reply.body.join(" ")).not.toMatch(/topic or a place/);
  });

  it("keeps each event's exact quotes in the reply model even where only numbers are shown", () => {
    const reply = ask(ctx, "/who mikushin");
    for (const item of reply.items) {
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const e of item.evidence) expect(item.cites).toContain(e.source);
    }
    expect(reply.items[0]?.evidence[0]?.quote).toContain("Mikushin");
  });

  it("answers a plain no-one-matches for a name nobody has", () => {
    const reply = ask(ctx, "/who xqztw");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("No one matches “xqztw”.");
    expect(reply.body[0]).toBe("A surname or part of a name is enough, as in /who huitfeldt.");
  });

  it("refuses a 2,000-character name with an example; no name at all lists everyone", () => {
    expect(ask(ctx, "/who").title).toMatch(/^People \(\d+\)$/);
    expect(ask(ctx, '/who name:""').title).toMatch(/^People /);
    const long = ask(ctx, `/who ${"a".repeat(2000)}`);
    expect(long.kind).toBe("usage");
    expect(long.title).toBe("name is too long: 2000 characters, at most 100.");
    expect(long.body).toEqual(["Example: /who huitfeldt"]);
  });

  it("refuses a page past the last with how many there are", () => {
    const reply = ask(ctx, "/who huitfeldt page:3");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe("There is only 1 page, not 3.");
  });
});
