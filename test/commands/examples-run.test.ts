import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import type { CommandContext } from "../../src/command/declaration.ts";
import { exampleCall } from "../../src/command/resolve-options.ts";
import { runCommand } from "../../src/command/run-command.ts";
import type { CommandCall, Reply } from "../../src/reply/reply.ts";
import { formatCall } from "../../src/text/grammar.ts";
import { askLater, bundledContext } from "../support/context.ts";
import { slackChannelContext } from "../support/schedule.ts";

// "Every example and suggestion the bot ever shows runs." The examples in the declarations, each
// option's example as /help and usage errors form it, and whatever a usage error or an empty
// answer suggests (buttons, and "Example: …" lines) are collected and run; none may itself be
// refused as bad input. Usage errors are driven by bad input of every kind through every command.

const base = bundledContext();
/** A Slack channel with its own schedule, so the daily-post commands run as they would there. */
const fresh = (): CommandContext => slackChannelContext(base);

function answer(line: string): Promise<Reply> {
  return askLater(fresh(), line);
}

/** Lines that must be refused, or answered empty, for every way input can be wrong. */
function badLines(): string[] {
  const lines = ["/nope", "/timline 2017", "year:2023", '/who "jonas', "/help nope"];
  for (const command of COMMANDS) {
    const name = `/${command.name}`;
    lines.push(name, `${name} nope:1`, `${name} x y z 1 2 3`);
    for (const example of command.examples) lines.push(`${example} page:0`, `${example} page:999`);
    for (const option of command.options) {
      const set = (value: string | number) => `${name} ${option.name}:${value}`;
      lines.push(`${set(option.example)} ${option.name}:${option.example}`);
      if (option.type === "integer") {
        lines.push(set("abc"), set("1.5"));
        if (option.min !== undefined) lines.push(set(option.min - 1));
        if (option.max !== undefined) lines.push(set(option.max + 1));
      } else {
        lines.push(set("xqztwvb"), set(`"${"a".repeat((option.maxLength ?? 2000) + 1)}"`));
      }
    }
  }
  lines.push(
    "/timeline from:2020 to:2010",
    "/timeline topic:xqztwvb",
    "/timeline person:xqztwvb",
    "/timeline from:1100 to:1101 topic:expulsion",
    "/who vardo",
    "/who xqztwvb",
    "/expulsions 1999",
    "/expulsions 2021",
    "/onthisday 13-45",
    "/onthisday 02-30",
    "/onthisday 2023-04-31",
    "/onthisday blah",
    "/onthisday 01-01",
    "/onthisday-subscribe 25:00",
    "/onthisday-subscribe timezone:Mars/Olympus",
    "/topics colours",
    "/topics people page:9",
  );
  return lines;
}

interface Shown {
  /** Where it was shown, for the failure message. */
  from: string;
  line?: string;
  call?: CommandCall;
}

/** What a reply shows a person to run next: its buttons and its "Example: …" lines. */
function shownBy(from: string, reply: Reply): Shown[] {
  const shown: Shown[] = reply.suggestions.map((s) => ({ from, call: s.call }));
  for (const line of reply.body) {
    // A usage error's example is the whole line; elsewhere it may run on into prose
    // ("Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them."), so only
    // the command and its name:value options are taken.
    const pattern =
      reply.kind === "usage" ? /^Example: (\/.+)$/ : /^Example: (\/[a-z-]+(?: [a-z]+:\S+)*)/;
    const example = pattern.exec(line)?.[1];
    if (example) shown.push({ from, line: example });
  }
  return shown;
}

async function collect(): Promise<Shown[]> {
  const shown: Shown[] = [];
  for (const command of COMMANDS) {
    for (const example of command.examples) shown.push({ from: "examples", line: example });
    for (const option of command.options) {
      shown.push({ from: `option ${option.name}`, line: exampleCall(command, option) });
    }
    shown.push({ from: "usage", line: exampleCall(command) });
  }
  for (const line of badLines()) shown.push(...shownBy(line, await answer(line)));
  return shown;
}

describe("every example and suggestion the bot shows", () => {
  let shown: Shown[] = [];
  beforeAll(async () => {
    shown = await collect();
  });

  it("collects examples, suggestions and usage examples from every command", () => {
    for (const command of COMMANDS) {
      expect(shown.some((s) => s.line?.startsWith(`/${command.name}`))).toBe(true);
    }
    expect(shown.filter((s) => s.call).length).toBeGreaterThan(10);
    expect(shown.filter((s) => s.from !== "examples" && s.line).length).toBeGreaterThan(20);
  });

  it("runs each one without a usage error", async () => {
    const refused: string[] = [];
    for (const s of shown) {
      const reply = await (s.call ? runCommand(fresh(), s.call) : askLater(fresh(), s.line ?? ""));
      const what = s.line ?? formatCall(s.call ?? { command: "", options: {} });
      if (reply.kind === "usage" || reply.kind === "error") {
        refused.push(`${what} (shown by ${s.from}): ${reply.title}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("refuses or answers empty every bad line it was driven by, never with an error", async () => {
    for (const line of badLines()) expect((await answer(line)).kind, line).not.toBe("error");
  });
});
