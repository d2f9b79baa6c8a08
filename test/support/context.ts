import { createContext } from "../../src/boot.ts";
import type { CommandContext } from "../../src/command/declaration.ts";
import { runCommand } from "../../src/command/run-command.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { answerLine } from "../../src/text/answer-line.ts";

/** The bundled data, with the clock stopped at a known instant (noon in Oslo, 30 October 2026). */
export function bundledContext(now = new Date("2026-10-30T11:00:00Z")): CommandContext {
  return createContext({ BOT_TIMEZONE: "Europe/Oslo" }, () => now);
}

/** Answers a typed line, failing the test if the line was blank. */
export function ask(ctx: CommandContext, line: string): Reply {
  const reply = answerLine(ctx, line);
  if (!reply) throw new Error(`no reply to ${JSON.stringify(line)}`);
  return reply;
}

export function run(
  ctx: CommandContext,
  command: string,
  options: Record<string, unknown> = {},
): Reply {
  return runCommand(ctx, { command, options });
}

/** Every piece of text a reply holds, for assertions that something is or is not said. */
export function allText(reply: Reply): string {
  return JSON.stringify(reply);
}
