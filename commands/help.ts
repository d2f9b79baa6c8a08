import { defineCommand } from "../src/command/declaration.ts";
import { exampleCall } from "../src/command/resolve-options.ts";
import { findCommand, unknownCommand } from "../src/command/run-command.ts";
import { usageLine } from "../src/command/usage.ts";
import { reply } from "../src/reply/reply.ts";

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
      return reply("answer", "Barents: Norway–Russia relations, with sources", {
        body: [
          "Every answer cites the documents it comes from. Options go by position or by name:value.",
        ],
        fields: ctx.commands.map((c) => ({
          name: usageLine(c),
          value: `${c.description}. Example: ${c.examples[0] ?? `/${c.name}`}`,
        })),
      });
    }
    const found = findCommand(ctx.commands, command);
    if (!found) return unknownCommand(ctx.commands, command);
    return reply("answer", usageLine(found), {
      body: [`${found.description}.`],
      fields: [
        ...found.options.map((o) => ({
          name: `${o.name}${o.required ? " (required)" : ""}`,
          // A whole call, as every example the bot shows is one that runs as typed.
          value: `${o.description}. Example: ${exampleCall(found, o)}`,
        })),
        { name: "Examples", value: found.examples.join("\n") },
      ],
    });
  },
});
