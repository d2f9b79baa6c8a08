import type { Command } from "../command/declaration.ts";
import { exampleCall } from "../command/resolve-options.ts";
import { findCommand } from "../command/run-command.ts";
import { UsageError } from "../command/usage-error.ts";
import type { CommandCall } from "../reply/reply.ts";

// The text grammar shared by the console, `ask` and Slack's free-text commands:
//   /command positional… name:value name:"two words"
// Positionals fill a command's positional options in order; the last one, if it takes text,
// also takes any words left over, so `/who jonas gahr støre` needs no quotes.

interface Token {
  name?: string;
  value: string;
}

// Phones and chat clients turn straight quotes into curly ones; both work.
const OPEN = new Set(['"', "“", "„"]);
const CLOSE: Record<string, string> = { '"': '"', "“": "”", "„": "“" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readValue = (): string => {
    const ch = text[i] ?? "";
    if (OPEN.has(ch)) {
      const close = CLOSE[ch] ?? '"';
      let end = text.indexOf(close, i + 1);
      if (end === -1 && close === "”") end = text.indexOf('"', i + 1);
      if (end === -1)
        throw new UsageError("A quote is opened but never closed.", '/who name:"Jonas Gahr Støre"');
      const value = text.slice(i + 1, end);
      i = end + 1;
      return value;
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i] ?? "")) i++;
    return text.slice(start, i);
  };
  while (i < text.length) {
    if (/\s/.test(text[i] ?? "")) {
      i++;
      continue;
    }
    const named = /^([a-z][a-z0-9_-]*):/i.exec(text.slice(i));
    if (named?.[1]) {
      i += named[0].length;
      tokens.push({ name: named[1].toLowerCase(), value: readValue() });
    } else {
      tokens.push({ value: readValue() });
    }
  }
  return tokens;
}

/** Parses one line into a command call; null for a blank line. Throws UsageError on bad input. */
export function parseLine(line: string, commands: readonly Command[]): CommandCall | null {
  const tokens = tokenize(line.trim());
  const head = tokens.shift();
  if (!head) return null;
  if (head.name !== undefined) {
    throw new UsageError(`Start with a command, not “${head.name}:”.`, "/expulsions 2023");
  }
  const name = head.value.replace(/^\//, "").toLowerCase();
  const command = findCommand(commands, name);
  // An unknown command is reported by runCommand, which can suggest the closest ones.
  if (!command) return { command: name, options: {} };

  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.name === undefined) positional.push(token.value);
    else if (token.name in options) {
      throw new UsageError(`${token.name} is given twice.`, exampleCall(command));
    } else options[token.name] = token.value;
  }
  const slots = command.options.filter((o) => o.positional !== false && !(o.name in options));
  positional.forEach((value, i) => {
    const slot = slots[i];
    const last = slots.at(-1);
    if (slot) options[slot.name] = value;
    else if (last?.type === "string") options[last.name] = `${options[last.name]} ${value}`;
    else {
      throw new UsageError(
        slots.length || command.options.some((o) => o.positional !== false)
          ? `/${command.name} got more values than it takes: “${value}” is one too many.`
          : `/${command.name} takes no values by position.`,
        exampleCall(command),
      );
    }
  });
  return { command: command.name, options };
}

/** Writes a call back as a line that parses to the same call: what a text "button" shows. */
export function formatCall(call: CommandCall): string {
  const parts = [`/${call.command}`];
  for (const [name, value] of Object.entries(call.options)) {
    const text = String(value);
    parts.push(
      /[\s"“”„]/.test(text) || text === ""
        ? `${name}:"${text.replace(/"/g, "")}"`
        : `${name}:${text}`,
    );
  }
  return parts.join(" ");
}
