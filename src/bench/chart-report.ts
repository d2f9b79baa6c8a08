import type { ChartRow } from "./chart-bench.ts";

// BENCHMARKS.md's section on /chart (issue 17), and its target, from one run's figures.

const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
const ms = (us: number) => `${(us / 1000).toFixed(us < 10_000 ? 1 : 0)} ms`;

/** Issue 17's target: either chart drawn within 150 ms at p99 at 100k events. */
export const CHART_P99_MS = 150;

/** The worst fresh-draw p99 at 100k, for the targets table; undefined if none was timed. */
export function worstChartAt100k(rows: readonly ChartRow[] | undefined): ChartRow | undefined {
  return rows
    ?.filter((r) => r.data === "synthetic")
    .reduce<ChartRow | undefined>(
      (worst, r) => (!worst || r.drawn.p99 > worst.drawn.p99 ? r : worst),
      undefined,
    );
}

export function chartSection(rows: readonly ChartRow[] | undefined): string {
  if (!rows?.length) return "";
  return `## Charts (/chart)

Each call through the command, as asked in a chat: "drawn" with the kept charts emptied first (selecting, laying out, vega's headless SVG, resvg's PNG at 1.5 times the size), "kept" the same call again, the chart kept. The first chart a process draws also loads vega and resvg (about a second, once); that draw is not timed.

${[
  row(["data", "call", "drawn p50 / p99 / max", "kept p50 / p99", "PNG"]),
  row(["---", "---", "---", "---", "---"]),
  ...rows.map((r) =>
    row([
      r.data === "bundled" ? "bundled" : "100,000 events",
      `\`${r.call}\``,
      `${ms(r.drawn.p50)} / ${ms(r.drawn.p99)} / ${ms(r.drawn.max)}`,
      `${ms(r.kept.p50)} / ${ms(r.kept.p99)}`,
      `${r.pngKb} kB`,
    ]),
  ),
].join("\n")}
`;
}
