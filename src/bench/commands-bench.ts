import type { CommandContext } from "../command/declaration.ts";
import { runCommand } from "../command/run-command.ts";
import type { EventIndex } from "../core/event-index.ts";
import { renderDiscord } from "../render/discord/message.ts";
import { renderSlack } from "../render/slack/blocks.ts";
import type { CommandCall, Reply } from "../reply/reply.ts";
import { type Latency, repeated, type TimingOptions, timeEach } from "./stats.ts";

// Each command's handler, and the rendering of its replies for Discord and Slack, timed over
// varied valid inputs drawn from the index itself, so the same code measures the bundled data
// and a synthetic 100k set alike.

export interface CommandRow {
  command: string;
  inputs: number;
  handler: Latency;
  discord: Latency;
  slack: Latency;
}

/** Every `step`-th item, at most `limit` of them: a spread, not just the first few. */
function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)] as T);
}

/** A typo a person makes: one letter left out of the middle. */
function dropLetter(name: string): string {
  const at = Math.floor(name.length / 2);
  return name.slice(0, at) + name.slice(at + 1);
}

/** Valid calls of every command, varied the way people vary them. */
export function benchCalls(index: EventIndex): Record<string, CommandCall[]> {
  const people = spread(index.dataset.people, 40);
  const topics = spread(index.topics, 20);
  const years = spread(
    index.timeline.flatMap((e) => (e.range ? [Math.floor(e.range.start / 10000)] : [])),
    20,
  );
  const call = (command: string, options: Record<string, string | number> = {}) => ({
    command,
    options,
  });
  const days = Array.from({ length: 24 }, (_, i) => {
    const month = (i % 12) + 1;
    const day = i < 12 ? 1 : 15;
    return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  });
  return {
    timeline: [
      call("timeline"),
      call("timeline", { page: 2 }),
      ...years.map((y) => call("timeline", { from: y, to: y + 10 })),
      ...topics.map((t) => call("timeline", { topic: t.name })),
      ...people.slice(0, 10).map((p) => call("timeline", { person: p.name })),
    ],
    expulsions: spread(index.expulsionYears, 30).map((year) => call("expulsions", { year })),
    who: [
      ...people.map((p) => call("who", { name: p.name })),
      ...people.map((p) => call("who", { name: p.name.split(" ").at(-1) ?? p.name })),
      ...people.map((p) => call("who", { name: dropLetter(p.name.toLowerCase()) })),
    ],
    // Names, places, years and typos, as people search; each must find something.
    search: [
      ...people.slice(0, 10).map((p) => call("search", { query: p.name })),
      ...people
        .slice(0, 10)
        .map((p) => call("search", { query: dropLetter(p.name.toLowerCase()) })),
      ...topics.map((t) => call("search", { query: t.name })),
      ...years.slice(0, 10).map((y) => call("search", { query: String(y) })),
    ],
    onthisday: days.map((date) => call("onthisday", { date })),
    help: [call("help"), call("help", { command: "timeline" }), call("help", { command: "who" })],
    topics: [
      call("topics"),
      ...["topics", "places", "people", "years"].map((list) => call("topics", { list })),
    ],
  };
}

/** Handler and render latencies of every command over `calls`. */
export function benchCommands(
  ctx: CommandContext,
  calls: Record<string, CommandCall[]> = benchCalls(ctx.index),
  options: TimingOptions & { rounds?: number } = {},
): CommandRow[] {
  const rounds = options.rounds ?? 5;
  const time = <T>(inputs: readonly T[], fn: (input: T) => unknown) =>
    repeated(rounds, () => timeEach(inputs, fn, options));
  return Object.entries(calls).map(([command, list]) => {
    // Only commands that answer at once are benchmarked: the schedule's wait on its store
    // is not the handler's time.
    const replies: Reply[] = list.map((c) => {
      const answer = runCommand(ctx, c);
      if (answer instanceof Promise) throw new Error(`/${command} waits on a store`);
      return answer;
    });
    const failed = replies.find((r) => r.kind === "usage" || r.kind === "error");
    // A benchmark of error replies would flatter the handler: every input must be valid.
    if (failed) throw new Error(`/${command}: a benchmark input was refused: ${failed.title}`);
    return {
      command,
      inputs: list.length,
      handler: time(list, (c) => runCommand(ctx, c)),
      discord: time(replies, (r) => renderDiscord(r)),
      slack: time(replies, (r) => renderSlack(r, { commands: ctx.commands })),
    };
  });
}
