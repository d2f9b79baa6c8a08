import { createContext } from "../../src/boot.ts";
import type { Answer, CommandContext } from "../../src/command/declaration.ts";
import { runCommand } from "../../src/command/run-command.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { answerLine } from "../../src/text/answer-line.ts";

/** The bundled data, with the clock stopped at a known instant (noon in Oslo, 30 October 2026). */
export function bundledContext(now = new Date("2026-10-30T11:00:00Z")): CommandContext {
  return createContext({ BOT_TIMEZONE: "Europe/Oslo" }, () => now);
}

/**
 * The reply of a command that answers at once, as every command that does not touch the
 * schedule store must: failing the test if it came as a promise.
 */
export function atOnce(answer: Answer): Reply;
export function atOnce(answer: Answer | null): Reply | null;
export function atOnce(answer: Answer | null): Reply | null {
  if (answer instanceof Promise) throw new Error("answered later, though it touches no store");
  return answer;
}

/** Answers a typed line at once, failing the test if the line was blank. */
export function ask(ctx: CommandContext, line: string): Reply {
  const reply = answerLine(ctx, line);
  if (!reply) throw new Error(`no reply to ${JSON.stringify(line)}`);
  return atOnce(reply);
}

/** Answers a typed line that may wait on the schedule store. */
export async function askLater(ctx: CommandContext, line: string): Promise<Reply> {
  const reply = await answerLine(ctx, line);
  if (!reply) throw new Error(`no reply to ${JSON.stringify(line)}`);
  return reply;
}

/** Runs a command that answers at once. */
export function run(
  ctx: CommandContext,
  command: string,
  options: Record<string, unknown> = {},
): Reply {
  return atOnce(runCommand(ctx, { command, options }));
}

/** Runs a command that may wait on the schedule store (the subscription commands). */
export function runLater(
  ctx: CommandContext,
  command: string,
  options: Record<string, unknown> = {},
): Promise<Reply> {
  return Promise.resolve(runCommand(ctx, { command, options }));
}

/** Every piece of text a reply holds, for assertions that something is or is not said. */
export function allText(reply: Reply): string {
  return JSON.stringify(reply);
}
