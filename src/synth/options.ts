import { readArgs, type Tool } from "../cli/tool-args.ts";
import { DEFAULT_SEED, type SynthOptions } from "./dataset.ts";

// The flags of `npm run data:synth`, read without side effects so tests can check every
// refusal in-process. Each refusal is one line that names the problem; the CLI adds the usage.

/**
 * The loader reads each file as one string, and Node caps a string at 2^29 - 24 characters
 * (about 512 MiB): 500,000 events is about 470 MB, so a larger set would write but never load.
 */
export const MAX_RECORDS = 500_000;
const MAX_SEED = 0xffffffff;

export const SYNTH_TOOL = {
  script: "data:synth",
  about:
    "Writes a synthetic dataset (sources.json, people.json, events.json) for benchmarks and tests.",
  synopsis: "--events <n> --people <n> --out <dir> [--seed <n>]",
  options: {
    events: { type: "string", value: "<n>", description: `how many events, 1 to ${MAX_RECORDS}` },
    people: { type: "string", value: "<n>", description: `how many people, 1 to ${MAX_RECORDS}` },
    out: { type: "string", value: "<dir>", description: "the folder to write; created if missing" },
    seed: {
      type: "string",
      value: "<n>",
      description: `0 to ${MAX_SEED}; the same seed gives byte-identical files (default ${DEFAULT_SEED})`,
    },
  },
  example: "npm run data:synth -- --events 100000 --people 20000 --out /tmp/barents-synth --seed 1",
  exits: { done: "written", failed: "the folder could not be written" },
} satisfies Tool;

export interface SynthArgs extends Required<SynthOptions> {
  out: string;
}

export type ParsedArgs =
  | { kind: "run"; args: SynthArgs }
  | { kind: "help" }
  | { kind: "error"; message: string };

type Flag = keyof typeof SYNTH_TOOL.options;

function wholeNumber(flag: Flag, text: string, min: number, max: number): number | string {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  return `--${flag} takes a whole number from ${min} to ${max}, not "${text}"`;
}

/** Reads argv (after the script name) into options, a request for help, or one refusal. */
export function parseSynthArgs(argv: readonly string[]): ParsedArgs {
  const read = readArgs(SYNTH_TOOL, argv);
  if (read.kind === "help") return read;
  if (read.kind === "usage") return { kind: "error", message: read.problem };
  const given = read.values;
  for (const flag of ["events", "people", "out"] as const) {
    if (given[flag] === undefined) return { kind: "error", message: `--${flag} is required` };
  }
  const events = wholeNumber("events", given.events ?? "", 1, MAX_RECORDS);
  const people = wholeNumber("people", given.people ?? "", 1, MAX_RECORDS);
  const seedText = given.seed;
  const seed = seedText === undefined ? DEFAULT_SEED : wholeNumber("seed", seedText, 0, MAX_SEED);
  const out = (given.out ?? "").trim();
  if (typeof events === "string") return { kind: "error", message: events };
  if (typeof people === "string") return { kind: "error", message: people };
  if (typeof seed === "string") return { kind: "error", message: seed };
  if (!out) return { kind: "error", message: "--out needs a folder name" };
  return { kind: "run", args: { events, people, seed, out } };
}
