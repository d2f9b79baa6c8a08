import type { Command, CommandContext } from "../src/command/declaration.ts";
import { defineCommand } from "../src/command/declaration.ts";
import { exampleCall } from "../src/command/resolve-options.ts";
import { findCommand, unknownCommand } from "../src/command/run-command.ts";
import { usageLine } from "../src/command/usage.ts";
import { reply } from "../src/reply/reply.ts";

const IN_CHANNEL = "in a Discord or Slack channel";

/** Whether a command runs where `ctx` is: the console and `ask` have no channel. */
function runsHere(ctx: CommandContext, command: Command): boolean {
  return !command.inChannel || ctx.place !== undefined;
}

/** The commands that share a name's first part, as /onthisday-subscribe does /onthisday's. */
function related(ctx: CommandContext, command: Command): string[] {
  const root = command.name.split("-")[0];
  return ctx.commands
    .filter((c) => c !== command && (c.name === root || c.name.startsWith(`${root}-`)))
    .map((c) => `/${c.name}: ${c.description}${runsHere(ctx, c) ? "" : ` (${IN_CHANNEL})`}.`);
}

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`
    : (items[0] ?? "");
}

export const help = defineCommand({
  name: "help",
  description: "Every command with an example, or one command in detail",
  options: [
    {
      name: "command",
      description: "A command to explain, like timeline",
      type: "string",
      maxLength: 40,
      example: "timeline",
    },
  ],
  examples: ["/help timeline", "/help"],
  handle(ctx, { command }) {
    if (command === undefined) {
      const here = ctx.commands.filter((c) => runsHere(ctx, c));
      const elsewhere = ctx.commands.filter((c) => !runsHere(ctx, c)).map((c) => `/${c.name}`);
      return reply("answer", "Barents: Norway–Russia relations, with sources", {
        body: [
          "Every answer cites the documents it comes from. Options go by position or by name:value.",
          // The console lists only what runs in it, and says where the rest does.
          ...(elsewhere.length
            ? [
                `${andList(elsewhere)} work ${IN_CHANNEL}, not here; /help ${elsewhere[0]?.slice(1)} tells more.`,
              ]
            : []),
        ],
        fields: here.map((c) => ({
          name: usageLine(c),
          value: `${c.description}. Example: ${c.examples[0] ?? `/${c.name}`}`,
        })),
      });
    }
    const found = findCommand(ctx.commands, command);
    if (!found) return unknownCommand(ctx.commands, command);
    const also = related(ctx, found);
    return reply("answer", usageLine(found), {
      body: [
        `${found.description}.`,
        ...(runsHere(ctx, found) ? [] : [`It works ${IN_CHANNEL}, not here.`]),
      ],
      fields: [
        ...found.options.map((o) => ({
          name: `${o.name}${o.required ? " (required)" : ""}`,
          // A whole call, as every example the bot shows is one that runs as typed.
          value: `${o.description}. Example: ${exampleCall(found, o)}`,
        })),
        { name: "Examples", value: found.examples.join("\n") },
        ...(also.length ? [{ name: "See also", value: also.join("\n") }] : []),
      ],
    });
  },
});
