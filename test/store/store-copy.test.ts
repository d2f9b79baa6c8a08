import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgPool, openPgStore } from "../../src/store/pg-store.ts";
import { openStoreFile } from "../../src/store/sqlite-file.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { copyStore, pgTables, sqliteTables } from "../../src/store/store-copy.ts";
import { createTestDatabase, type TestDatabase } from "../support/postgres.ts";
import { freshStateDir } from "../support/process.ts";
import { at, news, subscribe, team } from "./schedule-store-contract.ts";

// store:migrate's copy: everything a schedule holds arrives, and a second run adds nothing.

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = freshStateDir();
  // A schedule with one of everything: two subscriptions (one paused), a settled post, a
  // claim still being sent, a removal and a pause in the audit log.
  const store = openSqliteStore(dir);
  await subscribe(store, team);
  await subscribe(store, news, { origin: "config", by: undefined, time: "07:30" });
  await store.claim(team, "2026-10-29", at("2026-10-29T07:00:00Z"));
  await store.settle(
    team,
    "2026-10-29",
    { status: "sent", attempts: 1 },
    at("2026-10-29T07:00:01Z"),
  );
  await store.claim(team, "2026-10-30", at("2026-10-30T07:00:00Z"));
  await store.recordFailure(news, "Missing Access", 1, at("2026-10-30T05:30:00Z"), "2026-10-30");
  await store.unsubscribe(
    { platform: "slack", channel: "C0GONE001" },
    "U0BOB",
    at("2026-10-30T09:00:00Z"),
  );
  await subscribe(store, { platform: "slack", channel: "C0GONE001" });
  await store.unsubscribe(
    { platform: "slack", channel: "C0GONE001" },
    "U0BOB",
    at("2026-10-30T09:00:00Z"),
  );
  await store.close();
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("copying a schedule from SQLite to PostgreSQL and back", () => {
  it("carries every subscription, post and change over, and adds nothing when run again", async () => {
    const file = openStoreFile(join(dir, STORE_FILE));
    const pool = await openPgPool(db.url);
    try {
      const first = await copyStore(sqliteTables(file), pgTables(pool));
      expect(first).toEqual({
        subscriptions: { copied: 2, kept: 0 },
        posts: { copied: 2, kept: 0 },
        changes: { copied: 5, kept: 0 },
      });
      const again = await copyStore(sqliteTables(file), pgTables(pool));
      expect(again).toEqual({
        subscriptions: { copied: 0, kept: 2 },
        posts: { copied: 0, kept: 2 },
        changes: { copied: 0, kept: 5 },
      });
      const [source, target] = [await sqliteTables(file).read(), await pgTables(pool).read()];
      expect(target.subscriptions).toEqual(source.subscriptions);
      expect(target.changes).toEqual(source.changes);
      expect(target.posts.filter((p) => p.status !== "unknown")).toEqual(
        source.posts.filter((p) => p.status !== "sending"),
      );
    } finally {
      file.close();
      await pool.end();
    }

    // Read through the store, the copy is the same schedule.
    const copied = await openPgStore(db.url);
    const original = openSqliteStore(dir);
    try {
      expect(await copied.list()).toEqual(await original.list());
      expect(await copied.post(team, "2026-10-29")).toEqual(
        await original.post(team, "2026-10-29"),
      );
      // A claim still being sent where it came from is never sent again from the copy.
      expect((await original.post(team, "2026-10-30"))?.status).toBe("sending");
      expect(await copied.post(team, "2026-10-30")).toMatchObject({
        status: "unknown",
        detail: expect.stringMatching(/copied from.*not resent/),
      });
      expect(await copied.claim(team, "2026-10-30", at("2026-10-30T07:05:00Z"))).toBe(false);
      expect(await copied.changes(news)).toEqual(await original.changes(news));
      expect(await copied.claim(team, "2026-10-29", at("2026-10-29T07:05:00Z"))).toBe(false);
    } finally {
      await copied.close();
      await original.close();
    }
  });

  it("copies PostgreSQL into a new SQLite file the same way", async () => {
    const other = freshStateDir();
    const pool = await openPgPool(db.url);
    const file = openStoreFile(join(other, STORE_FILE));
    try {
      const counts = await copyStore(pgTables(pool), sqliteTables(file));
      expect(counts.subscriptions).toEqual({ copied: 2, kept: 0 });
      expect(await sqliteTables(file).read()).toEqual(await pgTables(pool).read());
    } finally {
      file.close();
      await pool.end();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
