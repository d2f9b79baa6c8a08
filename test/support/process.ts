import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// As the npm scripts run them: one Node process with tsx as its import hook.
const NODE_ARGS = ["--import", "tsx"];

/** A fresh, empty STATE_DIR, so no test shares a schedule with another or with a developer's. */
export function freshStateDir(): string {
  return mkdtempSync(join(tmpdir(), "barents-state-"));
}

/**
 * A clean environment for a child process: no platform credentials (so the console bot runs),
 * empty values for settings so that a developer's own .env (which never overrides set
 * variables) cannot leak in, and a schedule of its own.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: "",
    BOT_TIMEZONE: "Europe/Oslo",
    LOG_LEVEL: "silent",
    DISCORD_TOKEN: "",
    DISCORD_PUBLIC_KEY: "",
    SLACK_BOT_TOKEN: "",
    SLACK_APP_TOKEN: "",
    SLACK_SIGNING_SECRET: "",
    STATE_DIR: freshStateDir(),
    ONTHISDAY_CHANNELS: "",
    SCHEDULER: "",
    ...extra,
  };
}

export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point to completion with the given arguments and input. */
export function runScript(
  script: string,
  args: string[] = [],
  input = "",
  env = cleanEnv(),
): Finished {
  const result = spawnSync(process.execPath, [...NODE_ARGS, script, ...args], {
    cwd: ROOT,
    env,
    input,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Same, asynchronously, for tests that run several processes at once. */
export function startScript(
  script: string,
  input: string,
  env = cleanEnv(),
  args: readonly string[] = [],
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, script, ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Starts a long-running entry point (a bot) and hands back the live process. */
export function spawnScript(
  script: string,
  env = cleanEnv(),
  args: readonly string[] = [],
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...NODE_ARGS, script, ...args], { cwd: ROOT, env });
}

/** Waits for the JSON log line with this message and returns it; keeps reading stderr after. */
export function logLine(
  child: ChildProcessWithoutNullStreams,
  msg: string,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    let seen = "";
    const onData = (chunk: Buffer) => {
      buffer += String(chunk);
      seen += String(chunk);
      // Only whole lines: several processes (shards) may share this stderr.
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (entry.msg === msg) {
          child.stderr.off("data", onData);
          child.stderr.resume();
          resolve(entry);
          return;
        }
      }
    };
    child.stderr.on("data", onData);
    child.once("exit", () => reject(new Error(`exited before logging "${msg}":\n${seen}`)));
  });
}
