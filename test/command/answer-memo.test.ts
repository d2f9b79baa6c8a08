import { describe, expect, it } from "vitest";
import { AnswerMemo, watchedContext } from "../../src/command/answer-memo.ts";
import { runCommand } from "../../src/command/run-command.ts";
import { type Reply, reply } from "../../src/reply/reply.ts";
import type { Place } from "../../src/schedule/desk.ts";
import { parseLine } from "../../src/text/grammar.ts";
import { bundledContext } from "../support/context.ts";

const ctx = bundledContext();
const place: Place = { platform: "discord", channel: "c-1", user: "u-1" };

describe("watchedContext", () => {
  it("counts reading the clock, the place or the schedule, and nothing else", () => {
    for (const part of ["now", "place", "schedule"] as const) {
      const watched = watchedContext(ctx, place);
      void watched.ctx.index;
      void watched.ctx.timeZone;
      void watched.ctx.commands;
      expect(watched.readChanging()).toBe(false);
      void watched.ctx[part];
      expect(watched.readChanging()).toBe(true);
    }
  });

  it("hands the handler the same context it would have had", () => {
    const watched = watchedContext(ctx, place);
    expect(watched.ctx.now()).toEqual(ctx.now());
    expect(watched.ctx.place).toEqual(place);
    expect(watched.ctx.index).toBe(ctx.index);
  });

  // What makes keeping an answer safe: a call whose handler did not read the clock or the place
  // answers the same on another day, from another channel.
  it("finds every command example that reads neither clock nor place answering the same anywhere, any day", () => {
    const elsewhere = bundledContext(new Date("2031-02-03T04:05:06Z"));
    const there: Place = { platform: "slack", channel: "c-2", user: "u-2" };
    let steady = 0;
    for (const command of ctx.commands) {
      for (const example of command.examples) {
        const call = parseLine(example, ctx.commands);
        if (!call) throw new Error(`${example} does not parse`);
        const first = watchedContext(ctx, place);
        const answer = runCommand(first.ctx, call);
        if (answer instanceof Promise || first.readChanging()) continue;
        steady++;
        expect(runCommand(watchedContext(elsewhere, there).ctx, call), example).toEqual(answer);
      }
    }
    expect(steady).toBeGreaterThan(5);
  });

  it("sees /onthisday without a date read the clock", () => {
    const call = parseLine("/onthisday", ctx.commands);
    if (!call) throw new Error("does not parse");
    const watched = watchedContext(ctx, place);
    runCommand(watched.ctx, call);
    expect(watched.readChanging()).toBe(true);
  });
});

describe("AnswerMemo", () => {
  const answer = (title: string): Reply => reply("answer", title);
  const call = (name: string) => ({ command: "who", options: { name } });

  it("gives back what it kept for the same call, and nothing for another", () => {
    const memo = new AnswerMemo<string>();
    const key = memo.key(call("huitfeldt")) ?? "";
    memo.set(key, { reply: answer("Huitfeldt"), rendered: "drawn" });
    expect(memo.get(key)?.rendered).toBe("drawn");
    expect(memo.get(memo.key(call("stoltenberg")) ?? "")).toBeUndefined();
    expect(memo.key({ command: "who", options: { name: "huitfeldt", page: 2 } })).not.toBe(key);
  });

  it("never keeps a failure", () => {
    const memo = new AnswerMemo<string>();
    const key = memo.key(call("x")) ?? "";
    memo.set(key, { reply: reply("error", "Something went wrong."), rendered: "sorry" });
    expect(memo.get(key)).toBeUndefined();
  });

  it("keeps at most its size, letting the least recently asked go first", () => {
    const memo = new AnswerMemo<string>(2);
    const [a, b, c] = ["a", "b", "c"].map((n) => memo.key(call(n)) ?? "");
    memo.set(a as string, { reply: answer("A"), rendered: "A" });
    memo.set(b as string, { reply: answer("B"), rendered: "B" });
    memo.get(a as string);
    memo.set(c as string, { reply: answer("C"), rendered: "C" });
    expect(memo.get(b as string)).toBeUndefined();
    expect(memo.get(a as string)?.rendered).toBe("A");
    expect(memo.get(c as string)?.rendered).toBe("C");
  });

  it("does not keep calls with long options", () => {
    expect(new AnswerMemo().key(call("x".repeat(300)))).toBeUndefined();
  });
});
