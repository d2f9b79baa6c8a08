import { renderText } from "../render/text.ts";
import { startUp } from "../startup.ts";
import { answerLine } from "../text/answer-line.ts";

// One command from the shell: `npm run ask -- "/expulsions 2023"`, the reply on stdout.
// Exit codes: 0 an answer (or an honest empty one), 2 a usage error, 1 a failure of ours.

const USAGE = 'Usage: npm run ask -- [--json] "/expulsions 2023"';
const EXIT = { answer: 0, empty: 0, usage: 2, error: 1 } as const;

const args = process.argv.slice(2);
const json = args.includes("--json");
const line = args.filter((a) => a !== "--json").join(" ");

if (!line.trim() || line.trim() === "--help") {
  process.stderr.write(`${USAGE}\n`);
  process.exit(line.trim() === "--help" ? 0 : 2);
}

const { ctx, log } = startUp();
const reply = await answerLine(ctx, line, log);
if (reply) {
  process.stdout.write(
    json ? `${JSON.stringify(reply, null, 2)}\n` : `${renderText(reply, ctx.commands)}\n`,
  );
  process.exitCode = EXIT[reply.kind];
}
