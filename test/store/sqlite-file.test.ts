import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { StoreOpenError } from "../../src/store/store-errors.ts";
import { freshStateDir } from "../support/process.ts";

// Fault 8 of issue 14: a file that exists but is not a Barents store used to become an empty
// store without a word (twelve subscriptions gone). A new store is made only where there is no
// file; anything else is refused at start, naming the path, and left as it was.

const dirs: string[] = [];

function stateDirWith(content?: Buffer | string): { dir: string; file: string } {
  const dir = freshStateDir();
  dirs.push(dir);
  const file = join(dir, STORE_FILE);
  if (content !== undefined) writeFileSync(file, content);
  return { dir, file };
}

function refusal(dir: string): StoreOpenError {
  try {
    openSqliteStore(dir).close();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error("the store opened");
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("opening the store file", () => {
  it("refuses a zero-byte file, naming its path, and leaves it as it was", () => {
    const { dir, file } = stateDirWith("");
    const error = refusal(dir);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/empty, not a Barents store/);
    expect(readFileSync(file)).toHaveLength(0);
  });

  it("refuses a file of garbage, naming its path", () => {
    const { dir, file } = stateDirWith(Buffer.alloc(8192, "x"));
    const error = refusal(dir);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a database/);
  });

  it("refuses another SQLite database that lacks Barents's tables, and does not add them", () => {
    const { dir, file } = stateDirWith();
    const other = new Database(file);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    const error = refusal(dir);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/without Barents's tables/);
    const after = new Database(file, { readonly: true });
    const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    after.close();
    expect(tables).toEqual([{ name: "notes" }]);
  });

  it("refuses a store written by a newer Barents rather than guess at its schema", () => {
    const { dir, file } = stateDirWith();
    openSqliteStore(dir).close();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(refusal(dir).message).toMatch(/newer Barents/);
  });

  it("names the path when the folder cannot be made", () => {
    const { dir } = stateDirWith();
    const blocker = join(dir, "file-not-folder");
    writeFileSync(blocker, "");
    expect(refusal(join(blocker, "state")).message).toContain(join(blocker, "state", STORE_FILE));
  });

  it("creates a new store only where there is no file, and opens it again as it left it", async () => {
    const { dir, file } = stateDirWith();
    mkdirSync(dir, { recursive: true });
    expect(existsSync(file)).toBe(false);
    const store = openSqliteStore(dir);
    const ref = { platform: "slack" as const, channel: "C0TEAM01" };
    await store.subscribe({
      ...ref,
      time: "09:00",
      timeZone: "Europe/Oslo",
      origin: "command",
      by: "U0ALICE",
      since: "2026-10-01T10:00:00.000Z",
    });
    store.close();
    const again = openSqliteStore(dir);
    expect(await again.get(ref)).toMatchObject({ time: "09:00" });
    again.close();
  });

  it("opens an up-to-date store while another connection holds the write lock", async () => {
    // A restart while a second replica or a backup is writing used to wait 5 s for the lock
    // to migrate a store that needed no migrating, then refuse to start (issue 14, fault 3).
    const { dir, file } = stateDirWith();
    openSqliteStore(dir).close();
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    try {
      const store = openSqliteStore(dir, { busyWaitMs: 0 });
      expect(await store.list()).toEqual([]);
      store.close();
    } finally {
      holder.close();
    }
  });
});
