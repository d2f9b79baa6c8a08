import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_MIGRATIONS } from "../../src/store/pg-migrations.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import { createTestDatabase, type TestDatabase } from "../support/postgres.ts";
import { specifyScheduleStore, subscribe, team } from "./schedule-store-contract.ts";

// The schedule in PostgreSQL, on the machine's real server: the same specifications as SQLite's
// (schedule-store-contract.ts), then what only a networked store has: migrations that replicas
// starting together run once, and a server that is not there.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("the PostgreSQL store", () => {
  specifyScheduleStore({
    fresh: async () => {
      const store = await openPgStore(db.url);
      await db.sql("TRUNCATE subscriptions, posts, channel_changes RESTART IDENTITY");
      return store;
    },
    another: () => openPgStore(db.url),
  });
});

describe("migrations", () => {
  it("run once when several replicas open a new database together", async () => {
    const fresh = await createTestDatabase();
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => openPgStore(fresh.url)));
      const version = await fresh.sql<{ version: number }>("SELECT version FROM barents_schema");
      expect(version.rows).toEqual([{ version: PG_MIGRATIONS.length }]);
      await subscribe(stores[0] ?? expect.fail("no store"), team);
      expect(await stores[3]?.list()).toHaveLength(1);
      await Promise.all(stores.map((store) => store.close()));
      // Opened again, the schema is up to date: nothing runs, nothing is lost.
      const again = await openPgStore(fresh.url);
      expect(await again.list()).toHaveLength(1);
      await again.close();
    } finally {
      await fresh.drop();
    }
  });

  it("refuse a database a newer Barents has migrated, saying which versions", async () => {
    const fresh = await createTestDatabase();
    try {
      await fresh.sql("CREATE TABLE barents_schema (version INTEGER NOT NULL)");
      await fresh.sql("INSERT INTO barents_schema VALUES (99)");
      await expect(openPgStore(fresh.url)).rejects.toThrow(
        `schema 99; this one knows up to ${PG_MIGRATIONS.length}`,
      );
    } finally {
      await fresh.drop();
    }
  });
});

describe("a server that cannot be reached", () => {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  const url = "postgres://barents:s3cret-pass@127.0.0.1:1/barents";

  it("stops start-up with one line naming STORE_URL's server, never its password", async () => {
    const error: unknown = await openPgStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("STORE_URL=postgres://barents:***@127.0.0.1:1/barents");
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain("s3cret-pass");
    expect(message.split("\n")).toHaveLength(1);
  });
});
