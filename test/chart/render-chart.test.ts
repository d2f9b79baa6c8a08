import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/chart/render-chart.ts";

// Drawing a chart must leave the process as it found it: vega-lite gives every Set a toJSON as
// it loads, which broke discord.js when it was imported after a chart was drawn.

describe("drawing a chart", () => {
  it("leaves Set.prototype without a toJSON, so JSON of a Set is unchanged", async () => {
    const svg = await renderSvg({
      data: { values: [{ a: 1 }] },
      mark: "point",
      encoding: { x: { field: "a", type: "quantitative" } },
    });
    expect(svg).toContain("<svg");
    expect(Object.getOwnPropertyDescriptor(Set.prototype, "toJSON")).toBeUndefined();
    expect(JSON.stringify(new Set([1]))).toBe("{}");
    await expect(import("discord.js")).resolves.toBeDefined();
  });
});
