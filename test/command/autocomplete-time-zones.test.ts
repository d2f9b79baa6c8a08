import { describe, expect, it } from "vitest";
import { autocomplete, MAX_CHOICES } from "../../src/command/autocomplete.ts";
import { bundledContext } from "../support/context.ts";

const ctx = bundledContext();
const zones = (typed: string) => autocomplete(ctx, "time-zones", typed);

describe('autocomplete from "time-zones"', () => {
  it("finds a zone by its city, in any case", () => {
    expect(zones("oslo").map((c) => c.value)).toContain("Europe/Oslo");
    expect(zones("OSLO").map((c) => c.value)).toContain("Europe/Oslo");
  });

  it("reads a space as the underscore zone names use", () => {
    expect(zones("new y").map((c) => c.value)).toContain("America/New_York");
    expect(zones("new_y").map((c) => c.value)).toContain("America/New_York");
  });

  it("finds a zone by its area and city together", () => {
    expect(zones("europe/os").map((c) => c.value)).toEqual(["Europe/Oslo"]);
  });

  it("offers only zones containing what was typed", () => {
    const found = zones("york");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => String(c.value).toLowerCase().includes("york"))).toBe(true);
  });

  it("shows each zone under its own name, so the choice fills in a name subscribe accepts", () => {
    for (const choice of zones("america")) expect(choice.name).toBe(choice.value);
  });

  it(`offers at most ${MAX_CHOICES} choices, Discord's ceiling`, () => {
    expect(MAX_CHOICES).toBe(25);
    expect(zones("america")).toHaveLength(25);
    expect(zones("a")).toHaveLength(25);
  });

  it("offers the first 25 zones when nothing is typed yet", () => {
    expect(zones("")).toHaveLength(25);
    expect(zones("   ")).toHaveLength(25);
  });

  it("offers UTC, which Node 20's own list of zones leaves out", () => {
    expect(zones("utc")[0]?.value).toBe("UTC");
  });

  it("ranks zones with a part starting with what was typed before those merely containing it", () => {
    const found = zones("os").map((c) => c.value);
    expect(found.indexOf("Europe/Oslo")).toBeLessThan(found.indexOf("America/Costa_Rica"));
  });

  it("offers nothing for a zone that does not exist", () => {
    expect(zones("Mars/Base")).toEqual([]);
  });
});
