import { describe, expect, it } from "vitest";
import { LABEL_ROWS, layoutTimeline, shortLabel } from "../../src/chart/timeline-layout.ts";
import { bundledContext } from "../support/context.ts";

const { index } = bundledContext();
const WIDTH = 640;

/** A label's horizontal extent, reckoned as the layout reckons it. */
function extent(m: { at: number; label?: string; align?: string }, domain: [number, number]) {
  const x = ((m.at - domain[0]) / (domain[1] - domain[0])) * WIDTH;
  const w = (m.label?.length ?? 0) * 6.4;
  return m.align === "right" ? [x - w, x] : [x, x + w];
}

describe("the timeline chart's layout", () => {
  it("puts every dated event on the line, in date order, and none undated", () => {
    const layout = layoutTimeline(index.timeline, WIDTH);
    expect(layout.marks).toHaveLength(index.timeline.filter((e) => e.range).length);
    expect(layout.domain[0]).toBeLessThan(layout.marks[0]?.at ?? 0);
  });

  it("never lets two labels in a row overlap, and counts the events left unlabelled", () => {
    const layout = layoutTimeline(index.timeline, WIDTH);
    for (let row = 1; row <= LABEL_ROWS; row++) {
      const spans = layout.marks
        .filter((m) => m.row === row)
        .map((m) => extent(m, layout.domain))
        .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i]?.[0]).toBeGreaterThan(spans[i - 1]?.[1] ?? 0);
      }
    }
    const unlabelled = layout.marks.filter((m) => m.label === undefined);
    expect(unlabelled).toHaveLength(layout.unlabelled);
    expect(layout.unlabelled).toBeGreaterThan(0);
    expect(layout.marks.every((m) => m.label === undefined || m.row !== undefined)).toBe(true);
  });

  it("labels everything when there is room, ending a label at its mark near the right edge", () => {
    const expulsions = index.timeline.filter((e) => e.kind === "expulsion");
    const layout = layoutTimeline(expulsions, WIDTH);
    expect(layout.unlabelled).toBe(0);
    for (const m of layout.marks) {
      const [start, end] = extent(m, layout.domain);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(WIDTH);
    }
  });

  it("shows how exact each date is: a day, a month, a year, or longer", () => {
    const shapes = new Set(layoutTimeline(index.timeline, WIDTH).marks.map((m) => m.exactness));
    expect([...shapes].sort()).toEqual(["day", "longer", "month", "year"]);
  });

  it("shortens long titles at a word, with an ellipsis", () => {
    expect(shortLabel("Treaty of Novgorod")).toBe("Treaty of Novgorod");
    expect(shortLabel("Norway and Russia resolve the Barents Sea territorial dispute")).toBe(
      "Norway and Russia resolve the…",
    );
  });
});
