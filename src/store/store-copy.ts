import type Database from "better-sqlite3";
import type pg from "pg";
import type { ChangeRow, PostRow, SubscriptionRow } from "./store-rows.ts";

// Copying a schedule between stores (`npm run store:migrate`), for people moving from one
// machine to several. Rows are copied as they are, never merged: a subscription or post the
// target already holds (by its key) is left as the target has it, and a change already logged
// (the same channel, action, who, when and detail) is not logged twice. So the copy can be run
// again, after an interruption or a last look, and adds only what is missing.

export interface StoreRows {
  subscriptions: SubscriptionRow[];
  posts: PostRow[];
  changes: ChangeRow[];
}

/** Per table: rows written, and rows the target already had. */
export type CopyCounts = Record<keyof StoreRows, { copied: number; kept: number }>;

/** A store's tables, read or written in one transaction. */
export interface StoreTables {
  read(): Promise<StoreRows>;
  /** Adds the rows the target lacks; returns how many of each it added. */
  addMissing(rows: StoreRows): Promise<Record<keyof StoreRows, number>>;
}

const SUBSCRIPTION_COLUMNS = [
  "platform",
  "channel",
  "time",
  "time_zone",
  "origin",
  "by_user",
  "since",
  "failures",
  "paused",
  "failed_on",
] as const;
const POST_COLUMNS = [
  "platform",
  "channel",
  "local_date",
  "status",
  "at",
  "attempts",
  "detail",
  "claimed_by",
] as const;
const CHANGE_COLUMNS = ["platform", "channel", "action", "by_user", "at", "detail"] as const;

const values = <C extends string>(row: Record<C, unknown>, columns: readonly C[]) =>
  columns.map((column) => row[column]);

export function sqliteTables(db: Database.Database): StoreTables {
  const all = <R>(sql: string) => db.prepare<[], R>(sql).all();
  const insert = (table: string, columns: readonly string[]) =>
    db.prepare(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
       ON CONFLICT DO NOTHING`,
    );
  const addSubscription = insert("subscriptions", SUBSCRIPTION_COLUMNS);
  const addPost = insert("posts", POST_COLUMNS);
  // channel_changes has no natural key: an identical entry is the same change.
  const addChange = db.prepare(
    `INSERT INTO channel_changes (${CHANGE_COLUMNS.join(", ")})
     SELECT @platform, @channel, @action, @by_user, @at, @detail
     WHERE NOT EXISTS (SELECT 1 FROM channel_changes
       WHERE platform = @platform AND channel = @channel AND action = @action
         AND by_user = @by_user AND at = @at AND detail IS @detail)`,
  );
  const addMissing = db.transaction((rows: StoreRows) => ({
    subscriptions: rows.subscriptions.reduce(
      (n, row) => n + addSubscription.run(...values(row, SUBSCRIPTION_COLUMNS)).changes,
      0,
    ),
    posts: rows.posts.reduce((n, row) => n + addPost.run(...values(row, POST_COLUMNS)).changes, 0),
    changes: rows.changes.reduce((n, row) => n + addChange.run(row).changes, 0),
  }));
  const read = db.transaction(() => ({
    subscriptions: all<SubscriptionRow>("SELECT * FROM subscriptions ORDER BY platform, channel"),
    posts: all<PostRow>("SELECT * FROM posts ORDER BY platform, channel, local_date"),
    changes: all<ChangeRow>(`SELECT ${CHANGE_COLUMNS.join(", ")} FROM channel_changes ORDER BY id`),
  }));
  return {
    read: async () => read(),
    addMissing: async (rows) => addMissing.immediate(rows),
  };
}

export function pgTables(pool: pg.Pool): StoreTables {
  const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(", ");
  const insert = (table: string, columns: readonly string[]) =>
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders(columns.length)})
     ON CONFLICT DO NOTHING`;
  return {
    async read() {
      const client = await pool.connect();
      try {
        // One snapshot of all three tables, as SQLite's read transaction gives.
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const rows = {
          subscriptions: (
            await client.query<SubscriptionRow>(
              "SELECT * FROM subscriptions ORDER BY platform, channel",
            )
          ).rows,
          posts: (
            await client.query<PostRow>(
              "SELECT * FROM posts ORDER BY platform, channel, local_date",
            )
          ).rows,
          changes: (
            await client.query<ChangeRow>(
              `SELECT ${CHANGE_COLUMNS.join(", ")} FROM channel_changes ORDER BY id`,
            )
          ).rows,
        };
        await client.query("COMMIT");
        return rows;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async addMissing(rows) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const count = async <C extends string>(
          sql: string,
          list: readonly Record<C, unknown>[],
          columns: readonly C[],
        ) => {
          let added = 0;
          for (const row of list)
            added += (await client.query(sql, values(row, columns))).rowCount ?? 0;
          return added;
        };
        const added = {
          subscriptions: await count(
            insert("subscriptions", SUBSCRIPTION_COLUMNS),
            rows.subscriptions,
            SUBSCRIPTION_COLUMNS,
          ),
          posts: await count(insert("posts", POST_COLUMNS), rows.posts, POST_COLUMNS),
          changes: await count(
            `INSERT INTO channel_changes (${CHANGE_COLUMNS.join(", ")})
             SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM channel_changes
               WHERE platform = $1 AND channel = $2 AND action = $3 AND by_user = $4 AND at = $5
                 AND detail IS NOT DISTINCT FROM $6)`,
            rows.changes,
            CHANGE_COLUMNS,
          ),
        };
        await client.query("COMMIT");
        return added;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** How a claim still "sending" arrives: its process is not the target's, so never resent. */
const COPIED_CLAIM = "claimed in the store it was copied from, outcome unknown; not resent";

/**
 * Copies what `from` holds into `to`, adding only what `to` lacks. A post still being sent
 * arrives as "unknown", as an orphaned claim is marked, since the process sending it is not one
 * of the target's.
 */
export async function copyStore(from: StoreTables, to: StoreTables): Promise<CopyCounts> {
  const read = await from.read();
  const posts = read.posts.map((post) =>
    post.status === "sending" ? { ...post, status: "unknown", detail: COPIED_CLAIM } : post,
  );
  const rows = { ...read, posts };
  const added = await to.addMissing(rows);
  const counts = (table: keyof StoreRows) => ({
    copied: added[table],
    kept: rows[table].length - added[table],
  });
  return {
    subscriptions: counts("subscriptions"),
    posts: counts("posts"),
    changes: counts("changes"),
  };
}
