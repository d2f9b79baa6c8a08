import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build, ROOT } from "../build.mjs";

// Loading and indexing a data folder, in a fresh process per folder so the heap and resident
// memory it reports belong to that dataset alone (index-measure.ts is that process).
//
// The child runs compiled with `npm run build`'s own esbuild options, under plain `node`, as
// production runs the loader; not through tsx. Built under node_modules/.cache: inside the
// project, so the packages left external resolve from node_modules as they do for dist/.

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

const COMPILED = join(ROOT, "node_modules", ".cache", "barents-bench");

/** Compiles the measuring child as production code is compiled; returns the script to run. */
export async function compileIndexBench(): Promise<string> {
  await build(COMPILED, { "index-measure": "src/bench/index-measure.ts" });
  return join(COMPILED, "index-measure.js");
}

/** Loads and indexes `dir` `rounds` times in a child running `script` (compileIndexBench). */
export function benchIndex(script: string, dir: string, rounds = 3): IndexFigures {
  const run = spawnSync(process.execPath, ["--expose-gc", script, dir, String(rounds)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`indexing ${dir} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as IndexFigures;
}
