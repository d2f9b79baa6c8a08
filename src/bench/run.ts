import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { drawnCharts } from "../../commands/chart.ts";
import { BUNDLED_DATA_DIR, createContext } from "../boot.ts";
import { exitWithUsage, toolArgs } from "../cli/tool-args.ts";
import { synthDataset } from "../synth/dataset.ts";
import { writeDataset } from "../synth/write-dataset.ts";
import { benchCharts } from "./chart-bench.ts";
import { benchCommands } from "./commands-bench.ts";
import { benchHttpLoad } from "./http-bench.ts";
import { benchIndex, compileIndexBench } from "./index-bench.ts";
import { benchNameSearch } from "./name-search-bench.ts";
import { benchLibraryMemory, benchMemory, benchStartup } from "./process-bench.ts";
import { type BenchResults, renderReport } from "./report.ts";
import { benchRankAgreement, benchRelevance, benchSearchSpeed } from "./search-bench.ts";
import { benchStores } from "./store-bench.ts";

// `npm run bench`: every figure issue 6 asks for, in one run, written to BENCHMARKS.md (a table
// for people) and BENCHMARKS.json (the same numbers for tools). `-- --quick` runs fewer rounds,
// for trying the benchmark itself: it writes its report to the system's temp folder, never over
// the committed BENCHMARKS.md, which comes from a full run. `-- --report` writes BENCHMARKS.md
// again from BENCHMARKS.json, measuring nothing.

const BENCH = {
  script: "bench",
  about:
    "Measures every figure the README quotes (index build, search, commands, HTTP load, start-up,\nmemory, the schedule store) and writes BENCHMARKS.md and BENCHMARKS.json.",
  synopsis: "[--quick | --report]",
  options: {
    quick: {
      type: "boolean",
      description: "fewer rounds, to try the benchmark itself; writes to the temp folder",
    },
    report: {
      type: "boolean",
      description: "write BENCHMARKS.md again from BENCHMARKS.json, measuring nothing",
    },
  },
  example: "npm run bench -- --quick",
  notes:
    "A full run takes about half an hour on two cores and writes over the committed\nBENCHMARKS.md and BENCHMARKS.json; it needs PostgreSQL for the store figures.",
  exits: { done: "measured and written", failed: "a step failed" },
} as const;

const ROOT = new URL("../../", import.meta.url);
const { values } = toolArgs(BENCH);
if (values.quick && values.report) exitWithUsage(BENCH, "choose one of --quick and --report");
const quick = values.quick === true;
const SYNTH = { events: 100_000, people: 20_000, seed: 1 };

const began = Date.now();

/** Each step with the seconds since the run began, so a slow step shows itself. */
function step(name: string): void {
  const at = Math.round((Date.now() - began) / 1000);
  process.stderr.write(`bench: ${at} s: ${name}…\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "barents-bench-"));
  try {
    step(`writing the synthetic ${SYNTH.events} events / ${SYNTH.people} people`);
    writeDataset(dir, synthDataset(SYNTH));

    step("index build, heap and RSS");
    const indexBench = await compileIndexBench();
    const index = {
      bundled: benchIndex(indexBench, BUNDLED_DATA_DIR, quick ? 1 : 5),
      synthetic: benchIndex(indexBench, dir, quick ? 1 : 3),
    };

    // One context per dataset, shared: /search's bench times the full-text index's build on
    // first use, so it goes first; the commands' bench then finds it built, as it would have
    // by its own untimed first pass. Loading and indexing 100k events twice bought nothing.
    const bundled = createContext({ BOT_TIMEZONE: "Europe/Oslo" });
    const synthetic = createContext({ BOT_TIMEZONE: "Europe/Oslo", DATA_DIR: dir });

    step("/search: relevance beside plain Fuse.js, index build and latency");
    const searchTiming = quick ? { runs: 100, rounds: 1 } : { runs: 500, rounds: 5 };
    const search = {
      relevance: benchRelevance(bundled.index),
      bundled: benchSearchSpeed(bundled.index, undefined, searchTiming),
      // A search that matches tens of thousands of records takes a while: fewer timed calls.
      synthetic: benchSearchSpeed(
        synthetic.index,
        undefined,
        quick ? { runs: 60, rounds: 1 } : { runs: 180, rounds: 3 },
      ),
      // A second, exact index at 100k and hundreds of queries through both: left to full runs.
      ...(quick ? {} : { agreement: benchRankAgreement(synthetic.index) }),
    };

    step("command handlers and renderers");
    const commands = {
      bundled: benchCommands(
        bundled,
        undefined,
        quick ? { runs: 200, rounds: 1 } : { runs: 2000, rounds: 5 },
      ),
      synthetic: benchCommands(
        synthetic,
        undefined,
        quick ? { runs: 100, rounds: 1 } : { runs: 500, rounds: 5 },
      ),
    };

    step("/who autocomplete beside plain Fuse.js");
    // Plain Fuse.js takes a third of a second a query at 20k names and over a second at 100k,
    // where NameSearch takes about a millisecond: a quick run compares them at 20k alone, on
    // fewer queries without Fuse's warm-up pass, and times NameSearch over 20 rounds of them
    // (hundreds of timings, so one pause is not its p99), which cost it under a second.
    const names = benchNameSearch(
      quick ? { sizes: [20_000], typos: 20, prefixes: 10, rounds: 20, warmFuse: false } : {},
    );

    step("Discord HTTP interactions under load");
    const http = await benchHttpLoad(quick ? { seconds: 2, rounds: 1 } : {});

    step("start to first reply, and idle memory");
    const startup = await benchStartup(quick ? 3 : 10);
    const memory = {
      ...(await benchMemory(quick ? 1000 : 3000)),
      libraries: benchLibraryMemory([
        "tsx/esm",
        "discord.js",
        "@slack/bolt",
        "discord.js+@slack/bolt",
      ]),
    };

    step("/chart: drawn and kept, on the bundled data and at 100k");
    const fresh = () => drawnCharts.clear();
    const chartTiming = quick ? { runs: 3 } : { runs: 20 };
    const charts = [
      ...(await benchCharts(bundled, "bundled", fresh, chartTiming)),
      ...(await benchCharts(synthetic, "synthetic", fresh, chartTiming)),
    ];

    step("schedule store: claims with 1 and 8 schedulers, a tick at 10,000 channels");
    const stores = await benchStores(quick ? { keys: 300, channels: 2000 } : {});

    const results: BenchResults = {
      when: new Date().toISOString(),
      quick,
      machine: {
        cpu: cpus()[0]?.model ?? "unknown",
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      synthetic: SYNTH,
      seconds: Math.round((Date.now() - started) / 1000),
      index,
      commands,
      search,
      names,
      http,
      startup,
      memory,
      stores,
      charts,
    };
    const out = quick ? join(tmpdir(), "barents-bench-quick") : fileURLToPath(ROOT);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "BENCHMARKS.json"), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(out, "BENCHMARKS.md"), renderReport(results));
    step(`done in ${results.seconds} s: BENCHMARKS.md and BENCHMARKS.json written to ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.report) {
  const results = JSON.parse(
    readFileSync(new URL("BENCHMARKS.json", ROOT), "utf8"),
  ) as BenchResults;
  writeFileSync(new URL("BENCHMARKS.md", ROOT), renderReport(results));
} else {
  await main();
}
