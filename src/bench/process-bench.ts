import { type ChildProcessWithoutNullStreams, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startFakeDiscord } from "../../test/support/fake-discord.ts";
import { startFakeSocket, startFakeWebApi } from "../../test/support/fake-slack.ts";
import { cleanEnv, logLine, ROOT, spawnScript } from "../../test/support/process.ts";
import { median } from "./stats.ts";

// Whole processes, as people start them: `npm run ask` and the console bot from launch to the
// first answer, and the bot's resident memory once Discord and Slack are connected (to the
// loopback fakes the tests use) and it sits idle.

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

/** Milliseconds from launching `npm run ask` to its answer on stdout. */
async function askOnce(): Promise<number> {
  const start = performance.now();
  const child = spawnScript("src/adapters/ask.ts", cleanEnv(), [QUESTION]);
  await printed(child, ANSWER);
  const ms = performance.now() - start;
  child.kill();
  return ms;
}

/** Milliseconds from launching the console bot to its answer to the first line typed. */
async function consoleOnce(): Promise<number> {
  const start = performance.now();
  const child = spawnScript("src/main.ts");
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
  runs: number;
}

export async function benchStartup(runs = 10): Promise<StartupFigures> {
  const ask: number[] = [];
  const console: number[] = [];
  for (let i = 0; i < runs; i++) {
    ask.push(await askOnce());
    console.push(await consoleOnce());
  }
  return { askMs: median(ask), consoleMs: median(console), runs };
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

  const consoleBot = spawnScript("src/main.ts");
  consoleBot.stdin.write(`${QUESTION}\n`);
  await printed(consoleBot, ANSWER);
  await settle();
  const consoleMb = rssMb(consoleBot.pid ?? 0);
  consoleBot.kill();

  const discord = await startFakeDiscord();
  const socket = await startFakeSocket();
  const web = await startFakeWebApi({ socketUrl: socket.url });
  const bot = spawnScript(
    "src/main.ts",
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
 * (an entry may name several, joined by "+"): what the bot's memory cannot go below.
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
