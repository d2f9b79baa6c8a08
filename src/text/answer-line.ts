import type { Answer, CommandContext } from "../command/declaration.ts";
import { type ErrorLog, findCommand, runCommand, usageReply } from "../command/run-command.ts";
import { UsageError } from "../command/usage-error.ts";
import { normalizeInput } from "../core/controls.ts";
import type { CommandCall, Reply } from "../reply/reply.ts";
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

/**
 * What a typed line asks for: the call to run, the usage reply for a line that cannot be read,
 * or null for a blank one. Never throws.
 */
export function readLine(ctx: CommandContext, line: string): CommandCall | Reply | null {
  const words = bareWords(ctx, line);
  if (words) return { command: "search", options: words };
  try {
    return parseLine(line, ctx.commands);
  } catch (error) {
    if (error instanceof UsageError) return usageReply(error);
    throw error;
  }
}

/**
 * What a line addressed to the bot asks for (Slack's umbrella command, a mention, a DM), where a
 * blank one (`/barents` alone, "@Barents" alone) asks what the bot can do: /help.
 */
export function readAddressedLine(ctx: CommandContext, line: string): CommandCall | Reply {
  return readLine(ctx, line) ?? { command: "help", options: {} };
}

/** Runs what a line asked for; a reply already made (a usage problem) is the answer. */
export function answerRead(ctx: CommandContext, read: CommandCall | Reply, log?: ErrorLog): Answer {
  return "kind" in read ? read : runCommand(ctx, read, log);
}

/** Answers one typed line, or null for a blank one. Never throws. */
export function answerLine(ctx: CommandContext, line: string, log?: ErrorLog): Answer | null {
  const read = readLine(ctx, line);
  return read && answerRead(ctx, read, log);
}

/** Answers a line addressed to the bot; a blank one gets /help. Never throws. */
export function answerAddressedLine(ctx: CommandContext, line: string, log?: ErrorLog): Answer {
  return answerRead(ctx, readAddressedLine(ctx, line), log);
}
