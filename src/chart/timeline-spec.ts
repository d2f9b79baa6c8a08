import type { TopLevelSpec } from "vega-lite";
import { EVENT_KINDS } from "../core/schema.ts";
import { footerView } from "./footer.ts";
import { FONT, INK, MUTED } from "./palette.ts";
import type { Exactness, TimelineLayout } from "./timeline-layout.ts";

// The timeline chart as a Vega-Lite specification: every event a mark on one line at its date,
// its shape saying how exact the date is and its colour its kind; labels where timeline-layout.ts
// found them room, each joined to its mark by a thin rule.

export const TIMELINE_WIDTH = 640;
const ROW_PX = 22;

const SHAPES: Record<Exactness, string> = {
  day: "circle",
  month: "square",
  year: "triangle-up",
  longer: "diamond",
};
const SHAPE_NAMES: Record<Exactness, string> = {
  day: "to the day",
  month: "to the month",
  year: "to the year",
  longer: "longer",
};

// Tableau's ten colours, one per kind, in the order the schema lists the kinds, so a kind keeps
// its colour from chart to chart.
const KIND_COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];

export function timelineSpec(
  layout: TimelineLayout,
  title: string,
  sourceLabels: readonly string[],
): TopLevelSpec {
  const values = layout.marks.map((m) => ({
    ...m,
    exact: SHAPE_NAMES[m.exactness],
    y: 0,
  }));
  const kindsShown = EVENT_KINDS.filter((k) => layout.marks.some((m) => m.kind === k));
  const exactShown = (Object.keys(SHAPES) as Exactness[]).filter((e) =>
    layout.marks.some((m) => m.exactness === e),
  );
  const x = {
    field: "at",
    type: "quantitative" as const,
    title: null,
    scale: { domain: layout.domain, nice: false, zero: false },
    axis: { format: "d", tickMinStep: 1, grid: false, domain: true, orient: "bottom" as const },
  };
  const y = {
    type: "quantitative" as const,
    axis: null,
    scale: { domain: [0, layout.rows + 0.6], nice: false },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "white",
    padding: 16,
    title: { text: title, anchor: "start", color: INK },
    vconcat: [
      {
        width: TIMELINE_WIDTH,
        height: 30 + layout.rows * ROW_PX,
        data: { values },
        layer: [
          {
            transform: [{ filter: "datum.row != null" }],
            mark: { type: "rule", color: "#c8c8c8", strokeWidth: 1 },
            encoding: { x, y: { ...y, field: "y" }, y2: { field: "row" } },
          },
          {
            mark: { type: "point", filled: true, size: 70, opacity: 1 },
            encoding: {
              x,
              y: { ...y, field: "y" },
              shape: {
                field: "exact",
                type: "nominal",
                title: "Date known",
                scale: {
                  domain: exactShown.map((e) => SHAPE_NAMES[e]),
                  range: exactShown.map((e) => SHAPES[e]),
                },
              },
              color: {
                field: "kind",
                type: "nominal",
                title: "Kind",
                scale: {
                  domain: kindsShown,
                  range: kindsShown.map((k) => KIND_COLOURS[EVENT_KINDS.indexOf(k)] ?? INK),
                },
              },
            },
          },
          ...(["left", "right"] as const).map((align) => ({
            transform: [{ filter: `datum.row != null && datum.align == '${align}'` }],
            mark: {
              type: "text" as const,
              align,
              baseline: "middle" as const,
              dx: align === "left" ? 3 : -3,
              fontSize: 11,
              color: INK,
            },
            encoding: { x, y: { ...y, field: "row" }, text: { field: "label" } },
          })),
        ],
      },
      footerView(sourceLabels, TIMELINE_WIDTH),
    ],
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelColor: INK, titleColor: MUTED },
      legend: {
        orient: "bottom",
        direction: "horizontal",
        columns: 5,
        titleColor: MUTED,
        labelColor: INK,
      },
    },
  };
}
