import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.ts";
import {
  type ChannelRef,
  isoDate,
  type ScheduleStore,
  type Subscription,
} from "../../src/store/schedule-store.ts";
import { migrate, openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { freshStateDir } from "../support/process.ts";
import { breakStoreFile } from "../support/store-file.ts";

// The schedule's SQLite store: its schema, what survives a restart, and the post log's claim,
// which is what keeps two processes from posting the same day twice.

const news: ChannelRef = { platform: "discord", channel: "100000000000000004" };
const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const at = (iso: string) => new Date(iso);
const SINCE = "2026-10-01T10:00:00.000Z";
const DAY = "2026-10-30";
const EIGHT = at("2026-10-30T08:00:00Z");

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

/** A command subscription of `ref` at 09:00 in Oslo by U0ALICE, unless `extra` says otherwise. */
async function subscribe(
  store: ScheduleStore,
  ref: ChannelRef,
  extra: Partial<Omit<Subscription, "failures" | "paused">> = {},
): Promise<void> {
  const timing = { time: "09:00", timeZone: "Europe/Oslo" };
  await store.subscribe({
    ...ref,
    ...timing,
    origin: "command",
    by: "U0ALICE",
    since: SINCE,
    ...extra,
  });
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

describe("subscribe", () => {
  it("stores a subscription with no failures, and logs who made it", async () => {
    const store = open();
    await subscribe(store, team);
    expect(await store.get(team)).toMatchObject({ failures: 0, by: "U0ALICE", origin: "command" });
    expect((await store.get(team))?.paused).toBeUndefined();
    expect(await store.changes(team)).toEqual([
      { ...team, action: "subscribe", by: "U0ALICE", at: SINCE, detail: "09:00 Europe/Oslo" },
    ]);
  });

  it("replaces an existing subscription of the channel rather than adding a second", async () => {
    const store = open();
    await subscribe(store, team);
    const replaced = { time: "18:15", timeZone: "America/New_York", by: "U0BOB" };
    await subscribe(store, team, replaced);
    expect(await store.list()).toHaveLength(1);
    expect(await store.get(team)).toMatchObject(replaced);
    expect((await store.changes(team)).map((c) => [c.by, c.detail])).toEqual([
      ["U0ALICE", "09:00 Europe/Oslo"],
      ["U0BOB", "18:15 America/New_York"],
    ]);
  });

  it("clears failures and a pause, so subscribing again resumes posting", async () => {
    const store = open();
    await subscribe(store, team);
    await store.recordFailure(team, "not_in_channel", 2, at("2026-10-02T08:00:00Z"));
    await store.recordFailure(team, "not_in_channel", 2, at("2026-10-03T08:00:00Z"));
    expect((await store.get(team))?.paused).toBe("not_in_channel");
    await subscribe(store, team, { since: "2026-10-04T10:00:00.000Z" });
    expect((await store.get(team))?.failures).toBe(0);
    expect((await store.get(team))?.paused).toBeUndefined();
  });

  it("names the origin in the log when no user made it", async () => {
    const store = open();
    await subscribe(store, news, { origin: "config", by: undefined });
    expect((await store.get(news))?.by).toBeUndefined();
    expect((await store.changes(news))[0]?.by).toBe("config");
  });

  it("lists subscriptions ordered by platform and channel", async () => {
    const store = open();
    for (const ref of [team, { ...news, channel: "200000000000000000" }, news]) {
      await subscribe(store, ref);
    }
    expect((await store.list()).map((s) => s.channel)).toEqual([
      "100000000000000004",
      "200000000000000000",
      "C0TEAM01",
    ]);
  });
});

describe("unsubscribe", () => {
  it("returns false and logs nothing when the channel was not subscribed", async () => {
    const store = open();
    expect(await store.unsubscribe(team, "U0BOB", at("2026-10-05T09:00:00Z"))).toBe(false);
    expect(await store.changes(team)).toEqual([]);
  });

  it("removes the subscription and logs who removed it, once", async () => {
    const store = open();
    await subscribe(store, team);
    expect(await store.unsubscribe(team, "U0BOB", at("2026-10-05T09:00:00Z"))).toBe(true);
    expect(await store.get(team)).toBeUndefined();
    expect(await store.unsubscribe(team, "U0BOB", at("2026-10-06T09:00:00Z"))).toBe(false);
    expect((await store.changes(team)).slice(1)).toEqual([
      { ...team, action: "unsubscribe", by: "U0BOB", at: "2026-10-05T09:00:00.000Z" },
    ]);
  });
});

describe("the post log", () => {
  it("grants a claim once per platform, channel and local date", async () => {
    const store = open();
    expect(await store.claim(news, DAY, EIGHT)).toBe(true);
    expect(await store.claim(news, DAY, EIGHT)).toBe(false);
    expect(await store.claim(news, "2026-10-31", EIGHT)).toBe(true);
    expect(await store.claim(team, DAY, EIGHT)).toBe(true);
    expect(await store.claim({ platform: "slack", channel: news.channel }, DAY, EIGHT)).toBe(true);
    const claimed = { localDate: DAY, status: "sending", at: EIGHT.toISOString(), attempts: 0 };
    expect(await store.post(news, DAY)).toEqual({ ...news, ...claimed });
  });

  it("gives back only a claim still being sent, so it can be claimed again", async () => {
    const store = open(stateDir());
    await store.claim(team, DAY, at("2026-10-30T06:30:00Z"));
    expect(await store.release(team, DAY)).toBe(true);
    expect(await store.post(team, DAY)).toBeUndefined();
    expect(await store.release(team, DAY)).toBe(false);
    expect(await store.claim(team, DAY, at("2026-10-30T06:31:00Z"))).toBe(true);
    await store.settle(team, DAY, { status: "sent", attempts: 1 }, at("2026-10-30T06:31:01Z"));
    // A settled post is history: giving it back could let it be posted twice.
    expect(await store.release(team, DAY)).toBe(false);
    expect(await store.post(team, DAY)).toMatchObject({ status: "sent" });
  });

  it("grants a claim to only one of two store handles on the same folder", async () => {
    const dir = stateDir();
    const a = open(dir);
    const b = open(dir);
    expect(await b.claim(news, DAY, EIGHT)).toBe(true);
    expect(await a.claim(news, DAY, EIGHT)).toBe(false);
    expect(await b.claim(news, DAY, EIGHT)).toBe(false);
    expect((await a.post(news, DAY))?.status).toBe("sending");
  });

  it("records how a claimed post ended", async () => {
    const store = open();
    await store.claim(news, DAY, EIGHT);
    const failed = { status: "failed", attempts: 3, detail: "Missing Access" } as const;
    await store.settle(news, DAY, failed, at("2026-10-30T08:00:42Z"));
    expect(await store.post(news, DAY)).toEqual({
      ...news,
      ...failed,
      localDate: DAY,
      at: "2026-10-30T08:00:42.000Z",
    });
    await store.claim(team, DAY, EIGHT);
    await store.settle(team, DAY, { status: "sent", attempts: 1 }, at("2026-10-30T08:00:01Z"));
    expect((await store.post(team, DAY))?.status).toBe("sent");
    expect(await store.post(team, DAY)).not.toHaveProperty("detail");
  });

  it("gives the latest local date as the last post, whatever order they were made in", async () => {
    const store = open();
    await store.claim(news, DAY, EIGHT);
    await store.claim(news, "2026-10-29", at("2026-10-30T09:00:00Z"));
    await store.claim(team, "2026-11-02", at("2026-11-02T08:00:00Z"));
    expect((await store.lastPost(news))?.localDate).toBe(DAY);
  });

  it("has no record for a date or channel never claimed", async () => {
    const store = open();
    await store.claim(news, DAY, EIGHT);
    expect(await store.post(news, "2026-10-29")).toBeUndefined();
    expect(await store.post(team, DAY)).toBeUndefined();
    expect(await store.lastPost(team)).toBeUndefined();
  });
});

describe("failures", () => {
  it("are counted, and pause the subscription with the reason at pauseAfter in a row", async () => {
    const store = open();
    await subscribe(store, news);
    const first = await store.recordFailure(news, "Missing Access", 3, at("2026-10-02T08:00:00Z"));
    expect(first?.failures).toBe(1);
    expect(first?.paused).toBeUndefined();
    const second = await store.recordFailure(news, "Missing Access", 3, at("2026-10-03T08:00:00Z"));
    expect(second?.failures).toBe(2);
    expect(second?.paused).toBeUndefined();
    const third = await store.recordFailure(news, "Unknown Channel", 3, at("2026-10-04T08:00:00Z"));
    expect(third).toMatchObject({ failures: 3, paused: "Unknown Channel" });
    expect((await store.get(news))?.paused).toBe("Unknown Channel");
  });

  it("log one pause, by the scheduler, not repeated on later failures", async () => {
    const store = open();
    await subscribe(store, news);
    for (const day of ["02", "03", "04", "05"]) {
      await store.recordFailure(news, "Missing Access", 2, at(`2026-10-${day}T08:00:00Z`));
    }
    expect((await store.get(news))?.failures).toBe(4);
    expect((await store.get(news))?.paused).toBeDefined();
    const pause = { action: "pause", by: "scheduler", detail: "Missing Access" };
    expect((await store.changes(news)).filter((c) => c.action === "pause")).toEqual([
      { ...news, ...pause, at: "2026-10-03T08:00:00.000Z" },
    ]);
  });

  it("are reset by a success, so the count starts again", async () => {
    const store = open();
    await subscribe(store, news);
    await store.recordFailure(news, "Missing Access", 2, at("2026-10-02T08:00:00Z"));
    await store.recordSuccess(news);
    expect((await store.get(news))?.failures).toBe(0);
    const next = await store.recordFailure(news, "Missing Access", 2, at("2026-10-04T08:00:00Z"));
    expect(next?.failures).toBe(1);
    expect(next?.paused).toBeUndefined();
  });

  it("of a channel with no subscription change nothing and return undefined", async () => {
    const store = open();
    expect(await store.recordFailure(team, "not_in_channel", 1, EIGHT)).toBeUndefined();
    expect(await store.changes(team)).toEqual([]);
  });
});

describe("ping", () => {
  it("answers while the store can be read and written, changing nothing", async () => {
    const store = open(stateDir());
    await subscribe(store, team);
    await expect(store.ping()).resolves.toBeUndefined();
    expect(await store.list()).toHaveLength(1);
  });

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
