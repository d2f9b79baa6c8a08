import { createInterface } from "node:readline";
import { openStore } from "../store/open-store.ts";

// One scheduler's claims, in a process of its own as a replica's would be: opens the store
// STORE_URL names, says "ready", waits for "go" on stdin (so every worker starts together), then
// claims each key in turn and prints how many it was granted and how long it took.

const [url = "", keys = "0"] = process.argv.slice(2);
const count = Number(keys);
const { store } = await openStore({ STORE_URL: url, STATE_DIR: "." });
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
const at = new Date("2026-10-30T08:00:00Z");
const started = performance.now();
let granted = 0;
for (let i = 0; i < count; i++) {
  const ref = {
    platform: "discord" as const,
    channel: String(100_000_000_000_000_000n + BigInt(i)),
  };
  if (await store.claim(ref, "2026-10-30", at)) granted += 1;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ granted, ms })}\n`);
lines.close();
await store.close();
