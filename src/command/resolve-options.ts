import { normalizeInput } from "../core/controls.ts";
import type { Command, OptionDeclaration, OptionValue } from "./declaration.ts";
import { UsageError } from "./usage-error.ts";

/**
 * How a command is typed with one option set, for error messages and /help: a call that runs
 * as shown. An option only named rides on the command's first example, so `/expulsions 2023
 * page:1` keeps the year it needs; a positional option is written bare only where a bare value
 * would land in it, so the example for `to` is `/timeline to:2019`, not a `from` of 2019.
 */
export function exampleCall(command: Command, option?: OptionDeclaration): string {
  const first = command.examples[0] ?? `/${command.name}`;
  if (!option) return first;
  const named = (o: OptionDeclaration) => `${o.name}:${o.example}`;
  if (option.positional === false && !first.includes(` ${option.name}:`)) {
    return `${first} ${named(option)}`;
  }
  const positionals = command.options.filter((o) => o.positional !== false);
  const before = positionals.slice(0, Math.max(0, positionals.indexOf(option)));
  const bare = option.positional !== false && before.every((o) => o.required);
  const required = command.options.filter((o) => o.required && o !== option);
  const parts = bare
    ? [
        ...before.map((o) => o.example),
        option.example,
        ...required.filter((o) => !before.includes(o)).map(named),
      ]
    : [...required.map(named), named(option)];
  return [`/${command.name}`, ...parts].join(" ");
}

function coerce(
  command: Command,
  option: OptionDeclaration,
  raw: unknown,
): OptionValue | undefined {
  const example = exampleCall(command, option);
  if (option.type === "integer") {
    const text = typeof raw === "number" ? String(raw) : normalizeInput(String(raw)).trim();
    if (text === "") return undefined;
    if (!/^-?\d+$/.test(text)) {
      throw new UsageError(`"${clip(text)}" is not a whole number for ${option.name}.`, example);
    }
    const value = Number(text);
    if (
      (option.min !== undefined && value < option.min) ||
      (option.max !== undefined && value > option.max)
    ) {
      throw new UsageError(
        `${option.name} must be between ${option.min ?? "-∞"} and ${option.max ?? "∞"}; ${clip(text)} is not.`,
        example,
      );
    }
    return value;
  }
  // Every platform's text passes here, so this is where typed input is made comparable.
  const text = normalizeInput(String(raw)).trim();
  if (text === "") return undefined;
  if (option.maxLength !== undefined && [...text].length > option.maxLength) {
    throw new UsageError(
      `${option.name} is too long: ${[...text].length} characters, at most ${option.maxLength}.`,
      example,
    );
  }
  return text;
}

/** Quotes user input back safely short. */
export function clip(text: string, max = 40): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/**
 * Checks raw option values against a command's declaration: unknown names, types, bounds and
 * required options. Empty values count as absent. Throws UsageError naming the first problem.
 */
export function resolveOptions(
  command: Command,
  raw: Readonly<Record<string, unknown>>,
): Record<string, OptionValue> {
  const byName = new Map(command.options.map((o) => [o.name, o]));
  for (const name of Object.keys(raw)) {
    if (!byName.has(name)) {
      const known = command.options.map((o) => o.name);
      throw new UsageError(
        known.length
          ? `/${command.name} has no option "${clip(name, 20)}"; it takes ${known.join(", ")}.`
          : `/${command.name} takes no options.`,
        exampleCall(command),
      );
    }
  }
  const resolved: Record<string, OptionValue> = {};
  for (const option of command.options) {
    const value =
      raw[option.name] === undefined ? undefined : coerce(command, option, raw[option.name]);
    if (value === undefined) {
      if (option.required) {
        throw new UsageError(
          `/${command.name} needs a ${option.name}.`,
          exampleCall(command, option),
        );
      }
      continue;
    }
    resolved[option.name] = value;
  }
  return resolved;
}
