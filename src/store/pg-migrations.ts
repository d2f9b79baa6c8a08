import type { PoolClient } from "pg";

// The PostgreSQL store's schema, one migration per version, the same tables as SQLite's
// (migrations.ts) in PostgreSQL's dialect. barents_schema records how many have run. Replicas
// starting together each call migratePg(); an advisory lock makes them take turns, so exactly
// one runs each migration and the others find it done. Never edit one that has shipped.

export const PG_MIGRATIONS: readonly string[] = [
  // 1: subscriptions, the post log keyed by channel and local date, and who changed what.
  // Times stay ISO 8601 text, as in SQLite, so both stores hand back the same records.
  `
  CREATE TABLE subscriptions (
    platform  TEXT NOT NULL,
    channel   TEXT NOT NULL,
    time      TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    origin    TEXT NOT NULL CHECK (origin IN ('command', 'config')),
    by_user   TEXT,
    since     TEXT NOT NULL,
    failures  INTEGER NOT NULL DEFAULT 0,
    paused    TEXT,
    PRIMARY KEY (platform, channel)
  );
  CREATE TABLE posts (
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    local_date TEXT NOT NULL,
    status     TEXT NOT NULL
      CHECK (status IN ('sending', 'sent', 'failed', 'skipped', 'unknown')),
    at         TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    detail     TEXT,
    PRIMARY KEY (platform, channel, local_date)
  );
  CREATE INDEX posts_sending ON posts (at) WHERE status = 'sending';
  CREATE TABLE channel_changes (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform TEXT NOT NULL,
    channel  TEXT NOT NULL,
    action   TEXT NOT NULL,
    by_user  TEXT NOT NULL,
    at       TEXT NOT NULL,
    detail   TEXT
  );
  CREATE INDEX channel_changes_by_channel ON channel_changes (platform, channel);
  `,
  // 2: who claimed a post, as SQLite's migration 3: a claim whose answer the network lost can
  // be asked for again by the same attempt and found to be its own.
  `
  ALTER TABLE posts ADD COLUMN claimed_by TEXT;
  `,
  // 3: the local date of the last failure counted, as SQLite's migration 5: a count retried
  // after its answer was lost is not counted twice.
  `
  ALTER TABLE subscriptions ADD COLUMN failed_on TEXT;
  `,
];

/** The advisory lock's key: any 64-bit number no other application uses; "barents" in ASCII. */
const LOCK_KEY = "27691691673547891";

/**
 * Brings the database up to the newest schema under a session advisory lock; returns the
 * version it is at. Throws, naming both versions, for a database a newer Barents has migrated.
 */
export async function migratePg(client: PoolClient): Promise<number> {
  await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await client.query("CREATE TABLE IF NOT EXISTS barents_schema (version INTEGER NOT NULL)");
    const read = await client.query<{ version: number }>("SELECT version FROM barents_schema");
    let version = read.rows[0]?.version ?? 0;
    if (read.rows.length === 0) await client.query("INSERT INTO barents_schema VALUES (0)");
    if (version > PG_MIGRATIONS.length) {
      throw new Error(
        `written by a newer Barents (schema ${version}; this one knows up to ${PG_MIGRATIONS.length})`,
      );
    }
    for (; version < PG_MIGRATIONS.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(PG_MIGRATIONS[version] ?? "");
        await client.query("UPDATE barents_schema SET version = $1", [version + 1]);
        await client.query("COMMIT");
      } catch (error) {
        // The migration's own error is the one to report, not a failed rollback's.
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    }
    return version;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
