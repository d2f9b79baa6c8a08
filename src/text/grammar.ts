import type { Command, OptionDeclaration } from "../command/declaration.ts";
import { exampleCall } from "../command/resolve-options.ts";
import { findCommand } from "../command/run-command.ts";
import { UsageError } from "../command/usage-error.ts";
import { normalizeInput } from "../core/controls.ts";
import type { CommandCall } from "../reply/reply.ts";

// The text grammar shared by the console, `ask` and Slack's free-text commands:
//   /command positional… name:value name:"two words" name:two words
// A bare word fills the first free positional option that can take it, so `/timeline expulsion`
// is a topic, not a bad year. The last option filled, if it takes text, also takes any words left
// over, so `/who jonas gahr støre` needs no quotes. Likewise an unquoted value of a named text
// option runs on to the next `name:`, so `/timeline topic:White Sea from:1500` means the White
// Sea; a named number takes one word, so `/timeline from:2017 expulsion` still has a topic.

interface Token {
  name?: string;
  value: string;
  /** Written in quotes: complete as it stands, never run on into the next words. */
  quoted?: boolean;
}

// Phones and chat clients turn straight quotes into curly ones; both work.
const OPEN = new Set(['"', "“", "„"]);
const CLOSE: Record<string, string> = { '"': '"', "“": "”", "„": "“" };
// `name:` starts a named option, but `http://…` is a value, not an option called "http".
const NAMED = /^([a-z][a-z0-9_-]*):(?!\/\/)/i;
const WHOLE_NUMBER = /^-?\d+$/;
const YEAR = /^\d{3,4}$/;
// 2023.5 or 2023,5: a number, though not a whole one.
const FRACTION = /^-?\d+[.,]\d+$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  };
  const readValue = (): Token => {
    const ch = text[i] ?? "";
    if (OPEN.has(ch)) {
      const close = CLOSE[ch] ?? '"';
      let end = text.indexOf(close, i + 1);
      if (end === -1 && close === "”") end = text.indexOf('"', i + 1);
      if (end === -1) {
        throw new UsageError("A quote is opened but never closed.", '/who name:"Jonas Gahr Støre"');
      }
      const value = text.slice(i + 1, end);
      i = end + 1;
      return { value, quoted: true };
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i] ?? "")) i++;
    return { value: text.slice(start, i) };
  };
  for (skipSpace(); i < text.length; skipSpace()) {
    const named = NAMED.exec(text.slice(i));
    if (!named?.[1]) {
      tokens.push(readValue());
      continue;
    }
    i += named[0].length;
    // "name: huitfeldt", with a space after the colon, still means name:huitfeldt.
    if (/\s/.test(text[i] ?? "")) {
      skipSpace();
      if (NAMED.test(text.slice(i))) {
        tokens.push({ name: named[1].toLowerCase(), value: "" });
        continue;
      }
    }
    tokens.push({ name: named[1].toLowerCase(), ...readValue() });
  }
  return tokens;
}

/** Fills positional options from bare words, each into the first free slot that can take it. */
function fillPositionals(command: Command, words: string[], options: Record<string, string>): void {
  const free = command.options.filter((o) => o.positional !== false && !(o.name in options));
  let last: OptionDeclaration | undefined;
  for (const word of words) {
    const fits = free.findIndex((o) => o.type !== "integer" || WHOLE_NUMBER.test(word));
    // When nothing can take the word, give it to the next slot so its check names the problem;
    // likewise a fraction where a number is next, so `/timeline 2023.5` is told it is not a whole
    // number, as `/expulsions 2023.5` is, rather than searched for as a topic.
    const numberNext = free[0]?.type === "integer" && FRACTION.test(word);
    const at = (fits === -1 || numberNext) && free.length ? 0 : fits;
    const slot = at === -1 ? undefined : free.splice(at, 1)[0];
    if (slot) {
      options[slot.name] = word;
      last = slot;
    } else if (last?.type === "string") {
      options[last.name] = `${options[last.name]} ${word}`;
    } else {
      throw new UsageError(
        command.options.some((o) => o.positional !== false)
          ? `/${command.name} got more values than it takes: “${word}” is one too many.`
          : `/${command.name} takes no values by position.`,
        exampleCall(command),
      );
    }
  }
}

/** Parses one line into a command call; null for a blank line. Throws UsageError on bad input. */
export function parseLine(line: string, commands: readonly Command[]): CommandCall | null {
  const tokens = tokenize(normalizeInput(line).trim());
  const head = tokens.shift();
  if (!head) return null;
  if (head.name !== undefined) {
    throw new UsageError(`Start with a command, not “${head.name}:”.`, "/expulsions 2023");
  }
  let name = head.value.replace(/^\//, "").toLowerCase();
  // `/onthisday subscribe` is `/onthisday-subscribe`: Discord needs one top-level command per
  // permission, while typing the words apart reads naturally in Slack and the console.
  const sub = tokens[0]?.name === undefined ? tokens[0]?.value.toLowerCase() : undefined;
  if (sub && findCommand(commands, `${name}-${sub}`)) {
    name = `${name}-${sub}`;
    tokens.shift();
  }
  const command = findCommand(commands, name);
  // An unknown command is reported by runCommand, which can suggest the closest ones.
  if (!command) return { command: name, options: {} };

  const options: Record<string, string> = {};
  const words: string[] = [];
  // The named text option whose unquoted value is still open to the words after it.
  let open: string | undefined;
  // A year after an open value goes to a number option still free by position, so
  // `/timeline topic:expulsion 2017 2019` keeps its years; it closes the open value. A shorter
  // number stays in the value: "world war 2" is a topic.
  const numberSlots = () =>
    command.options.filter(
      (o) => o.type === "integer" && o.positional !== false && !Object.hasOwn(options, o.name),
    ).length - words.filter((w) => WHOLE_NUMBER.test(w)).length;
  for (const token of tokens) {
    if (token.name === undefined) {
      if (open !== undefined && YEAR.test(token.value) && numberSlots() > 0) open = undefined;
      if (open === undefined) words.push(token.value);
      else options[open] = options[open] ? `${options[open]} ${token.value}` : token.value;
    } else if (Object.hasOwn(options, token.name)) {
      throw new UsageError(`${token.name} is given twice.`, exampleCall(command));
    } else {
      options[token.name] = token.value;
      const declared = command.options.find((o) => o.name === token.name);
      open = declared?.type === "string" && !token.quoted ? token.name : undefined;
    }
  }
  fillPositionals(command, words, options);
  return { command: command.name, options };
}

function quoted(text: string): string {
  return /[\s"“”„]/.test(text) || text === "" || NAMED.test(text)
    ? `"${text.replace(/"/g, "")}"`
    : text;
}

/**
 * Writes a call back as a line that parses to the same call: what a text "button" shows.
 * Given the command, leading positional options are written bare: `/expulsions 2020`.
 */
export function formatCall(call: CommandCall, command?: Command): string {
  const parts = [`/${call.command}`];
  const rest = new Map(Object.entries(call.options));
  for (const option of command?.options ?? []) {
    const value = rest.get(option.name);
    if (option.positional === false || value === undefined) break;
    parts.push(quoted(String(value)));
    rest.delete(option.name);
  }
  for (const [name, value] of rest) parts.push(`${name}:${quoted(String(value))}`);
  return parts.join(" ");
}
