import { describe, expect, it } from "vitest";
import { fitText } from "../../../src/render/slack/fit.ts";

describe("fitText", () => {
  it("returns short text escaped and whole", () => {
    expect(fitText("Norway & Russia", 100)).toBe("Norway &amp; Russia");
  });

  it("cuts long text at a sentence end with an ellipsis", () => {
    const text = `${"First sentence is here. ".repeat(10)}And a last one that runs on and on.`;
    const fitted = fitText(text, 100);
    expect(fitted.length).toBeLessThanOrEqual(100);
    expect(fitted).toMatch(/here\. …$/);
  });

  it("prefers a line break to a sentence end", () => {
    const text = `${"word ".repeat(14)}\nSecond line. ${"more ".repeat(40)}`;
    expect(fitText(text, 100)).toBe(`${"word ".repeat(14).trimEnd()} …`);
  });

  it("falls back to a word boundary when no sentence ends near the limit", () => {
    const fitted = fitText("abc ".repeat(100), 50);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(fitted).toMatch(/abc…$/);
  });

  it("counts escaped length, and never cuts through an entity", () => {
    const fitted = fitText("<".repeat(100), 50);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(fitted).toMatch(/^(&lt;)+…$/);
  });

  it("never splits an emoji's surrogate pair", () => {
    const fitted = fitText("😀".repeat(100), 51);
    expect(fitted.length).toBeLessThanOrEqual(51);
    expect(fitted.endsWith("😀…")).toBe(true);
    expect(() => encodeURIComponent(fitted)).not.toThrow();
  });

  it("cuts a single unbroken word hard rather than overflow", () => {
    const fitted = fitText("x".repeat(5000), 3000);
    expect(fitted.length).toBeLessThanOrEqual(3000);
    expect(fitted.endsWith("x…")).toBe(true);
  });
});
