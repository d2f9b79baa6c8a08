import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { sourceLabels } from "../../src/chart/footer.ts";
import { renderChart } from "../../src/chart/render-chart.ts";
import { layoutTimeline } from "../../src/chart/timeline-layout.ts";
import { TIMELINE_WIDTH, timelineSpec } from "../../src/chart/timeline-spec.ts";
import { bundledContext } from "../support/context.ts";

// The timeline picture, decoded: the marks' kind colours are in it, a kind with no event is not,
// and the layout is guarded by a snapshot of the SVG.

const { index } = bundledContext();

async function draw(kinds: readonly string[]) {
  const events = index.timeline.filter((e) => kinds.includes(e.kind));
  const layout = layoutTimeline(events, TIMELINE_WIDTH);
  const sources = [...new Set(events.flatMap((e) => e.citations.map((c) => c.source)))];
  const chart = await renderChart(timelineSpec(layout, "Timeline", sourceLabels(index, sources)));
  return { chart, png: PNG.sync.read(Buffer.from(chart.png)) };
}

/** How many pixels have exactly this colour. */
function pixels(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describe("the timeline chart", { timeout: 60_000 }, () => {
  it("draws each kind's marks in its colour, and no colour for a kind with no event", async () => {
    const { png } = await draw(["expulsion", "sanctions"]);
    const EXPULSION = "#E15759";
    const SANCTIONS = "#76B7B2";
    const HISTORY = "#4E79A7";
    // Marks and their legend swatch: more than a swatch alone.
    expect(pixels(png, EXPULSION)).toBeGreaterThan(300);
    expect(pixels(png, SANCTIONS)).toBeGreaterThan(100);
    expect(pixels(png, HISTORY)).toBe(0);
  });

  it("keeps its layout: title, labelled marks, the axis, both legends and the footer", async () => {
    const { chart } = await draw(["expulsion"]);
    expect(chart.svg).toContain("Norway expels 15 Russian…");
    expect(chart.svg).toContain("Date known");
    expect(chart.svg).toMatchSnapshot();
  });
});
