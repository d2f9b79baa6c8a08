import { describe, expect, it } from "vitest";
import { expulsionSeries } from "../../src/chart/expulsion-series.ts";
import { bundledContext } from "../support/context.ts";

const { index } = bundledContext();

describe("the expulsions counted for the chart", () => {
  it("are every year's expulsions by each country, from the first year with one to the last", () => {
    const series = expulsionSeries(index);
    expect(series).toMatchObject({ from: 2020, to: 2023, undrawn: 0 });
    expect(series?.bars).toEqual([
      { year: 2020, by: "Norway", count: 1 },
      { year: 2022, by: "Norway", count: 3 },
      { year: 2022, by: "Russia", count: 3 },
      { year: 2023, by: "Norway", count: 15 },
      { year: 2023, by: "Russia", count: 10 },
    ]);
    expect(series?.totals).toEqual({ Norway: 19, Russia: 13 });
  });

  it("keep the sources' own words for who was expelled, and the sources they cite", () => {
    const series = expulsionSeries(index);
    expect(series?.nouns).toEqual(["diplomat", "diplomats", "intelligence officers"]);
    expect(series?.sources).toContain("news-2023-expulsions");
  });

  it("cover only the years asked for, keeping a year with none on the axis", () => {
    const series = expulsionSeries(index, 2021, 2022);
    expect(series).toMatchObject({ from: 2021, to: 2022 });
    expect(series?.bars.map((b) => `${b.year} ${b.by}`)).toEqual(["2022 Norway", "2022 Russia"]);
  });

  it("keep the axis to the years the data has expulsions in, however wide the years asked", () => {
    expect(expulsionSeries(index, 1, 9999)).toMatchObject({ from: 2020, to: 2023 });
    expect(expulsionSeries(index, 2022, 9999)).toMatchObject({ from: 2022, to: 2023 });
  });

  it("are nothing for years with no expulsion, or a range given backwards", () => {
    expect(expulsionSeries(index, 1990, 2019)).toBeUndefined();
    expect(expulsionSeries(index, 2023, 2020)).toBeUndefined();
  });
});

describe("a wide span of years", () => {
  it("is drawn a run of years to a bar, labelled by its first and last year", async () => {
    const { axisLabels, barLabel } = await import("../../src/chart/expulsion-spec.ts");
    expect(barLabel(2023, 1)).toBe("2023");
    expect(barLabel(1920, 5)).toBe("1920–24");
    expect(barLabel(1900, 100)).toBe("1900–1999");
    expect(axisLabels({ from: 1921, to: 2025, step: 5 })).toHaveLength(22);
    expect(axisLabels({ from: 1921, to: 2025, step: 5 })[0]).toBe("1920–24");
  });
});

describe("the sources' footer", () => {
  it("names the first four sources and counts the rest, however many a chart draws on", async () => {
    const { footerView } = await import("../../src/chart/footer.ts");
    const labels = Array.from({ length: 480 }, (_, i) => `Source ${i + 1}`);
    const view = footerView(labels, 600) as { data: { values: Array<{ line: string }> } };
    const text = view.data.values.map((v) => v.line).join(" ");
    expect(text).toContain("Source 4; and 476 more, listed with the reply.");
    expect(text).not.toContain("Source 5;");
  });
});
