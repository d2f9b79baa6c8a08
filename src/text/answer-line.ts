import type { CommandContext } from "../command/declaration.ts";
import { type ErrorLog, runCommand, usageReply } from "../command/run-command.ts";
import { UsageError } from "../command/usage-error.ts";
import type { Reply } from "../reply/reply.ts";
import { parseLine } from "./grammar.ts";

/** Answers one typed line, or null for a blank one. Never throws. */
export function answerLine(ctx: CommandContext, line: string, log?: ErrorLog): Reply | null {
  let call: ReturnType<typeof parseLine>;
  try {
    call = parseLine(line, ctx.commands);
  } catch (error) {
    if (error instanceof UsageError) return usageReply(error);
    throw error;
  }
  return call && runCommand(ctx, call, log);
}
