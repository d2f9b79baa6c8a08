import { exitWithUsage, toolArgs } from "../cli/tool-args.ts";
import { renderText } from "../render/text.ts";
import { startUp } from "../startup.ts";
import { answerLine } from "../text/answer-line.ts";

// One command from the shell: `npm run ask -- "/expulsions 2023"`, the reply on stdout.
// Exit codes: 0 an answer (or an honest empty one), 2 a usage error, 1 a failure of ours.

const ASK = {
  script: "ask",
  about: "Answers one command from the shell, as the bot would in a chat, and prints the reply.",
  synopsis: '[--json] "<command line>"',
  options: {
    json: {
      type: "boolean",
      description: "print the reply as JSON (the reply model) instead of text",
    },
  },
  // The command line may come as one quoted argument or as several words.
  positionals: Number.POSITIVE_INFINITY,
  example: 'npm run ask -- "/expulsions 2023"',
  notes:
    'The slash may be left out (npm run ask -- who huitfeldt); "/help" lists the commands.\n' +
    "A command the bot cannot run (an unknown one, a day that does not exist) is a usage error.",
  exits: { done: 'answered (an honest "nothing found" too)', failed: "a failure of ours" },
} as const;
const EXIT = { answer: 0, empty: 0, usage: 2, error: 1 } as const;

const { values, positionals } = toolArgs(ASK);
const line = positionals.join(" ");
if (!line.trim()) exitWithUsage(ASK);

const { ctx, log } = startUp();
const reply = await answerLine(ctx, line, log);
if (reply) {
  process.stdout.write(
    values.json ? `${JSON.stringify(reply, null, 2)}\n` : `${renderText(reply, ctx.commands)}\n`,
  );
  process.exitCode = EXIT[reply.kind];
}
