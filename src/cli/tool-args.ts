import { parseArgs } from "node:util";
import { editDistance } from "../core/edit-distance.ts";

// The command-line tools (npm run ask, data:check, data:synth, discord:register,
// slack:manifest, store:migrate, bench) describe themselves once, as a Tool, and read their
// arguments through it, so every one answers --help and -h with the same parts (usage, options,
// an example, exit codes) and refuses a bad argument the same way: one line naming it, the usage
// line, exit 2.
//
// util.parseArgs splits the arguments. It runs with strict off and tokens on (Node's util docs:
// tokens are "useful for extending the built-in behavior, from adding additional checks"),
// because strict mode's errors are written for programmers ("Unknown option '--x'. To specify a
// positional argument starting with a '-', place it at the end of the command after '--'…")
// and name no fix; the checks below read the tokens and say each problem in a line.

export interface ToolOption {
  type: "string" | "boolean";
  short?: string;
  /** How a string option's value is shown in the help: "<dir>". */
  value?: string;
  /** For the help; a second line starts with \n. */
  description: string;
  /** What to say when the value is missing; "--<name> needs a value" otherwise. */
  missing?: string;
}

export interface Tool<O extends Record<string, ToolOption> = Record<string, ToolOption>> {
  /** The npm script, as typed: "data:check". */
  script: string;
  /** What the tool does, a sentence or two. */
  about: string;
  /** What follows `npm run <script> --`: "[--json] <command line>"; empty for nothing. */
  synopsis: string;
  options: O;
  /** How many positional arguments it takes; none unless given. */
  positionals?: number;
  /** A command a person could paste, on one line. */
  example: string;
  /** More to know, printed after the example. */
  notes?: string;
  /** What exit codes 0 and 1 mean for this tool; 2 is always a usage error. */
  exits: { done: string; failed: string };
}

export type ToolValues<O extends Record<string, ToolOption>> = {
  [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean;
};

export type ReadArgs<O extends Record<string, ToolOption>> =
  | { kind: "run"; values: ToolValues<O>; positionals: string[] }
  | { kind: "help" }
  | { kind: "usage"; problem: string };

const HELP_OPTION: ToolOption = { type: "boolean", short: "h", description: "this text" };

/** The option meant by a mistyped one, if one is close: --evnts → --events. */
function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of names) {
    const d = editDistance(name, candidate, 2);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Reads argv (after the script's name) into values, a request for help, or one problem. */
export function readArgs<O extends Record<string, ToolOption>>(
  tool: Tool<O>,
  argv: readonly string[],
): ReadArgs<O> {
  const options: Record<string, ToolOption> = { ...tool.options, help: HELP_OPTION };
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(options).map(([name, { type, short }]) => [
        name,
        short ? { type, short } : { type },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === "option" && t.name === "help")) return { kind: "help" };

  const seen = new Set<string>();
  const allowed = tool.positionals ?? 0;
  let given = 0;
  for (const token of tokens) {
    if (token.kind === "positional") {
      given++;
      if (given <= allowed) continue;
      const problem =
        allowed === 0
          ? `unexpected "${token.value}": every value follows an option`
          : `unexpected "${token.value}": it takes ${allowed === 1 ? "one argument" : `${allowed} arguments`}`;
      return { kind: "usage", problem };
    }
    if (token.kind !== "option") continue;
    const spec = Object.hasOwn(tool.options, token.name) ? tool.options[token.name] : undefined;
    if (!spec) {
      const near = token.rawName.startsWith("--")
        ? closest(token.name, Object.keys(tool.options))
        : undefined;
      const hint = near ? `; did you mean --${near}?` : "";
      return { kind: "usage", problem: `unknown option ${token.rawName}${hint}` };
    }
    const flag = `--${token.name}`;
    if (spec.type === "string") {
      // Non-strict parseArgs takes the next argument whatever it is: "--out --seed 1" would
      // make "--seed" the folder. A value may start with one dash (a negative number).
      const taken =
        token.value !== undefined && (token.inlineValue || !token.value.startsWith("--"));
      if (!taken) return { kind: "usage", problem: spec.missing ?? `${flag} needs a value` };
    } else if (token.value !== undefined) {
      return { kind: "usage", problem: `${flag} takes no value` };
    }
    if (seen.has(token.name)) return { kind: "usage", problem: `${flag} is given twice` };
    seen.add(token.name);
  }
  return { kind: "run", values: values as ToolValues<O>, positionals };
}

const usageLine = (tool: Tool) =>
  `Usage: npm run ${tool.script}${tool.synopsis ? ` -- ${tool.synopsis}` : ""}`;

/** What --help prints: about, usage, options, example, notes, exit codes. */
export function helpText(tool: Tool): string {
  const rows = Object.entries({ ...tool.options, help: HELP_OPTION }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}`;
    return [flag, o.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const options = rows.map(([flag, description]) =>
    `  ${flag.padEnd(width)}${description.replaceAll("\n", `\n  ${" ".repeat(width)}`)}`.trimEnd(),
  );
  return [
    tool.about,
    "",
    usageLine(tool),
    "",
    "Options:",
    ...options,
    "",
    "Example:",
    `  ${tool.example}`,
    ...(tool.notes ? ["", tool.notes] : []),
    "",
    `Exit codes: 0 ${tool.exits.done}, 1 ${tool.exits.failed}, 2 a usage error.`,
    "",
  ].join("\n");
}

/** What a usage error prints: the problem (if any), the usage line, where the rest is. */
export function usageText(tool: Tool, problem?: string): string {
  return [
    // No full stop added: a problem may end in an example to copy, a URL or a path.
    ...(problem ? [`${tool.script}: ${problem}`] : []),
    usageLine(tool),
    `Example: ${tool.example}`,
    `More: npm run ${tool.script} -- --help`,
    "",
  ].join("\n");
}

/** Stops with a usage error: the problem and the usage on stderr, exit code 2. */
export function exitWithUsage(tool: Tool, problem?: string): never {
  process.stderr.write(usageText(tool, problem));
  process.exit(2);
}

/** readArgs for a tool's entry point: prints the help (exit 0) or a usage error (exit 2). */
export function toolArgs<O extends Record<string, ToolOption>>(
  tool: Tool<O>,
  argv: readonly string[] = process.argv.slice(2),
): { values: ToolValues<O>; positionals: string[] } {
  const read = readArgs(tool, argv);
  if (read.kind === "help") {
    process.stdout.write(helpText(tool));
    process.exit(0);
  }
  if (read.kind === "usage") exitWithUsage(tool, read.problem);
  return read;
}
