import { editDistance } from "../core/edit-distance.ts";
import { DEFAULT_SEED, type SynthOptions } from "./dataset.ts";

// The flags of `npm run data:synth`, read without side effects so tests can check every
// refusal in-process. Each refusal is one line that names the problem; the CLI adds an example.

export const EXAMPLE =
  "npm run data:synth -- --events 100000 --people 20000 --out /tmp/barents-synth --seed 1";

export const USAGE = `Usage: npm run data:synth -- --events <n> --people <n> --out <dir> [--seed <n>]
Writes a synthetic dataset (sources.json, people.json, events.json) for benchmarks and tests.
  --events <n>  how many events, 1 to 500000
  --people <n>  how many people, 1 to 500000
  --out <dir>   the folder to write; created if missing
  --seed <n>    0 to 4294967295; the same seed gives byte-identical files (default ${DEFAULT_SEED})
Example: ${EXAMPLE}`;

/**
 * The loader reads each file as one string, and Node caps a string at 2^29 - 24 characters
 * (about 512 MiB): 500,000 events is about 470 MB, so a larger set would write but never load.
 */
export const MAX_RECORDS = 500_000;
const MAX_SEED = 0xffffffff;

export interface SynthArgs extends Required<SynthOptions> {
  out: string;
}

export type ParsedArgs =
  | { kind: "run"; args: SynthArgs }
  | { kind: "help" }
  | { kind: "error"; message: string };

const FLAGS = ["events", "people", "out", "seed"] as const;
type Flag = (typeof FLAGS)[number];

function closest(name: string): Flag | undefined {
  let best: Flag | undefined;
  let bestDistance = 3;
  for (const flag of FLAGS) {
    const d = editDistance(name, flag, 2);
    if (d < bestDistance) {
      best = flag;
      bestDistance = d;
    }
  }
  return best;
}

function wholeNumber(flag: Flag, text: string, min: number, max: number): number | string {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  return `--${flag} takes a whole number from ${min} to ${max}, not "${text}"`;
}

/** Reads argv (after the script name) into options, a request for help, or one refusal. */
export function parseSynthArgs(argv: readonly string[]): ParsedArgs {
  const given = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? "";
    if (token === "--help" || token === "-h") return { kind: "help" };
    const match = /^--([^=]+)(?:=(.*))?$/.exec(token);
    if (!match)
      return { kind: "error", message: `unexpected "${token}": every value follows a flag` };
    const name = match[1] ?? "";
    const flag = FLAGS.find((f) => f === name);
    if (!flag) {
      const near = closest(name);
      const hint = near ? `; did you mean --${near}?` : "";
      return { kind: "error", message: `unknown flag --${name}${hint}` };
    }
    if (given.has(flag)) return { kind: "error", message: `--${flag} is given twice` };
    let value = match[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) {
        return { kind: "error", message: `--${flag} needs a value` };
      }
      value = next;
      i++;
    }
    given.set(flag, value);
  }
  for (const flag of ["events", "people", "out"] as const) {
    if (!given.has(flag)) return { kind: "error", message: `--${flag} is required` };
  }
  const events = wholeNumber("events", given.get("events") ?? "", 1, MAX_RECORDS);
  const people = wholeNumber("people", given.get("people") ?? "", 1, MAX_RECORDS);
  const seedText = given.get("seed");
  const seed = seedText === undefined ? DEFAULT_SEED : wholeNumber("seed", seedText, 0, MAX_SEED);
  const out = (given.get("out") ?? "").trim();
  if (typeof events === "string") return { kind: "error", message: events };
  if (typeof people === "string") return { kind: "error", message: people };
  if (typeof seed === "string") return { kind: "error", message: seed };
  if (!out) return { kind: "error", message: "--out needs a folder name" };
  return { kind: "run", args: { events, people, seed, out } };
}
