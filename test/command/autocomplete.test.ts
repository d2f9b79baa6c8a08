import { describe, expect, it } from "vitest";
import { autocomplete, MAX_CHOICES } from "../../src/command/autocomplete.ts";
import { bundledContext } from "../support/context.ts";

const ctx = bundledContext();

describe("autocomplete", () => {
  it("ranks people by a prefix, a typo or a spelling without diacritics", () => {
    expect(autocomplete(ctx, "people", "huit")[0]?.name).toBe("Anniken Huitfeldt");
    expect(autocomplete(ctx, "people", "huitfeld")[0]?.name).toBe("Anniken Huitfeldt");
    expect(autocomplete(ctx, "people", "stoere")[0]?.name).toBe("J.G. Støre");
    expect(autocomplete(ctx, "people", "giamm")[0]?.name).toBe("Mikhail Mikushin");
  });

  it("puts the person who appears in more events first when names tie", () => {
    expect(autocomplete(ctx, "people", "an")[0]?.name).toBe("Anniken Huitfeldt");
    expect(autocomplete(ctx, "people", "pa")[0]?.name).toBe("Vyacheslav Pavlovsky");
  });

  it("offers the years that have expulsions, newest first, filtered by what is typed", () => {
    expect(autocomplete(ctx, "expulsion-years", "").map((c) => c.value)).toEqual([
      2023, 2022, 2020,
    ]);
    expect(autocomplete(ctx, "expulsion-years", "202").map((c) => c.value)).toEqual([
      2023, 2022, 2020,
    ]);
    expect(autocomplete(ctx, "expulsion-years", "2022").map((c) => c.value)).toEqual([2022]);
    expect(autocomplete(ctx, "expulsion-years", "19")).toEqual([]);
  });

  it("finds topics by kind, tag or place", () => {
    expect(autocomplete(ctx, "topics", "vardo")[0]?.name).toBe("Vardø");
    expect(autocomplete(ctx, "topics", "expul")[0]?.name).toBe("expulsion");
  });

  it("never offers more than 25 choices, each named with 1 to 100 characters", () => {
    for (const source of ["people", "topics", "expulsion-years"] as const) {
      for (const typed of ["", "a", "e", "x".repeat(500)]) {
        const choices = autocomplete(ctx, source, typed);
        expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
        for (const c of choices) {
          expect([...c.name].length).toBeGreaterThanOrEqual(1);
          expect([...c.name].length).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("offers the broadest topics first, named as words rather than tag ids", () => {
    const topics = autocomplete(ctx, "topics", "");
    const count = (name: string) => ctx.index.withTopic(name.toLowerCase()).length;
    expect(count(topics[0]?.name ?? "")).toBeGreaterThanOrEqual(count(topics.at(-1)?.name ?? ""));
    expect(topics.some((t) => t.name.includes("-"))).toBe(false);
  });

  it("offers choices for an empty field so the menu is never blank", () => {
    expect(autocomplete(ctx, "people", "").length).toBeGreaterThan(0);
    expect(autocomplete(ctx, "topics", " ").length).toBeGreaterThan(0);
  });
});
