import type { TopLevelSpec } from "vega-lite";
import { COUNTRIES } from "../core/schema.ts";
import type { ExpulsionSeries } from "./expulsion-series.ts";
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

export function expulsionSpec(
  series: ExpulsionSeries,
  sourceLabels: readonly string[],
): TopLevelSpec {
  const years = Array.from({ length: series.to - series.from + 1 }, (_, i) => series.from + i);
  // Many years would crowd the axis: label every nth, still drawing a gap for each.
  const step = Math.max(1, Math.ceil(years.length / 12));
  const x = {
    field: "year",
    type: "ordinal" as const,
    title: null,
    scale: { domain: years, paddingInner: 0.25 },
    axis: { labelAngle: 0, values: years.filter((_, i) => i % step === 0), tickSize: 0 },
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
      subtitle: "People expelled each year, as the sources count them",
      anchor: "start",
      color: INK,
      subtitleColor: MUTED,
    },
    vconcat: [
      {
        width: WIDTH,
        height: HEIGHT,
        data: { values: series.bars },
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
