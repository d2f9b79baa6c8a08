// Preloaded (`node --import`) into each process the start-up bench launches, the bare one too:
// prints the process's peak resident memory as it exits, as "PEAK <kB>" on stderr. Read from
// /proc/self/status (VmHWM, Linux): process.resourceUsage().maxRSS keeps the high-water mark of
// the parent that forked the process, so a child of the bench looked as big as the bench.
import { readFileSync } from "node:fs";

process.on("exit", () => {
  const kb = /VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  process.stderr.write(`PEAK ${kb}\n`);
});
