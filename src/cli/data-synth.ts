import { resolve } from "node:path";
import { messageOf } from "../error-message.ts";
import { synthDataset } from "../synth/dataset.ts";
import { parseSynthArgs, SYNTH_TOOL } from "../synth/options.ts";
import { existingData, writeDataset } from "../synth/write-dataset.ts";
import { exitWithUsage, helpText } from "./tool-args.ts";

// `npm run data:synth -- --events 100000 --people 20000 --out <dir> [--seed N]`: writes a
// synthetic dataset for benchmarks. Exit codes: 0 written, 2 a usage error, 1 a failed write.

function fail(message: string): never {
  process.stderr.write(`data:synth: ${message}\n`);
  process.exit(1);
}

const parsed = parseSynthArgs(process.argv.slice(2));
if (parsed.kind === "help") {
  process.stdout.write(helpText(SYNTH_TOOL));
  process.exit(0);
}
if (parsed.kind === "error") exitWithUsage(SYNTH_TOOL, parsed.message);

// npm runs scripts from the package root, so a relative --out is shown resolved from there.
const { out: given, ...options } = parsed.args;
const out = resolve(given);
if (existingData(out) === "other") {
  exitWithUsage(
    SYNTH_TOOL,
    `${out} holds data that is not synthetic, which this would overwrite; choose a new folder`,
  );
}

const started = performance.now();
const data = synthDataset(options);
let bytes: number;
try {
  const written = writeDataset(out, data);
  bytes = written.sources + written.people + written.events;
} catch (error) {
  // The system's own words (EACCES, ENOSPC) say what to fix; no stack needed.
  fail(`could not write to ${out}: ${messageOf(error)}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const megabytes = (bytes / 1e6).toFixed(1);
const someone = data.people[0]?.name ?? "";
process.stdout.write(
  `Wrote ${data.events.length} events, ${data.people.length} people and ${data.sources.length} sources ` +
    `(${megabytes} MB) to ${out} in ${seconds} s, seed ${options.seed}.\n` +
    `Try: DATA_DIR=${out} npm run ask -- "/who ${someone}"\n`,
);
