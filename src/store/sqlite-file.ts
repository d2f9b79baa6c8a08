import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { messageOf } from "../error-message.ts";
import { MIGRATIONS } from "./migrations.ts";
import { StoreOpenError } from "./store-errors.ts";
import { STORE_FILE } from "./store-location.ts";

// Opening the store's file. A new store is made only where there is no file: a file that exists
// but is not a Barents store (zero bytes, garbage, some other SQLite database) is refused, since
// silently starting an empty schedule over it would drop every subscription without a word.

export { STORE_FILE };

/** Tables every Barents store has from its first migration on. */
const TABLES = ["subscriptions", "posts", "channel_changes"];

/**
 * How long SQLite itself waits for a lock while opening. Start-up serves nothing yet, so waiting
 * here blocks nobody; after it, store calls wait asynchronously instead (sqlite-store.ts).
 */
const OPEN_BUSY_MS = 5000;

/** Brings a database up to the newest schema; returns the version it is at. */
export function migrate(db: Database.Database): number {
  // An up-to-date store needs no write lock. Asked for one anyway, a restart while another
  // connection was writing (a second replica, a backup) waited out OPEN_BUSY_MS and refused to
  // start. A version read without the lock can only be stale in the direction of "migrate".
  if ((db.pragma("user_version", { simple: true }) as number) >= MIGRATIONS.length) {
    return MIGRATIONS.length;
  }
  for (;;) {
    // Read inside the write lock, so two processes creating one store do not both migrate.
    const ran = db
      .transaction(() => {
        const version = db.pragma("user_version", { simple: true }) as number;
        if (version >= MIGRATIONS.length) return false;
        db.exec(MIGRATIONS[version] ?? "");
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!ran) return MIGRATIONS.length;
  }
}

/** Why an existing file is not a store we may use; undefined when it is one. */
function notOurs(db: Database.Database): string | undefined {
  const version = db.pragma("user_version", { simple: true }) as number;
  const tables = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name),
  );
  if (version === 0 && tables.size === 0) return "the file is empty, not a Barents store";
  const missing = TABLES.filter((t) => !tables.has(t));
  if (version === 0 || missing.length)
    return `an SQLite database without Barents's tables (missing: ${missing.join(", ") || "its schema version"})`;
  if (version > MIGRATIONS.length)
    return `written by a newer Barents (schema ${version}; this one knows up to ${MIGRATIONS.length})`;
  return undefined;
}

/**
 * Opens the store file at `path` (or an in-memory one for ":memory:"), creating it and its
 * folder only where there is none, and migrates it. Throws StoreOpenError naming the path.
 */
export function openStoreFile(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    const exists = path !== ":memory:" && existsSync(path);
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { fileMustExist: exists });
    db.pragma(`busy_timeout = ${OPEN_BUSY_MS}`);
    const problem = exists ? notOurs(db) : undefined;
    if (problem) {
      throw new StoreOpenError(
        path,
        `${problem}. Barents will not start over it: move it away to start with an empty schedule, or put the right file back.`,
      );
    }
    db.pragma("journal_mode = WAL");
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreOpenError) throw error;
    const reason = messageOf(error);
    throw new StoreOpenError(path, `cannot be opened: ${reason}`, error);
  }
}
