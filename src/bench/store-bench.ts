import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { capturedLogger } from "../../test/support/captured-logger.ts";
import { bundledContext } from "../../test/support/context.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/postgres.ts";
import { freshStateDir, ROOT } from "../../test/support/process.ts";
import { messageOf } from "../error-message.ts";
import { Scheduler } from "../schedule/scheduler.ts";
import { openStore } from "../store/open-store.ts";
import { STORE_FILE } from "../store/store-location.ts";
import { median } from "./stats.ts";

// The schedule store under the load replicas put on it (issue 16): claims a second with one
// and with eight schedulers, each a process of its own claiming the same keys at once as
// replicas do when a post falls due, on SQLite (one file) and PostgreSQL (the machine's
// server); and how long one scheduler tick (re-reading every subscription and bringing the
// jobs in line) takes with 10,000 subscribed channels.

export interface ClaimRow {
  store: "sqlite" | "postgres";
  schedulers: number;
  keys: number;
  /** Claim attempts by all schedulers together, per second of the slowest one's run. */
  attemptsPerSecond: number;
  /** Keys claimed (each by exactly one scheduler), per second. */
  grantedPerSecond: number;
  /** Must equal keys: every key granted once, never twice. */
  granted: number;
}

export interface TickRow {
  store: "sqlite" | "postgres";
  channels: number;
  /** The first sync: every job made. */
  firstMs: number;
  /** Median of the next syncs, nothing changed: what each minute costs. */
  tickMs: number;
}

export interface StoreFigures {
  claims: ClaimRow[];
  ticks: TickRow[];
  /** Why PostgreSQL was not measured, when it could not be. */
  skipped?: string;
}

interface Worker {
  child: ChildProcessWithoutNullStreams;
  result: Promise<{ granted: number; ms: number }>;
}

function startWorker(url: string, keys: number): Promise<Worker> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/bench/claim-worker.ts", url, String(keys)],
    { cwd: ROOT },
  );
  const lines = createInterface({ input: child.stdout });
  let ready: () => void = () => {};
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const result = new Promise<{ granted: number; ms: number }>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line === "ready") ready();
      else resolve(JSON.parse(line) as { granted: number; ms: number });
    });
    child.once("exit", (code) => reject(new Error(`claim worker exited ${code}`)));
  });
  return isReady.then(() => ({ child, result }));
}

async function claimRun(
  store: ClaimRow["store"],
  url: string,
  schedulers: number,
  keys: number,
): Promise<ClaimRow> {
  const workers = await Promise.all(
    Array.from({ length: schedulers }, () => startWorker(url, keys)),
  );
  for (const worker of workers) worker.child.stdin.write("go\n");
  const results = await Promise.all(workers.map((w) => w.result));
  const slowest = Math.max(...results.map((r) => r.ms));
  const granted = results.reduce((n, r) => n + r.granted, 0);
  return {
    store,
    schedulers,
    keys,
    attemptsPerSecond: Math.round((schedulers * keys * 1000) / slowest),
    grantedPerSecond: Math.round((granted * 1000) / slowest),
    granted,
  };
}

const ZONES = ["Europe/Oslo", "America/New_York", "Asia/Tokyo", "Europe/Moscow", "UTC"];

/**
 * Half the channels at the default time (09:00 in Oslo), half anywhere in the day in one of five
 * zones: a spread like real subscriptions', where most keep the default.
 */
function timing(i: number): { time: string; timeZone: string } {
  if (i % 2 === 0) return { time: "09:00", timeZone: "Europe/Oslo" };
  const minute = (i * 37) % 1440;
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return { time: `${hh}:${mm}`, timeZone: ZONES[i % ZONES.length] ?? "UTC" };
}

async function tickRun(store: TickRow["store"], url: string, channels: number): Promise<TickRow> {
  const { store: opened } = await openStore({ STORE_URL: url, STATE_DIR: "." });
  try {
    await opened.update(() => ({
      unsubscribe: [],
      subscribe: Array.from({ length: channels }, (_, i) => ({
        platform: i % 4 < 2 ? ("discord" as const) : ("slack" as const),
        channel: `C${String(i).padStart(9, "0")}`,
        ...timing(i),
        origin: "command" as const,
        since: "2026-10-01T00:00:00.000Z",
      })),
    }));
    const scheduler = new Scheduler({
      store: opened,
      index: bundledContext().index,
      posters: {},
      logger: capturedLogger().logger,
      graceMs: 6 * 3_600_000,
      empty: "say",
    });
    const timed = async () => {
      const started = performance.now();
      await scheduler.sync();
      return performance.now() - started;
    };
    const firstMs = await timed();
    const next: number[] = [];
    for (let i = 0; i < 7; i++) next.push(await timed());
    await scheduler.stop(0);
    const round = (n: number) => Math.round(n * 10) / 10;
    return { store, channels, firstMs: round(firstMs), tickMs: round(median(next)) };
  } finally {
    await opened.close();
  }
}

/** Claims with 1 and 8 schedulers and the 10k-channel tick, on SQLite and PostgreSQL. */
export async function benchStores(options: { keys?: number; channels?: number } = {}) {
  const keys = options.keys ?? 2000;
  const channels = options.channels ?? 10_000;
  const figures: StoreFigures = { claims: [], ticks: [] };
  const places: Array<{
    store: ClaimRow["store"];
    fresh: () => Promise<{ url: string; done: () => Promise<void> }>;
  }> = [
    {
      store: "sqlite",
      fresh: async () => {
        const dir = freshStateDir();
        const done = async () => rmSync(dir, { recursive: true, force: true });
        return { url: `sqlite:${join(dir, STORE_FILE)}`, done };
      },
    },
    {
      store: "postgres",
      fresh: async () => {
        const db: TestDatabase = await createTestDatabase();
        return { url: db.url, done: () => db.drop() };
      },
    },
  ];
  for (const place of places) {
    try {
      for (const schedulers of [1, 8]) {
        const { url, done } = await place.fresh();
        try {
          // The store is made before the workers race to open it.
          await (await openStore({ STORE_URL: url, STATE_DIR: "." })).store.close();
          figures.claims.push(await claimRun(place.store, url, schedulers, keys));
        } finally {
          await done();
        }
      }
      const { url, done } = await place.fresh();
      try {
        figures.ticks.push(await tickRun(place.store, url, channels));
      } finally {
        await done();
      }
    } catch (error) {
      if (place.store !== "postgres") throw error;
      figures.skipped = `PostgreSQL: ${messageOf(error)}`;
    }
  }
  return figures;
}
