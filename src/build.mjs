// `npm run build`: compiles the TypeScript in src/ and commands/ to plain JavaScript in dist/,
// which `npm start` and the other user-facing scripts run with plain `node` (launch.mjs).
//
// Why esbuild: it is already here (tsx runs on it), it compiles the whole program in a tenth of a
// second, and it bundles our own modules into a few files, so a process resolves and reads far
// fewer files at start-up than tsx's one-by-one compile. It does not check types: `npm run
// typecheck` (tsc) does that, in CI. Packages stay external (loaded from node_modules as they
// are), and code splitting keeps each `await import()` its own chunk, so the console never loads
// discord.js or Bolt, and a Slack-only process never loads discord.js.
//
// Plain JavaScript, not TypeScript: it must run before anything is compiled.

import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(ROOT, "dist");
const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
/** Packages compiled into dist/ with our own modules. */
const BUNDLED = new Set(["zod", "pino", "dotenv", "croner", "fuse.js"]);
/** Written last by a build: its time is when the output was complete. */
const STAMP = ".built";

/** What each entry is called in dist/ and the script it compiles. */
export const ENTRIES = {
  main: "src/main.ts",
  ask: "src/adapters/ask.ts",
  "shard-main": "src/adapters/discord/shard-main.ts",
  "data-check": "src/cli/data-check.ts",
  "data-synth": "src/cli/data-synth.ts",
  "discord-register": "src/cli/discord-register.ts",
  "slack-manifest": "src/cli/slack-manifest.ts",
  "store-migrate": "src/cli/store-migrate.ts",
  // Not for users: the HTTP load benchmark runs its servers compiled, as production runs.
  "bench-http-target": "src/bench/http-target.ts",
};

/** What the output is built from: a change to any of these makes it stale. */
const INPUTS = ["src", "commands", "package.json", "package-lock.json", "tsconfig.json"];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** True when the output is missing, unfinished, or older than any source file under `root`. */
export function isStale(out = DIST, root = ROOT) {
  const built = statSync(join(out, STAMP), { throwIfNoEntry: false });
  if (!built) return true;
  return INPUTS.some((input) => newestChange(join(root, input)) > built.mtimeMs);
}

/**
 * Compiles every entry into `out`. Built beside it and swapped in whole, so a process starting
 * meanwhile finds the old output or the new one, never half of each. The benchmarks pass entries
 * of their own, so what they time is compiled exactly as production compiles it.
 */
export async function build(out = DIST, entries = ENTRIES) {
  const started = performance.now();
  const startedAt = Date.now();
  const { build: esbuild } = await import("esbuild");
  const staging = `${out}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(entries).map(([name, path]) => ({ in: path, out: name })),
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Small pure-JavaScript packages every process loads are bundled with our code: as
    // node_modules files, pino's forty-odd CommonJS modules and zod's 225 ES modules cost `ask`
    // over 100 ms of resolving and reading at every start. Left outside: the native module, the
    // two platform SDKs and transliteration (loaded only by the processes that use them), and
    // the build's own tools.
    external: Object.keys(packageJson.dependencies).filter((name) => !BUNDLED.has(name)),
    sourcemap: "linked",
    // With source maps on (`--enable-source-maps`, or launch.mjs), Node reads and keeps the map of
    // every module it loads; a map carrying the sources too cost `ask` 9.3 MB of peak memory, 1.9
    // MB without them (peak RSS, medians of 5, this machine). A stack trace needs only the
    // mappings, and the TypeScript they name is in the checkout beside dist/.
    sourcesContent: false,
    // V8 keeps each script's source text in the heap, and one non-ASCII character (an em dash in
    // a comment) makes it keep a chunk's text at two bytes a character: zod's 755 KB bundle held
    // 1.5 MB. Without whitespace and comments, `ask` peaks 1 MB lower; the names stay, and stack
    // traces go through the source maps.
    minifyWhitespace: true,
    // The CommonJS bundled above calls require() for Node's built-ins; an ES module has none.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    // One flat folder: a chunk finds the data at ../data and the shard entry beside it.
    chunkNames: "chunk-[hash]",
    logLevel: "warning",
  });
  // Stamped with the time the build began: a source saved while it ran is newer, so stale.
  const stamp = join(staging, STAMP);
  writeFileSync(stamp, "");
  utimesSync(stamp, startedAt / 1000, startedAt / 1000);
  const old = `${out}.${process.pid}.old`;
  mkdirSync(dirname(out), { recursive: true });
  try {
    renameSync(out, old);
  } catch {
    // Nothing built before.
  }
  try {
    renameSync(staging, out);
  } catch (error) {
    // Another launch swapped its build in between our two renames: theirs is as fresh.
    if (
      !["ENOTEMPTY", "EEXIST"].includes(/** @type {NodeJS.ErrnoException} */ (error).code ?? "")
    ) {
      throw error;
    }
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return { ms: performance.now() - started, out };
}

/** Builds when the output is stale; the launcher calls this before every run. */
export async function ensureBuilt(out = DIST) {
  if (isStale(out)) await build(out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { ms, out } = await build(process.argv[2] ?? DIST);
  process.stdout.write(
    `built ${Object.keys(ENTRIES).length} entries into ${out} in ${Math.round(ms)} ms\n`,
  );
}
