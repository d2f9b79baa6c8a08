import { NameSearch } from "../core/name-search.ts";
import { type Reply, reply } from "../reply/reply.ts";
import type { Answer, Command, CommandContext } from "./declaration.ts";
import { clip, resolveOptions } from "./resolve-options.ts";
import { UsageError } from "./usage-error.ts";

/** Where unexpected failures are reported; never shown to the person who asked. */
export type ErrorLog = (message: string, context: Record<string, unknown>) => void;

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.replace(/^\//, "").toLowerCase();
  return commands.find((c) => c.name === wanted);
}

/** The reply for input a person got wrong: the problem, and an example that works. */
export function usageReply(error: UsageError): Reply {
  return reply("usage", error.message, {
    body: [...error.detail, ...(error.example ? [`Example: ${error.example}`] : [])],
  });
}

/** The reply to a command name nobody declared, offering the closest ones. */
export function unknownCommand(commands: readonly Command[], name: string): Reply {
  const close = new NameSearch(commands.map((c) => ({ id: c.name, name: c.name })))
    .search(name, 3)
    .map((m) => m.id);
  return reply("usage", `There is no command /${clip(name.replace(/^\//, ""), 30)}.`, {
    body: [
      close.length
        ? `Did you mean /${close.join(", /")}?`
        : `The commands are /${commands.map((c) => c.name).join(", /")}.`,
      "Example: /help",
    ],
    suggestions: close.map((c) => ({ label: `/${c}`, call: { command: c, options: {} } })),
  });
}

/**
 * Runs one command call to a reply: at once, or a promise of one for a command that waits on the
 * schedule store. Never throws or rejects: bad input becomes a usage reply, and any other
 * failure a short apology, with the details sent to the log instead of the user.
 */
export function runCommand(
  ctx: CommandContext,
  call: { command: string; options: Readonly<Record<string, unknown>> },
  log: ErrorLog = () => {},
): Answer {
  const command = findCommand(ctx.commands, call.command);
  if (!command) return unknownCommand(ctx.commands, call.command);
  const failed = (error: unknown): Reply => {
    if (error instanceof UsageError) return usageReply(error);
    log("command failed", { command: command.name, options: call.options, error });
    return reply("error", "Something went wrong on our side.", {
      body: ["The problem has been logged. Please try again in a moment."],
    });
  };
  try {
    const answer = command.handle(ctx, resolveOptions(command, call.options));
    return answer instanceof Promise ? answer.catch(failed) : answer;
  } catch (error) {
    return failed(error);
  }
}
