import { ChartCache } from "../src/chart/chart-cache.ts";
import { expulsionSeries } from "../src/chart/expulsion-series.ts";
import { expulsionSpec, yearsLabel } from "../src/chart/expulsion-spec.ts";
import { expulsionAlt, expulsionSummary } from "../src/chart/expulsion-words.ts";
import { sourceLabels } from "../src/chart/footer.ts";
import { defineCommand } from "../src/command/declaration.ts";
import { UsageError } from "../src/command/usage-error.ts";
import { reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

// /chart: a picture of what /expulsions lists, attached to the reply with its summary in words.
// The chart module (vega, resvg) is loaded on the first chart only: most processes draw none.

const KINDS = ["expulsions"] as const;

const charts = new ChartCache();

export const chart = defineCommand({
  name: "chart",
  description: "A chart of the expulsions per year, Norway's and Russia's side by side",
  options: [
    {
      name: "kind",
      description: "What to draw: expulsions",
      type: "string",
      required: true,
      positional: true,
      maxLength: 20,
      example: "expulsions",
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
  ],
  examples: ["/chart expulsions", "/chart expulsions from:2022 to:2023"],
  async handle(ctx, { kind, from, to }) {
    const asked = kind.trim().toLowerCase();
    if (!(KINDS as readonly string[]).includes(asked)) {
      throw new UsageError(
        `There is no chart called “${kind}”; there is: ${KINDS.join(", ")}.`,
        "/chart expulsions",
      );
    }
    if (from !== undefined && to !== undefined && from > to) {
      throw new UsageError(
        `The years are backwards: ${from} comes after ${to}.`,
        `/chart expulsions from:${to} to:${from}`,
      );
    }
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
    const key = `expulsions ${series.from} ${series.to}`;
    const drawn = await charts.get(key, async () => {
      const { renderChart } = await import("../src/chart/render-chart.ts");
      return renderChart(expulsionSpec(series, sourceLabels(index, series.sources)));
    });
    const sources = new SourceList(index);
    for (const e of series.events) sources.cite(e.citations, false);
    return reply("answer", `Expulsions between Norway and Russia, ${yearsLabel(series)}`, {
      body: [expulsionSummary(series)],
      fields: (["Norway", "Russia"] as const).map((by) => ({
        name: `${by} expelled`,
        value: String(series.totals[by]),
      })),
      sources: sources.list(),
      showQuotes: false,
      image: {
        png: drawn.png,
        fileName: `expulsions-${series.from}-${series.to}.png`,
        alt: expulsionAlt(series),
        width: drawn.width,
        height: drawn.height,
      },
    });
  },
});
