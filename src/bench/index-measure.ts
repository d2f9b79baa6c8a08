import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { EventIndex } from "../core/event-index.ts";
import { loadDataset } from "../core/load-dataset.ts";
import type { IndexFigures } from "./index-bench.ts";
import { median } from "./stats.ts";

// The child side of index-bench: loads and indexes one data folder `rounds` times and prints one
// JSON line. Kept apart from the parent so its compiled form holds only what production runs.

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

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dir = "", rounds = "3"] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(measure(dir, Number(rounds)))}\n`);
}
