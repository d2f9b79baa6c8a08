import type { TopLevelSpec } from "vega-lite";
import type { EventIndex } from "../core/event-index.ts";
import { sourceLabel } from "../reply/source-list.ts";
import { FONT, MUTED } from "./palette.ts";

// The line under every chart that names the sources it was drawn from, wrapped to the chart's
// width: a picture passed on without its message still says where its figures come from.

type View = Extract<TopLevelSpec, { vconcat: unknown }>["vconcat"][number];

/**
 * Characters of 11 px text that fit in `width` px as vega reckons them: with no canvas it
 * estimates 0.8 em a character (Noto Sans averages about 0.55), and sizes the picture by that
 * estimate, so lines wrapped wider would widen the picture past the chart.
 */
const perLine = (width: number) => Math.floor(width / (0.8 * 11));

/** Words wrapped into lines of at most `max` characters (a longer word gets a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Sources by id as readers see them named in a reply's source list. */
export function sourceLabels(index: EventIndex, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const source = index.source(id);
    return source ? sourceLabel(source) : id;
  });
}

/** Sources a footer names before it says how many more there are. */
const MAX_NAMED = 4;

export function footerView(sourceLabels: readonly string[], width: number): View {
  // A chart drawn from hundreds of sources names the first few; the reply lists them all.
  const named = sourceLabels.slice(0, MAX_NAMED);
  const more = sourceLabels.length - named.length;
  const rest = more > 0 ? `; and ${more} more, listed with the reply` : "";
  const text = `Source${sourceLabels.length === 1 ? "" : "s"}: ${named.join("; ")}${rest}.`;
  const lines = wrap(text, perLine(width));
  return {
    width,
    // A point scale spreads the lines over the height: 14 px apart.
    height: Math.max(1, lines.length - 1) * 14,
    data: { values: lines.map((line, i) => ({ line, i })) },
    mark: { type: "text", align: "left", baseline: "top", fontSize: 11, color: MUTED, font: FONT },
    encoding: {
      text: { field: "line" },
      x: { value: 0 },
      y: { field: "i", type: "ordinal", axis: null, scale: { type: "point", padding: 0 } },
    },
  };
}
