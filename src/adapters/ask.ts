import { writeFileSync } from "node:fs";
import { exitWithUsage, toolArgs } from "../cli/tool-args.ts";
import { renderText } from "../render/text.ts";
import { startUp } from "../startup.ts";
import { answerLine } from "../text/answer-line.ts";

// One command from the shell: `npm run ask -- "/expulsions 2023"`, the reply on stdout.
// Exit codes: 0 an answer (or an honest empty one), 2 a usage error, 1 a failure of ours.

const ASK = {
  script: "ask",
  about: "Answers one command from the shell, as the bot would in a chat, and prints the reply.",
  synopsis: '[--json] [--png <file>] "<command line>"',
  options: {
    json: {
      type: "boolean",
      description: "print the reply as JSON (the reply model) instead of text",
    },
    png: {
      type: "string",
      value: "<file>",
      description: "write the reply's picture (a /chart) to <file> as PNG",
      missing: '--png needs a file to write, e.g. --png chart.png "/chart expulsions"',
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
  const { image } = reply;
  // The picture goes to its own file; in JSON it is described, not spelled out byte by byte.
  const shown = image ? { ...reply, image: { ...image, png: `${image.png.length} bytes` } } : reply;
  process.stdout.write(
    values.json ? `${JSON.stringify(shown, null, 2)}\n` : `${renderText(reply, ctx.commands)}\n`,
  );
  if (values.png !== undefined && image) {
    try {
      writeFileSync(values.png, image.png);
      process.stderr.write(
        `Wrote the picture to ${values.png} (${image.width}×${image.height}).\n`,
      );
    } catch (error) {
      process.stderr.write(`Could not write ${values.png}: ${(error as Error).message}\n`);
      process.exit(1);
    }
  } else if (values.png !== undefined) {
    process.stderr.write("This reply has no picture; /chart draws one.\n");
  } else if (image && !values.json) {
    process.stdout.write(
      `\nTo get the picture: npm run ask -- --png ${image.fileName} '${line.replaceAll("'", "'\\''")}'\n`,
    );
  }
  process.exitCode = EXIT[reply.kind];
}
