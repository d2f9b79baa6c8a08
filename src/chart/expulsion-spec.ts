import type { TopLevelSpec } from "vega-lite";
import { COUNTRIES } from "../core/schema.ts";
import { type ExpulsionSeries, stepStart } from "./expulsion-series.ts";
import { footerView } from "./footer.ts";
import { COUNTRY_COLOUR, FONT, INK, MUTED } from "./palette.ts";

// The expulsions chart as a Vega-Lite specification: bars per year, Norway's and Russia's side
// by side, each labelled with its count. Every year from the first to the last is on the axis,
// so a year with none shows as a gap rather than closing up.

const WIDTH = 600;
const HEIGHT = 300;

/** A title for the years shown: "2023" or "2020–2023". */
export const yearsLabel = (s: Pick<ExpulsionSeries, "from" | "to">) =>
  s.from === s.to ? String(s.from) : `${s.from}–${s.to}`;

/** A bar's years as its axis label: "2023", or "1920–24" for a run of years. */
export const barLabel = (start: number, step: number) =>
  step === 1
    ? String(start)
    : `${start}–${step >= 100 ? start + step - 1 : String(start + step - 1).slice(-2)}`;

/** Every bar's label on the axis, first to last, with none left out. */
export function axisLabels(series: Pick<ExpulsionSeries, "from" | "to" | "step">): string[] {
  const { from, to, step } = series;
  const labels: string[] = [];
  for (let start = stepStart(from, step); start <= to; start += step)
    labels.push(barLabel(start, step));
  return labels;
}

export function expulsionSpec(
  series: ExpulsionSeries,
  sourceLabels: readonly string[],
): TopLevelSpec {
  const years = axisLabels(series);
  // Many bars would crowd the axis: label every nth, still drawing a gap for each.
  const every = Math.max(1, Math.ceil(years.length / 12));
  const x = {
    field: "years",
    type: "ordinal" as const,
    title: null,
    scale: { domain: years, paddingInner: 0.25 },
    axis: {
      labelAngle: 0,
      values: years.filter((_, i) => i % every === 0),
      tickSize: 0,
    },
  };
  const colour = {
    field: "by",
    type: "nominal" as const,
    title: "Expelled by",
    scale: { domain: [...COUNTRIES], range: COUNTRIES.map((c) => COUNTRY_COLOUR[c]) },
    legend: { orient: "top" as const, direction: "horizontal" as const, title: null },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "white",
    padding: 16,
    title: {
      text: `Expulsions between Norway and Russia, ${yearsLabel(series)}`,
      subtitle:
        series.step === 1
          ? "People expelled each year, as the sources count them"
          : `People expelled, ${series.step} years to a bar, as the sources count them`,
      anchor: "start",
      color: INK,
      subtitleColor: MUTED,
    },
    vconcat: [
      {
        width: WIDTH,
        height: HEIGHT,
        data: {
          values: series.bars.map((b) => ({ ...b, years: barLabel(b.year, series.step) })),
        },
        encoding: {
          x,
          xOffset: { field: "by", scale: { domain: [...COUNTRIES] } },
          y: {
            field: "count",
            type: "quantitative",
            title: "People expelled",
            axis: { tickMinStep: 1 },
          },
        },
        layer: [
          { mark: { type: "bar" }, encoding: { color: colour } },
          {
            mark: { type: "text", dy: -7, color: INK, fontSize: 12 },
            encoding: { text: { field: "count", type: "quantitative" } },
          },
        ],
      },
      footerView(sourceLabels, WIDTH),
    ],
    config: { font: FONT, view: { stroke: null }, axis: { labelColor: INK, titleColor: MUTED } },
  };
}
