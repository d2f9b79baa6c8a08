import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { BUNDLED_DATA_DIR, createContext } from "../boot.ts";
import { synthDataset } from "../synth/dataset.ts";
import { writeDataset } from "../synth/write-dataset.ts";
import { benchCommands } from "./commands-bench.ts";
import { benchHttpLoad } from "./http-bench.ts";
import { benchIndex } from "./index-bench.ts";
import { benchNameSearch } from "./name-search-bench.ts";
import { benchLibraryMemory, benchMemory, benchStartup } from "./process-bench.ts";
import { type BenchResults, renderReport } from "./report.ts";
import { benchRankAgreement, benchRelevance, benchSearchSpeed } from "./search-bench.ts";

// `npm run bench`: every figure issue 6 asks for, in one run, written to BENCHMARKS.md (a table
// for people) and BENCHMARKS.json (the same numbers for tools). `-- --quick` runs fewer rounds,
// for trying the benchmark itself; the committed report comes from a full run. `-- --report`
// writes BENCHMARKS.md again from BENCHMARKS.json, measuring nothing.

const ROOT = new URL("../../", import.meta.url);
const quick = process.argv.includes("--quick");
const SYNTH = { events: 100_000, people: 20_000, seed: 1 };

function step(name: string): void {
  process.stderr.write(`bench: ${name}…\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "barents-bench-"));
  try {
    step(`writing the synthetic ${SYNTH.events} events / ${SYNTH.people} people`);
    writeDataset(dir, synthDataset(SYNTH));

    step("index build, heap and RSS");
    const index = {
      bundled: benchIndex(BUNDLED_DATA_DIR, quick ? 1 : 5),
      synthetic: benchIndex(dir, quick ? 1 : 3),
    };

    step("command handlers and renderers");
    const timing = quick ? { runs: 200, rounds: 1 } : { runs: 2000, rounds: 5 };
    const commands = {
      bundled: benchCommands(createContext({ BOT_TIMEZONE: "Europe/Oslo" }), undefined, timing),
      synthetic: benchCommands(
        createContext({ BOT_TIMEZONE: "Europe/Oslo", DATA_DIR: dir }),
        undefined,
        quick ? { runs: 100, rounds: 1 } : { runs: 500, rounds: 5 },
      ),
    };

    step("/search: relevance beside plain Fuse.js, index build and latency");
    const searchTiming = quick ? { runs: 100, rounds: 1 } : { runs: 500, rounds: 5 };
    const bundledIndex = createContext({ BOT_TIMEZONE: "Europe/Oslo" }).index;
    const syntheticIndex = createContext({ BOT_TIMEZONE: "Europe/Oslo", DATA_DIR: dir }).index;
    const search = {
      relevance: benchRelevance(bundledIndex),
      bundled: benchSearchSpeed(bundledIndex, undefined, searchTiming),
      // A search that matches tens of thousands of records takes a while: fewer timed calls.
      synthetic: benchSearchSpeed(
        syntheticIndex,
        undefined,
        quick ? { runs: 60, rounds: 1 } : { runs: 180, rounds: 3 },
      ),
      agreement: benchRankAgreement(syntheticIndex),
    };

    step("/who autocomplete beside plain Fuse.js");
    const names = benchNameSearch(quick ? { typos: 50, prefixes: 30, rounds: 1 } : {});

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
    };
    writeFileSync(new URL("BENCHMARKS.json", ROOT), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(new URL("BENCHMARKS.md", ROOT), renderReport(results));
    step(`done in ${results.seconds} s: BENCHMARKS.md and BENCHMARKS.json written`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--report")) {
  const results = JSON.parse(
    readFileSync(new URL("BENCHMARKS.json", ROOT), "utf8"),
  ) as BenchResults;
  writeFileSync(new URL("BENCHMARKS.md", ROOT), renderReport(results));
} else {
  await main();
}
