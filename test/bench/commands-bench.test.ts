import { describe, expect, it } from "vitest";
import { benchCalls, benchCommands } from "../../src/bench/commands-bench.ts";
import { runCommand } from "../../src/command/run-command.ts";
import { atOnce, bundledContext } from "../support/context.ts";

// What the benchmark times must be worth timing: valid calls of every command, answered.

const ctx = bundledContext();

describe("benchCalls", () => {
  it("offers varied calls of every command", () => {
    const calls = benchCalls(ctx.index);
    expect(Object.keys(calls).sort()).toEqual(
      ctx.commands
        .map((c) => c.name)
        // The schedule's commands wait on its store; /chart draws a picture, timed on its own.
        .filter((n) => !n.startsWith("onthisday-") && n !== "chart")
        .sort(),
    );
    expect(calls.timeline?.length).toBeGreaterThan(10);
    expect(calls.who?.length).toBeGreaterThan(10);
  });

  it("holds only calls the commands answer, none they refuse as usage errors", () => {
    for (const [command, list] of Object.entries(benchCalls(ctx.index))) {
      for (const call of list) {
        // "empty" is a real answer too: a person in no event, a day with nothing recorded.
        expect(
          atOnce(runCommand(ctx, call)).kind,
          `${command} ${JSON.stringify(call.options)}`,
        ).toMatch(/^(answer|empty)$/);
      }
    }
  });
});

describe("benchCommands", () => {
  it("gives handler and render figures for every command", () => {
    const rows = benchCommands(ctx, undefined, { runs: 5, warmup: 0, rounds: 1 });
    expect(rows.map((r) => r.command)).toEqual(Object.keys(benchCalls(ctx.index)));
    for (const row of rows) {
      for (const figure of [row.handler, row.discord, row.slack]) {
        expect(figure.n).toBe(5);
        expect(figure.p50).toBeLessThanOrEqual(figure.max);
      }
    }
  });

  it("refuses to time a refused call, which would flatter the handler", () => {
    const calls = { expulsions: [{ command: "expulsions", options: { year: "soon" } }] };
    expect(() => benchCommands(ctx, calls, { runs: 1, rounds: 1 })).toThrow(/refused/);
  });
});
