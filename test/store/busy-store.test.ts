import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { ChannelRef, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { StoreUnavailableError } from "../../src/store/store-errors.ts";
import { freshStateDir } from "../support/process.ts";

// Fault 3 of issue 14: another connection holding BEGIN IMMEDIATE on the file froze the whole
// process, since better-sqlite3 waited out its 5 s busy timeout on the main thread. Now SQLite
// waits a few milliseconds and the store retries between turns of the event loop.

const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const subscription = {
  ...team,
  time: "09:00",
  timeZone: "Europe/Oslo",
  origin: "command" as const,
  by: "U0ALICE",
  since: "2026-10-01T10:00:00.000Z",
};

const dirs: string[] = [];
const closers: Array<() => void> = [];

/** A store on a fresh file, and a second connection that holds its write lock. */
function lockedStore(busyWaitMs = 10_000): {
  store: ScheduleStore;
  path: string;
  release: () => void;
} {
  const dir = freshStateDir();
  dirs.push(dir);
  const store = openSqliteStore(dir, { busyWaitMs });
  const path = join(dir, STORE_FILE);
  const holder = new Database(path);
  holder.exec("BEGIN IMMEDIATE");
  const release = () => {
    if (holder.inTransaction) holder.exec("ROLLBACK");
  };
  closers.push(() => {
    release();
    holder.close();
    store.close();
  });
  return { store, path, release };
}

/** How long a setTimeout(0) set now takes to fire: what a request queued now would wait. */
function timerDelay(): Promise<number> {
  const set = performance.now();
  return new Promise((resolve) => setTimeout(() => resolve(performance.now() - set), 0));
}

afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("a store whose write lock another connection holds", () => {
  it("keeps the event loop turning while a subscribe waits, and subscribes once the lock goes", async () => {
    const { store, release } = lockedStore();
    let done = false;
    const subscribing = store.subscribe(subscription).then(() => {
      done = true;
    });
    // Each timer fires within a busy_timeout or so of being set, lock or no lock; before the
    // fix the first one waited the whole 5 s. The bound is loose for a loaded machine.
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) delays.push(await timerDelay());
    expect(Math.max(...delays)).toBeLessThan(500);
    expect(done).toBe(false);
    release();
    await subscribing;
    expect(await store.get(team)).toMatchObject({ time: "09:00", by: "U0ALICE" });
  });

  it("lets a claim wait for the lock without blocking, and claims once it goes", async () => {
    const { store, release } = lockedStore();
    const claiming = store.claim(team, "2026-10-30", new Date("2026-10-30T08:00:00Z"));
    expect(await timerDelay()).toBeLessThan(500);
    release();
    expect(await claiming).toBe(true);
    expect((await store.post(team, "2026-10-30"))?.status).toBe("sending");
  });

  it("still answers reads while the lock is held (WAL lets readers past a writer)", async () => {
    const { store } = lockedStore();
    expect(await store.list()).toEqual([]);
  });

  it("gives up after its wait with a StoreUnavailableError that names the file", async () => {
    const { store, path } = lockedStore(50);
    const error = await store.subscribe(subscription).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).busy).toBe(true);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/locked by another connection/);
  });
});
