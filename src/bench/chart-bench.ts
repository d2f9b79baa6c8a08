import type { CommandContext } from "../command/declaration.ts";
import { runCommand } from "../command/run-command.ts";
import type { CommandCall, Reply } from "../reply/reply.ts";
import { type Latency, summarize } from "./stats.ts";

// /chart measured (issue 17): each chart drawn afresh, through the command as a person asks for
// it, and asked again, when the drawn chart is kept. Drawing is asynchronous (vega, resvg), so
// timed here call by call rather than with timeEach.

export interface ChartRow {
  data: "bundled" | "synthetic";
  call: string;
  /** A fresh draw: the command with its cache emptied, p50/p99/max in microseconds. */
  drawn: Latency;
  /** The same call again, the chart kept. */
  kept: Latency;
  pngKb: number;
}

export interface ChartTiming {
  /** Fresh draws timed per call, after one untimed warm-up draw. */
  runs?: number;
}

/** The calls timed: each chart at its widest that draws, and a narrowed timeline. */
export function chartCalls(ctx: CommandContext): CommandCall[] {
  const years = ctx.index.expulsionYears;
  const last = years.at(-1);
  const people = ctx.index.dataset.people;
  const calls: CommandCall[] = [
    { command: "chart", options: { kind: "expulsions" } },
    { command: "chart", options: { kind: "timeline", topic: "expulsion" } },
  ];
  if (last !== undefined)
    calls.push({ command: "chart", options: { kind: "timeline", from: last - 10, to: last } });
  const person = people[Math.floor(people.length / 2)];
  if (person) calls.push({ command: "chart", options: { kind: "timeline", person: person.name } });
  return calls;
}

async function answer(ctx: CommandContext, call: CommandCall): Promise<Reply> {
  return await runCommand(ctx, call);
}

const line = (call: CommandCall) =>
  `/chart ${Object.entries(call.options)
    .map(([k, v]) => (k === "kind" ? v : `${k}:${v}`))
    .join(" ")}`;

/**
 * Times each call of `chartCalls` on `ctx`: `runs` fresh draws (`fresh` empties the kept charts
 * first) and as many kept ones. Calls that draw nothing (too many events,
 * none at all) are left out of the table, since they time no drawing.
 */
export async function benchCharts(
  ctx: CommandContext,
  data: ChartRow["data"],
  fresh: () => void,
  { runs = 20 }: ChartTiming = {},
): Promise<ChartRow[]> {
  const rows: ChartRow[] = [];
  for (const call of chartCalls(ctx)) {
    fresh();
    const first = await answer(ctx, call);
    if (!first.image) continue;
    const drawn: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < runs; i++) {
      fresh();
      let start = performance.now();
      await answer(ctx, call);
      drawn.push(performance.now() - start);
      start = performance.now();
      await answer(ctx, call);
      kept.push(performance.now() - start);
    }
    rows.push({
      data,
      call: line(call),
      drawn: summarize(drawn),
      kept: summarize(kept),
      pngKb: Math.round(first.image.png.length / 1024),
    });
  }
  return rows;
}
