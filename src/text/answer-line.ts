import type { Answer, CommandContext } from "../command/declaration.ts";
import { type ErrorLog, findCommand, runCommand, usageReply } from "../command/run-command.ts";
import { UsageError } from "../command/usage-error.ts";
import { normalizeInput } from "../core/controls.ts";
import { parseLine } from "./grammar.ts";

/**
 * Words that do not start with a command are a search: "frode berg", "re: kirkenes 2022", with
 * a page as the search's own (`frode berg page:2`). A line starting with "/" always names a
 * command, so "/frode" is an unknown command, with suggestions.
 */
function bareWords(
  ctx: CommandContext,
  line: string,
): { query: string; page?: number } | undefined {
  const text = normalizeInput(line).trim();
  const head = text.split(/[\s:]+/, 1)[0] ?? "";
  if (!head || text.startsWith("/")) return undefined;
  if (findCommand(ctx.commands, head) || !findCommand(ctx.commands, "search")) return undefined;
  const paged = /^(.*?)\s+page:\s*(\d+)$/i.exec(text);
  return paged?.[1] && paged[2] ? { query: paged[1], page: Number(paged[2]) } : { query: text };
}

/** Answers one typed line, or null for a blank one. Never throws. */
export function answerLine(ctx: CommandContext, line: string, log?: ErrorLog): Answer | null {
  const words = bareWords(ctx, line);
  if (words) return runCommand(ctx, { command: "search", options: words }, log);
  let call: ReturnType<typeof parseLine>;
  try {
    call = parseLine(line, ctx.commands);
  } catch (error) {
    if (error instanceof UsageError) return usageReply(error);
    throw error;
  }
  return call && runCommand(ctx, call, log);
}

/**
 * Answers a line addressed to the bot (Slack's umbrella command, a mention, a DM), where a blank
 * one (`/barents` alone, "@Barents" alone) asks what the bot can do: it gets /help. Never throws.
 */
export function answerAddressedLine(ctx: CommandContext, line: string, log?: ErrorLog): Answer {
  return answerLine(ctx, line, log) ?? runCommand(ctx, { command: "help", options: {} }, log);
}
