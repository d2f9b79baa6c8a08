import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../test/support/process.ts";
import { EventIndex } from "../core/event-index.ts";
import { loadDataset } from "../core/load-dataset.ts";
import { median } from "./stats.ts";

// Loading and indexing a data folder, in a fresh process per folder so the heap and resident
// memory it reports belong to that dataset alone. Run as a script it prints one JSON line.

export interface IndexFigures {
  events: number;
  people: number;
  /** Median milliseconds over the rounds: reading and validating the files. */
  loadMs: number;
  /** Median milliseconds: building the EventIndex from the validated data. */
  buildMs: number;
  /** After the last build and a full collection, MB. */
  heapMb: number;
  rssMb: number;
  rounds: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function measure(dir: string, rounds: number): IndexFigures {
  const load: number[] = [];
  const build: number[] = [];
  let index: EventIndex | undefined;
  for (let i = 0; i < rounds; i++) {
    index = undefined;
    const t0 = performance.now();
    const dataset = loadDataset(dir);
    const t1 = performance.now();
    index = new EventIndex(dataset);
    build.push(performance.now() - t1);
    load.push(t1 - t0);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return {
    events: index?.dataset.events.length ?? 0,
    people: index?.dataset.people.length ?? 0,
    loadMs: Math.round(median(load)),
    buildMs: Math.round(median(build)),
    heapMb: mb(usage.heapUsed),
    rssMb: mb(usage.rss),
    rounds,
  };
}

/** Loads and indexes `dir` in a child process, `rounds` times. */
export function benchIndex(dir: string, rounds = 3): IndexFigures {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "src/bench/index-bench.ts", dir, String(rounds)],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) throw new Error(`indexing ${dir} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as IndexFigures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir = "", rounds = "3"] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(measure(dir, Number(rounds)))}\n`);
}
