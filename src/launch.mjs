// How `npm start` and the other user-facing npm scripts run: `node src/launch.mjs <entry> [args]`
// builds dist/ if it is missing or older than the sources (build.mjs), then runs the compiled
// entry in this same process, with source maps on so a stack trace in the log names the
// TypeScript line. So `npm ci && npm start` stays the whole set-up, and a supervisor that wants
// no build step runs `node --max-semi-space-size=1 --enable-source-maps dist/main.js` itself.
//
// The bot and `ask` (package.json's start and ask scripts, and docs/deploying.md's supervisor commands)
// run with two flags, which the bench reads from package.json so it launches them alike:
// - `--max-semi-space-size=1`: V8's young generation otherwise grows to 16 MiB semi-spaces (Node's
//   cli.md, "Useful V8 options": the default on 64-bit) while start-up loads the SDKs and the
//   data, and keeps them: 32 MB of the connected bot's 135 MB resident (new space in
//   v8.getHeapSpaceStatistics()). Capped at 1 MiB, the bot sits idle at about 104 MB. V8 sizes
//   its heap as the process starts, before this file runs, so it must be on node's command line
//   (or in NODE_OPTIONS, which allows it since nodejs/node#44436). Shards inherit it through
//   process.execArgv (shards.ts).
// - `--v8-pool-size=2`: V8's background threads (concurrent marking and compiling; 4 by default)
//   each leave memory in a malloc arena of their own. With 2 the connected bot idled at 103-105
//   MB over five runs, against 108-116 MB with 4 (Node's cli.md: the flag sets "V8's thread pool
//   size which will be used to allocate background jobs").
// - `--enable-source-maps`: the same as setSourceMapsEnabled below, written where a supervisor's
//   command can copy it.
// Node 20 takes the first two in NODE_OPTIONS as well (tried: `NODE_OPTIONS=... node -e`).

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ENTRIES, ensureBuilt } from "./build.mjs";

const entry = process.argv[2];
if (!entry || !Object.hasOwn(ENTRIES, entry)) {
  process.stderr.write(
    `usage: node src/launch.mjs <entry> [arguments]\nentries: ${Object.keys(ENTRIES).join(", ")}\n`,
  );
  process.exit(2);
}

await ensureBuilt();
process.setSourceMapsEnabled(true);
const script = join(DIST, `${entry}.js`);
// The entry reads its own arguments from process.argv[2] on, as when run directly.
process.argv.splice(1, 2, script);
await import(pathToFileURL(script).href);
