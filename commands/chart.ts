import { ChartCache } from "../src/chart/chart-cache.ts";
import { expulsionSeries } from "../src/chart/expulsion-series.ts";
import { expulsionSpec, yearsLabel } from "../src/chart/expulsion-spec.ts";
import { expulsionAlt, expulsionSummary } from "../src/chart/expulsion-words.ts";
import { sourceLabels } from "../src/chart/footer.ts";
import type { RenderedChart } from "../src/chart/render-chart.ts";
import { layoutTimeline, MAX_MARKS } from "../src/chart/timeline-layout.ts";
import { TIMELINE_WIDTH, timelineSpec } from "../src/chart/timeline-spec.ts";
import { timelineAlt, timelineSummary } from "../src/chart/timeline-words.ts";
import type { CommandContext, OptionValues } from "../src/command/declaration.ts";
import { defineCommand } from "../src/command/declaration.ts";
import { checkYearOrder, selectTimeline } from "../src/command/timeline-selection.ts";
import { UsageError } from "../src/command/usage-error.ts";
import type { Citation } from "../src/core/schema.ts";
import { type Reply, reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

// /chart: a picture of what /expulsions or /timeline lists, attached to the reply with its
// summary in words. The drawing libraries (vega, resvg) are loaded with the first chart only:
// most processes never draw one.

const KINDS = ["expulsions", "timeline"] as const;

/** The charts drawn lately; the benchmark empties it to time fresh draws. */
export const drawnCharts = new ChartCache();

async function draw(
  key: string,
  spec: () => Parameters<typeof import("../src/chart/render-chart.ts").renderChart>[0],
): Promise<RenderedChart> {
  return drawnCharts.get(key, async () => {
    const { renderChart } = await import("../src/chart/render-chart.ts");
    return renderChart(spec());
  });
}

/** The sources behind what a chart counts, numbered as in any reply. */
function citedSources(ctx: CommandContext, citations: Iterable<readonly Citation[]>) {
  const sources = new SourceList(ctx.index);
  for (const c of citations) sources.cite(c, false);
  return sources.list();
}

async function expulsionsChart(ctx: CommandContext, from?: number, to?: number): Promise<Reply> {
  checkYearOrder(from, to, "/chart expulsions");
  const { index } = ctx;
  const series = expulsionSeries(index, from, to);
  if (!series) {
    const years = index.expulsionYears;
    const all = years.length ? `${years[0]}–${years.at(-1)}` : undefined;
    return reply("empty", "No expulsions are recorded in those years.", {
      body: [all ? `Expulsions are recorded in ${all}.` : "The data holds no expulsions at all."],
      suggestions: all
        ? [{ label: `Chart ${all}`, call: { command: "chart", options: { kind: "expulsions" } } }]
        : [],
    });
  }
  const drawn = await draw(`expulsions ${series.from} ${series.to}`, () =>
    expulsionSpec(series, sourceLabels(index, series.sources)),
  );
  return reply("answer", `Expulsions between Norway and Russia, ${yearsLabel(series)}`, {
    body: [expulsionSummary(series)],
    fields: (["Norway", "Russia"] as const).map((by) => ({
      name: `${by} expelled`,
      value: String(series.totals[by]),
    })),
    sources: citedSources(
      ctx,
      series.events.map((e) => e.citations),
    ),
    showQuotes: false,
    image: {
      png: drawn.png,
      fileName: `expulsions-${series.from}-${series.to}.png`,
      alt: expulsionAlt(series),
      width: drawn.width,
      height: drawn.height,
    },
  });
}

async function timelineChart(ctx: CommandContext, options: OptionValues): Promise<Reply> {
  const { index } = ctx;
  const ask = {
    from: options.from as number | undefined,
    to: options.to as number | undefined,
    topic: options.topic as string | undefined,
    person: options.person as string | undefined,
  };
  const selected = selectTimeline(index, ask, "chart");
  if (!("positions" in selected)) return selected;
  const events = index.eventsAt(selected.positions);
  const dated = events.filter((e) => e.range);
  const title = selected.title.join(" · ");
  if (dated.length > MAX_MARKS) {
    return reply("empty", `${title}: ${dated.length} events, too many to draw one by one.`, {
      body: [
        `A timeline chart draws at most ${MAX_MARKS}. Narrow it by years, a topic or a person.`,
      ],
      suggestions: [
        {
          label: "The expulsions",
          call: { command: "chart", options: { kind: "timeline", topic: "expulsion" } },
        },
      ],
    });
  }
  if (dated.length === 0) {
    return reply("empty", `${title}: nothing dated to draw.`, {
      body: ["The events there are standing facts, with no date to put on a line."],
    });
  }
  const layout = layoutTimeline(dated, TIMELINE_WIDTH);
  const cited = new Set(dated.flatMap((e) => e.citations.map((c) => c.source)));
  const key = `timeline ${JSON.stringify(selected.call)}`;
  const drawn = await draw(key, () => timelineSpec(layout, title, sourceLabels(index, [...cited])));
  const parts = Object.entries(selected.call)
    .filter(([name]) => name !== "kind")
    .map(([name, value]) => `${name}-${value}`)
    .join("-");
  return reply("answer", title, {
    body: [...selected.notes, timelineSummary(layout, dated, events.length - dated.length)],
    sources: citedSources(
      ctx,
      dated.map((e) => e.citations),
    ),
    showQuotes: false,
    image: {
      png: drawn.png,
      fileName: `${`timeline-${parts}`
        .replace(/[^A-Za-z0-9-]+/g, "-")
        .replace(/-+$/, "")
        .slice(0, 80)}.png`,
      alt: timelineAlt(dated),
      width: drawn.width,
      height: drawn.height,
    },
  });
}

export const chart = defineCommand({
  name: "chart",
  description: "A picture: the expulsions per year, or a timeline of events",
  options: [
    {
      name: "kind",
      description: "What to draw: expulsions or timeline",
      type: "string",
      required: true,
      positional: true,
      maxLength: 20,
      // "timeline", as the one kind every other option goes with.
      example: "timeline",
    },
    {
      name: "from",
      description: "First year to draw",
      type: "integer",
      positional: true,
      min: 1,
      max: 9999,
      example: "2020",
    },
    {
      name: "to",
      description: "Last year to draw",
      type: "integer",
      positional: true,
      min: 1,
      max: 9999,
      example: "2023",
    },
    {
      name: "topic",
      description: "For a timeline: a kind of event, a tag or a place, like expulsion",
      type: "string",
      maxLength: 100,
      autocomplete: "topics",
      example: "expulsion",
    },
    {
      name: "person",
      description: "For a timeline: only events this person appears in",
      type: "string",
      maxLength: 100,
      autocomplete: "people",
      example: "huitfeldt",
    },
  ],
  examples: [
    "/chart expulsions",
    "/chart timeline from:2014 to:2023",
    "/chart timeline topic:expulsion",
  ],
  async handle(ctx, options) {
    const asked = options.kind.trim().toLowerCase();
    if (asked === "expulsions") {
      if (options.topic !== undefined || options.person !== undefined) {
        throw new UsageError(
          "An expulsions chart takes years only; topic and person narrow a timeline.",
          "/chart timeline topic:expulsion",
        );
      }
      return expulsionsChart(ctx, options.from, options.to);
    }
    if (asked === "timeline") return timelineChart(ctx, options);
    throw new UsageError(
      `There is no chart called “${options.kind}”; there are: ${KINDS.join(" and ")}.`,
      "/chart expulsions",
    );
  },
});
