import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startFakeDiscord } from "../../test/support/fake-discord.ts";
import { startFakeSocket, startFakeWebApi } from "../../test/support/fake-slack.ts";
import { cleanEnv, logLine, ROOT } from "../../test/support/process.ts";
import { ensureBuilt } from "../build.mjs";
import { median } from "./stats.ts";

// Whole processes, as people start them: the compiled `ask` and console bot (dist/, plain node
// with the flags `npm run ask` and `npm start` give it) from launch to the first answer, and
// the bot's resident memory once Discord and Slack are connected (to the loopback fakes the tests
// use) and it sits idle. Each beside a bare `node` launch measured in the same run: the targets
// are ratios.

/** Preloaded into every measured process, the bare one too: prints its peak RSS at exit. */
const PEAK = ["--import", "./src/bench/peak-rss.mjs"];

/** The npm script a person runs for each measured entry. */
const SCRIPT_OF = { main: "start", ask: "ask" } as const;

/**
 * The Node flags the npm script `name` runs with, as written in package.json (`node <flags>
 * src/launch.mjs <entry>`): the bench launches each entry with exactly these, so it measures the
 * process people run, and a flag changed there is measured here without a second list to keep.
 */
export function scriptNodeFlags(name: string, root = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = pkg.scripts[name]?.split(/\s+/) ?? [];
  const launcher = words.indexOf("src/launch.mjs");
  if (words[0] !== "node" || launcher < 0) {
    throw new Error(`npm script ${name} does not run node src/launch.mjs`);
  }
  return words.slice(1, launcher);
}

/** Starts a compiled entry (dist/<entry>.js) with plain node and its npm script's flags. */
function spawnCompiled(
  entry: keyof typeof SCRIPT_OF,
  env = cleanEnv(),
  args: readonly string[] = [],
) {
  const flags = scriptNodeFlags(SCRIPT_OF[entry]);
  return spawn(process.execPath, [...flags, ...PEAK, `dist/${entry}.js`, ...args], {
    cwd: ROOT,
    env,
  });
}

/** Resolves with the peak RSS in MB a child printed through PEAK, once it has exited. */
function peakMb(child: ChildProcessWithoutNullStreams): Promise<number> {
  let err = "";
  child.stderr.on("data", (chunk) => {
    err += String(chunk);
  });
  return new Promise((resolve) => {
    child.once("close", () => {
      const kb = Number(/PEAK (\d+)/.exec(err)?.[1] ?? Number.NaN);
      resolve(Math.round((kb / 1024) * 10) / 10);
    });
  });
}

/** Resolves once `child` has printed `marker` on stdout. */
function printed(child: ChildProcessWithoutNullStreams, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += String(chunk);
      if (out.includes(marker)) resolve();
    });
    child.once("exit", () => reject(new Error(`exited before printing "${marker}"`)));
  });
}

const QUESTION = "/expulsions 2023";
const ANSWER = "Expulsions in 2023";

interface Launch {
  ms: number;
  peakMb: number;
}

/** Milliseconds from launching the compiled `ask` to its answer on stdout, and its peak RSS. */
async function askOnce(): Promise<Launch> {
  const start = performance.now();
  const child = spawnCompiled("ask", cleanEnv(), [QUESTION]);
  const peak = peakMb(child);
  await printed(child, ANSWER);
  const ms = performance.now() - start;
  return { ms, peakMb: await peak };
}

/** The same for a bare node that prints one word: the floor every launch stands on. */
async function bareOnce(): Promise<Launch> {
  const start = performance.now();
  const child = spawn(process.execPath, [...PEAK, "-e", 'process.stdout.write("ready")'], {
    cwd: ROOT,
  });
  const peak = peakMb(child);
  await printed(child, "ready");
  const ms = performance.now() - start;
  return { ms, peakMb: await peak };
}

/** Milliseconds from launching the console bot to its answer to the first line typed. */
async function consoleOnce(): Promise<number> {
  const start = performance.now();
  const child = spawnCompiled("main");
  // Typed at once: readline holds the line until the bot is ready to read it.
  child.stdin.write(`${QUESTION}\n`);
  await printed(child, ANSWER);
  const ms = performance.now() - start;
  child.stdin.end("/quit\n");
  child.kill();
  return ms;
}

export interface StartupFigures {
  /** Median milliseconds over `runs` launches. */
  askMs: number;
  consoleMs: number;
  /** A bare `node -e` launch to its first output, in the same rounds. */
  bareMs: number;
  /** Median peak RSS, MB, of `ask` and of the bare launch. */
  askPeakMb: number;
  barePeakMb: number;
  runs: number;
}

export async function benchStartup(runs = 10): Promise<StartupFigures> {
  await ensureBuilt();
  const ask: Launch[] = [];
  const bare: Launch[] = [];
  const console: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await bareOnce());
    ask.push(await askOnce());
    console.push(await consoleOnce());
  }
  return {
    askMs: median(ask.map((l) => l.ms)),
    consoleMs: median(console),
    bareMs: median(bare.map((l) => l.ms)),
    askPeakMb: median(ask.map((l) => l.peakMb)),
    barePeakMb: median(bare.map((l) => l.peakMb)),
    runs,
  };
}

/** A process's resident set size in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

export interface MemoryFigures {
  /** The console bot, idle at its prompt. */
  consoleMb: number;
  /** Discord's gateway and Slack's Socket Mode connected, nothing asked. */
  connectedMb: number;
  settleMs: number;
}

/** Resident memory of the console bot and of the connected bot, each after `settleMs` idle. */
export async function benchMemory(settleMs = 3000): Promise<MemoryFigures> {
  const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs));

  await ensureBuilt();
  const consoleBot = spawnCompiled("main");
  consoleBot.stdin.write(`${QUESTION}\n`);
  await printed(consoleBot, ANSWER);
  await settle();
  const consoleMb = rssMb(consoleBot.pid ?? 0);
  consoleBot.kill();

  const discord = await startFakeDiscord();
  const socket = await startFakeSocket();
  const web = await startFakeWebApi({ socketUrl: socket.url });
  const bot = spawnCompiled(
    "main",
    cleanEnv({
      LOG_LEVEL: "info",
      DISCORD_TOKEN: "discord-bot-token-for-bench",
      DISCORD_API_URL: discord.api,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_APP_TOKEN: "xapp-bench",
      SLACK_API_URL: web.url,
    }),
  );
  try {
    await logLine(bot, "Barents ready");
    await settle();
    return { consoleMb, connectedMb: rssMb(bot.pid ?? 0), settleMs };
  } finally {
    bot.kill();
    await Promise.all([discord.close(), socket.close(), web.close()]);
  }
}

/**
 * Resident MB of a bare Node process, and of one that has only imported each entry's libraries
 * (an entry may name several, joined by "+"): what the libraries cost as Node loads them with
 * its defaults, the reference the connected bot's target is a ratio to. Not Barents: none of
 * the bot's own flags.
 */
export function benchLibraryMemory(entries: readonly string[]): Record<string, number> {
  const measure = (entry: string) => {
    const imports = entry
      .split("+")
      .filter(Boolean)
      .map((lib) => `await import(${JSON.stringify(lib)});`)
      .join("");
    const code = `${imports}globalThis.gc?.();process.stdout.write(String(process.memoryUsage().rss))`;
    const run = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", code], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return Math.round((Number(run.stdout) / 2 ** 20) * 10) / 10;
  };
  return Object.fromEntries(["", ...entries].map((entry) => [entry || "node", measure(entry)]));
}
