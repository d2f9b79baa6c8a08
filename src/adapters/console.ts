import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { CommandContext } from "../command/declaration.ts";
import type { ErrorLog } from "../command/run-command.ts";
import { renderText } from "../render/text.ts";
import { answerLine } from "../text/answer-line.ts";

const QUIT = new Set(["/quit", "/exit", "quit", "exit"]);

/**
 * The interactive console bot: one reply per line typed, with line history when on a terminal.
 * Resolves when the person types /quit, presses Ctrl-D, or the input ends.
 */
export function runConsole(
  ctx: CommandContext,
  log: ErrorLog,
  input: Readable = process.stdin,
  output: Writable = process.stdout,
): Promise<void> {
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal, historySize: 500, prompt: "barents> " });
  const write = (text: string) => output.write(`${text}\n`);
  write("Barents: Norway–Russia relations, with sources. Type /help for commands, /quit to leave.");
  rl.prompt();
  return new Promise((resolve) => {
    let closed = false;
    // A reply may come later than its line (a command waiting on a store), so replies are
    // chained: they come out in the order the lines went in, and "Bye." after the last.
    let replies = Promise.resolve();
    rl.on("line", (line) => {
      // readline still delivers lines it had buffered before close(); they come after /quit.
      if (closed) return;
      if (QUIT.has(line.trim().toLowerCase())) {
        rl.close();
        return;
      }
      replies = replies.then(async () => {
        const reply = await answerLine(ctx, line, log);
        if (reply) write(`${renderText(reply, ctx.commands)}\n`);
        rl.prompt();
      });
    });
    rl.on("SIGINT", () => rl.close());
    rl.on("close", () => {
      closed = true;
      void replies.then(() => {
        write("\nBye.");
        resolve();
      });
    });
  });
}
