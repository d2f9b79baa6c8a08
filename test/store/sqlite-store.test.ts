import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.ts";
import { isoDate, type ScheduleStore } from "../../src/store/schedule-store.ts";
import { migrate, openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { freshStateDir } from "../support/process.ts";
import { breakStoreFile } from "../support/store-file.ts";
import {
  at,
  DAY,
  EIGHT,
  news,
  SINCE,
  specifyScheduleStore,
  subscribe,
  team,
} from "./schedule-store-contract.ts";

// The schedule's SQLite store: its schema, what survives a restart, and the post log's claim,
// which is what keeps two processes from posting the same day twice.

const dirs: string[] = [];
const stores: ScheduleStore[] = [];

function stateDir(): string {
  const dir = freshStateDir();
  dirs.push(dir);
  return dir;
}

function open(dir = ":memory:"): ScheduleStore {
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}

/** The schema version recorded in a store file, read without the store. */
function userVersion(dir: string): unknown {
  const db = new Database(join(dir, STORE_FILE), { readonly: true });
  try {
    return db.pragma("user_version", { simple: true });
  } finally {
    db.close();
  }
}

afterEach(() => {
  // Closing twice is harmless, so stores a test closed itself are closed again here.
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the SQLite store", () => {
  let dir = "";
  specifyScheduleStore({
    fresh: async () => {
      dir = stateDir();
      return openSqliteStore(dir);
    },
    another: async () => openSqliteStore(dir),
  });
});

describe("migrations", () => {
  it("create the schema in a fresh folder and set user_version to the number of migrations", async () => {
    const dir = join(stateDir(), "not", "yet", "there");
    const store = open(dir);
    expect(existsSync(join(dir, STORE_FILE))).toBe(true);
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(userVersion(dir)).toBe(MIGRATIONS.length);
    await subscribe(store, team);
    expect(await store.claim(team, DAY, EIGHT)).toBe(true);
  });

  it("leave an up-to-date database as it is when run again", async () => {
    const db = new Database(":memory:");
    try {
      expect(migrate(db)).toBe(MIGRATIONS.length);
      db.prepare(
        "INSERT INTO channel_changes (platform, channel, action, by_user, at) VALUES (?, ?, ?, ?, ?)",
      ).run("slack", "C0TEAM01", "subscribe", "U0ALICE", SINCE);
      expect(migrate(db)).toBe(MIGRATIONS.length);
      expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare("SELECT count(*) AS n FROM channel_changes").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});

describe("migration 2", () => {
  it("carries a version-1 store's post log over, and lets a claim be settled as 'unknown'", async () => {
    const dir = stateDir();
    const v1 = new Database(join(dir, STORE_FILE));
    v1.exec(MIGRATIONS[0] ?? "");
    v1.pragma("user_version = 1");
    v1.prepare(
      `INSERT INTO posts (platform, channel, local_date, status, at, attempts)
       VALUES ('slack', 'C0TEAM01', '2026-10-29', 'sent', '2026-10-29T08:00:01.000Z', 1),
              ('slack', 'C0TEAM01', '2026-10-30', 'sending', '2026-10-30T08:00:00.000Z', 0)`,
    ).run();
    v1.close();
    const store = open(dir);
    expect(userVersion(dir)).toBe(MIGRATIONS.length);
    expect(await store.post(team, "2026-10-29")).toMatchObject({ status: "sent", attempts: 1 });
    const orphans = await store.settleOrphans(
      at("2026-10-30T08:05:00Z"),
      at("2026-10-30T09:00:00Z"),
    );
    expect(orphans.map((p) => p.localDate)).toEqual(["2026-10-30"]);
    expect(await store.post(team, "2026-10-30")).toMatchObject({
      status: "unknown",
      at: "2026-10-30T09:00:00.000Z",
    });
    expect(
      await store.settleOrphans(at("2026-10-30T10:00:00Z"), at("2026-10-30T10:00:00Z")),
    ).toEqual([]);
  });
});

describe("opening the store", () => {
  it("keeps subscriptions, posts and changes across a restart, without migrating again", async () => {
    const dir = stateDir();
    const first = open(dir);
    await subscribe(first, team, { time: "07:30" });
    await first.claim(team, DAY, at("2026-10-30T06:30:00Z"));
    first.close();

    // Running migration 1 again would fail on CREATE TABLE, or lose what the first run wrote.
    const second = open(dir);
    expect(userVersion(dir)).toBe(MIGRATIONS.length);
    const kept = { time: "07:30", timeZone: "Europe/Oslo", origin: "command", by: "U0ALICE" };
    expect(await second.list()).toEqual([{ ...team, ...kept, since: SINCE, failures: 0 }]);
    expect((await second.post(team, DAY))?.status).toBe("sending");
    expect(await second.claim(team, DAY, at("2026-10-30T06:31:00Z"))).toBe(false);
    expect(await second.changes(team)).toHaveLength(1);
  });

  it("works in memory for ':memory:', without creating a folder of that name", async () => {
    const a = open(":memory:");
    const b = open(":memory:");
    await subscribe(a, news);
    expect((await a.get(news))?.time).toBe("09:00");
    expect(await b.list()).toEqual([]);
    expect(existsSync(":memory:")).toBe(false);
  });
});

describe("ping", () => {
  it("fails while another connection holds the write lock, as a subscribe would", async () => {
    const dir = stateDir();
    const store = openSqliteStore(dir, { busyWaitMs: 20 });
    stores.push(store);
    const holder = new Database(join(dir, STORE_FILE));
    holder.exec("BEGIN IMMEDIATE");
    try {
      await expect(store.ping()).rejects.toThrow(/locked by another connection/);
      // Reads go on under the lock (WAL): only the ping notices.
      await expect(store.list()).resolves.toEqual([]);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it("is not needed by an update that changes nothing, so a restart starts under another's lock", async () => {
    const dir = stateDir();
    const store = openSqliteStore(dir, { busyWaitMs: 20 });
    stores.push(store);
    await subscribe(store, team);
    const holder = new Database(join(dir, STORE_FILE));
    holder.exec("BEGIN IMMEDIATE");
    try {
      await expect(
        store.update(() => ({ unsubscribe: [], subscribe: [] })),
      ).resolves.toBeUndefined();
      const removal = { unsubscribe: [{ ref: team, by: "U0BOB", at: new Date() }], subscribe: [] };
      await expect(store.update(() => removal)).rejects.toThrow(/locked by another connection/);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(await store.list()).toHaveLength(1);
  });

  it("fails on a file broken under it", async () => {
    const dir = stateDir();
    const store = open(dir);
    await subscribe(store, team);
    breakStoreFile(dir);
    await expect(store.ping()).rejects.toThrow(/malformed/);
  });
});

describe("isoDate", () => {
  it("pads month and day to two digits", async () => {
    expect(isoDate({ year: 2026, month: 3, day: 9 })).toBe("2026-03-09");
    expect(isoDate({ year: 2026, month: 11, day: 30 })).toBe("2026-11-30");
  });
});
