import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { expulsionSeries } from "../../src/chart/expulsion-series.ts";
import { expulsionSpec } from "../../src/chart/expulsion-spec.ts";
import { sourceLabels } from "../../src/chart/footer.ts";
import { COUNTRY_COLOUR } from "../../src/chart/palette.ts";
import { renderChart } from "../../src/chart/render-chart.ts";
import { bundledContext } from "../support/context.ts";

// The picture itself, decoded: bars of the right colours where the data has them, in order,
// none where it has none, and the layout guarded by a snapshot of the SVG (the PNG's bytes
// depend on the rasteriser's version; the SVG is what the specification decides).

const { index } = bundledContext();

const hex = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
const NAMES = new Map(Object.entries(COUNTRY_COLOUR).map(([country, colour]) => [colour, country]));

async function draw(from?: number, to?: number) {
  const series = expulsionSeries(index, from, to);
  if (!series) throw new Error("no series");
  const chart = await renderChart(expulsionSpec(series, sourceLabels(index, series.sources)));
  return { chart, png: PNG.sync.read(Buffer.from(chart.png)) };
}

/** The country whose colour a pixel has, if any. */
function countryAt(png: PNG, x: number, y: number): string | undefined {
  const at = (png.width * y + x) * 4;
  const d = png.data;
  return NAMES.get(hex(d[at] ?? 0, d[at + 1] ?? 0, d[at + 2] ?? 0));
}

/**
 * The bars met along the row just above the lowest bar-coloured pixel: every bar stands on
 * the axis, so each crosses that row once, left to right; the legend, above the plot, does not.
 */
function barsAlongBase(png: PNG): Array<{ country: string; start: number }> {
  let base = -1;
  for (let y = png.height - 1; y >= 0 && base < 0; y--)
    for (let x = 0; x < png.width; x++) if (countryAt(png, x, y)) base = y - 2;
  const runs: Array<{ country: string; start: number }> = [];
  let last: string | undefined;
  for (let x = 0; x < png.width; x++) {
    const country = countryAt(png, x, base);
    if (country && country !== last) runs.push({ country, start: x });
    last = country;
  }
  return runs;
}

describe("the expulsions chart", { timeout: 60_000 }, () => {
  it("draws one bar per year and country that expelled anyone, in order, each in its colour", async () => {
    const { png, chart } = await draw();
    expect(png.width).toBe(chart.width);
    expect(png.width).toBeGreaterThan(800);
    expect(png.width).toBeLessThan(1600);
    const bars = barsAlongBase(png);
    expect(bars.map((b) => b.country)).toEqual(["Norway", "Norway", "Russia", "Norway", "Russia"]);
    // 2021 had none: a gap a band wide between 2020's bar and 2022's.
    const [y2020, y2022, , y2023] = bars.map((b) => b.start);
    const band = (y2023 ?? 0) - (y2022 ?? 0);
    expect((y2022 ?? 0) - (y2020 ?? 0)).toBeCloseTo(2 * band, -1);
  });

  it("draws nothing for a country with no expulsion in the years shown", async () => {
    const { png } = await draw(2020, 2021);
    expect(barsAlongBase(png).map((b) => b.country)).toEqual(["Norway"]);
  });

  it("keeps its layout: title, legend, axes, labels and the sources' footer", async () => {
    const { chart } = await draw();
    expect(chart.svg).toContain("Expulsions between Norway and Russia, 2020–2023");
    expect(chart.svg).toContain("Sources: “Norway–Russia relations”, Wikipedia;");
    expect(chart.svg).toMatchSnapshot();
  });
});
