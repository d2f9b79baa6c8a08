// How `npm start` and the other user-facing npm scripts run: `node src/launch.mjs <entry> [args]`
// builds dist/ if it is missing or older than the sources (build.mjs), then runs the compiled
// entry in this same process, with source maps on so a stack trace in the log names the
// TypeScript line. So `npm ci && npm start` stays the whole set-up, and a supervisor that
// wants no build step runs `node --enable-source-maps dist/main.js` itself.

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
