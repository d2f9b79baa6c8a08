import pg from "pg";
import { messageOf } from "../error-message.ts";
import { withDeadline } from "../with-deadline.ts";
import { migratePg } from "./pg-migrations.ts";
import {
  type ChannelRef,
  isEmpty,
  type ScheduleStore,
  type Subscription,
  type SubscriptionChanges,
} from "./schedule-store.ts";
import { StoreOpenError, StoreUnavailableError } from "./store-errors.ts";
import { redactUrl } from "./store-location.ts";
import {
  type ChangeRow,
  channelChange,
  ORPHAN_DETAIL,
  type PostRow,
  postRecord,
  type SubscriptionRow,
  subscription,
} from "./store-rows.ts";

// The schedule in PostgreSQL, for replicas on several machines sharing one schedule
// (STORE_URL=postgres://…). node-postgres (pg) with its pool: the most used client, plain
// parameterised SQL, and an "error" event for connections that die while idle. Every replica
// may run the scheduler: the post log's primary key, claimed by one INSERT … ON CONFLICT DO
// NOTHING, is what decides who posts. Statements that belong together run in one transaction on
// one pooled connection.

/** At most this many connections per process: the scheduler and commands rarely need two. */
const POOL_SIZE = 4;
/** A connection not made in this long is a store that is down, not slow. */
const CONNECT_TIMEOUT_MS = 5000;
/** The server cancels a statement running longer, as SQLite's busy wait gives up (10 s). */
const STATEMENT_TIMEOUT_MS = 10_000;
/** A ping waits less: /readyz should answer within its 2 s. */
const PING_WAIT_MS = 1000;

export interface PgStoreOptions {
  /** What errors call the URL: the setting or flag it came from. Default STORE_URL. */
  setting?: string;
  /** Called for a pooled connection that fails (the server restarted, say): message and code only. */
  onConnectionLost?: (error: Error) => void;
}

/**
 * Connects to `url`, migrates the database and returns the store. Rejects with StoreOpenError,
 * naming the URL without its password, when the server cannot be reached or the database holds
 * a newer schema.
 */
export async function openPgStore(
  url: string,
  options: PgStoreOptions = {},
): Promise<ScheduleStore> {
  return pgStore(await openPgPool(url, options), redactUrl(url));
}

/** The pool behind openPgStore, connected and migrated: for store:migrate's raw copy. */
export async function openPgPool(url: string, options: PgStoreOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    // Scheduled posts keep no connection busy for long; idle ones are let go after a minute.
    idleTimeoutMillis: 60_000,
  });
  // A connection the server or the network drops is an "error" event on its client, and an
  // event nobody listens for ends the process. pg-pool listens to idle clients and forwards to
  // the pool's "error", but stops while a client is checked out (a transaction holds one across
  // statements), so every client gets a listener of its own too; the statement under way still
  // rejects, so its caller sees the failure. Only the message is passed on: pg-pool sets
  // error.client, whose parameters hold the password.
  const lost = (error: Error & { code?: string }) =>
    options.onConnectionLost?.(Object.assign(new Error(error.message), { code: error.code }));
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  try {
    const client = await pool.connect();
    try {
      await migratePg(client);
    } finally {
      client.release();
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    // Named as the setting, so the operator knows which variable to fix.
    throw new StoreOpenError(
      `(${options.setting ?? "STORE_URL"}=${redactUrl(url)})`,
      `cannot be opened: ${messageOf(error)}`,
      error,
    );
  }
}

function pgStore(pool: pg.Pool, shown: string): ScheduleStore {
  const unavailable = (error: unknown) =>
    new StoreUnavailableError(shown, messageOf(error), false, error);
  /** One statement on any pooled connection. */
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      throw unavailable(error);
    }
  };
  /** `work` inside BEGIN … COMMIT on one connection, rolled back if it throws. */
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error instanceof StoreUnavailableError ? error : unavailable(error);
    } finally {
      client.release();
    }
  };

  const logChange = (
    client: pg.PoolClient,
    ref: ChannelRef,
    change: { action: string; by: string; at: string; detail: string | null },
  ) =>
    client.query(
      `INSERT INTO channel_changes (platform, channel, action, by_user, at, detail)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [ref.platform, ref.channel, change.action, change.by, change.at, change.detail],
    );
  const subscribe = async (
    client: pg.PoolClient,
    sub: Omit<Subscription, "failures" | "paused">,
  ) => {
    await client.query(
      `INSERT INTO subscriptions (platform, channel, time, time_zone, origin, by_user, since)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, channel) DO UPDATE SET time = excluded.time,
         time_zone = excluded.time_zone, origin = excluded.origin, by_user = excluded.by_user,
         since = excluded.since, failures = 0, paused = NULL, failed_on = NULL`,
      [sub.platform, sub.channel, sub.time, sub.timeZone, sub.origin, sub.by ?? null, sub.since],
    );
    await logChange(client, sub, {
      action: "subscribe",
      by: sub.by ?? sub.origin,
      at: sub.since,
      detail: `${sub.time} ${sub.timeZone}`,
    });
  };
  const unsubscribe = async (client: pg.PoolClient, ref: ChannelRef, by: string, at: Date) => {
    const removed = await client.query(
      "DELETE FROM subscriptions WHERE platform = $1 AND channel = $2",
      [ref.platform, ref.channel],
    );
    if (removed.rowCount === 0) return false;
    await logChange(client, ref, { action: "unsubscribe", by, at: at.toISOString(), detail: null });
    return true;
  };
  const selectOne = "SELECT * FROM subscriptions WHERE platform = $1 AND channel = $2";
  const listAll = "SELECT * FROM subscriptions ORDER BY platform, channel";

  let closed: Promise<void> | undefined;
  return {
    subscribe: (sub) => transaction((client) => subscribe(client, sub)),
    unsubscribe: (ref, by, at) => transaction((client) => unsubscribe(client, ref, by, at)),
    update: async (plan: (held: readonly Subscription[]) => SubscriptionChanges) => {
      // Nothing to change (the usual restart) takes no lock; otherwise plan again under it.
      const seen = (await query<SubscriptionRow>(listAll)).rows.map(subscription);
      if (isEmpty(plan(seen))) return;
      await transaction(async (client) => {
        // Replicas starting together each apply the configuration: the lock makes them take
        // turns, so the second reads what the first wrote (and finds nothing to change).
        await client.query("LOCK TABLE subscriptions IN SHARE ROW EXCLUSIVE MODE");
        const held = (await client.query<SubscriptionRow>(listAll)).rows.map(subscription);
        const changes = plan(held);
        for (const { ref, by, at } of changes.unsubscribe) await unsubscribe(client, ref, by, at);
        for (const sub of changes.subscribe) await subscribe(client, sub);
      });
    },
    get: async (ref) => {
      const row = (await query<SubscriptionRow>(selectOne, [ref.platform, ref.channel])).rows[0];
      return row && subscription(row);
    },
    list: async () => (await query<SubscriptionRow>(listAll)).rows.map(subscription),
    claim: async (ref, localDate, at, claimant) => {
      // One statement: the insert wins the key, or the conflict is the claimant's own claim,
      // still being sent, asked for again after its answer was lost.
      const claimed = await query(
        `INSERT INTO posts (platform, channel, local_date, status, at, claimed_by)
         VALUES ($1, $2, $3, 'sending', $4, $5)
         ON CONFLICT (platform, channel, local_date) DO UPDATE SET at = posts.at
         WHERE posts.status = 'sending' AND posts.claimed_by = EXCLUDED.claimed_by`,
        [ref.platform, ref.channel, localDate, at.toISOString(), claimant ?? null],
      );
      return claimed.rowCount === 1;
    },
    renew: async (claimants, at) => {
      if (claimants.length === 0) return;
      await query(
        "UPDATE posts SET at = $1 WHERE status = 'sending' AND claimed_by = ANY($2::text[])",
        [at.toISOString(), claimants],
      );
    },
    release: async (ref, localDate) => {
      const released = await query(
        `DELETE FROM posts WHERE platform = $1 AND channel = $2 AND local_date = $3
           AND status = 'sending'`,
        [ref.platform, ref.channel, localDate],
      );
      return released.rowCount === 1;
    },
    settle: async (ref, localDate, outcome, at) => {
      await query(
        `UPDATE posts SET status = $4, attempts = $5, detail = $6, at = $7
         WHERE platform = $1 AND channel = $2 AND local_date = $3`,
        [
          ref.platform,
          ref.channel,
          localDate,
          outcome.status,
          outcome.attempts,
          outcome.detail ?? null,
          at.toISOString(),
        ],
      );
    },
    settleOrphans: (claimedBefore, at) =>
      transaction(async (client) => {
        // Locked as read, so a replica settling the same claim meanwhile waits, then skips it.
        const found = await client.query<PostRow>(
          `SELECT * FROM posts WHERE status = 'sending' AND at < $1 ORDER BY at
           FOR UPDATE SKIP LOCKED`,
          [claimedBefore.toISOString()],
        );
        for (const post of found.rows) {
          await client.query(
            `UPDATE posts SET status = 'unknown', at = $4, detail = $5
             WHERE platform = $1 AND channel = $2 AND local_date = $3`,
            [post.platform, post.channel, post.local_date, at.toISOString(), ORPHAN_DETAIL],
          );
        }
        return found.rows.map(postRecord);
      }),
    post: async (ref, localDate) => {
      const found = await query<PostRow>(
        "SELECT * FROM posts WHERE platform = $1 AND channel = $2 AND local_date = $3",
        [ref.platform, ref.channel, localDate],
      );
      const row = found.rows[0];
      return row && postRecord(row);
    },
    lastPost: async (ref) => {
      const found = await query<PostRow>(
        `SELECT * FROM posts WHERE platform = $1 AND channel = $2
         ORDER BY local_date DESC LIMIT 1`,
        [ref.platform, ref.channel],
      );
      const row = found.rows[0];
      return row && postRecord(row);
    },
    recordFailure: (ref, reason, pauseAfter, at, localDate) =>
      transaction(async (client) => {
        const locked = `${selectOne} FOR UPDATE`;
        const before = (await client.query<SubscriptionRow>(locked, [ref.platform, ref.channel]))
          .rows[0];
        if (!before) return undefined;
        const after = await client.query<SubscriptionRow>(
          `UPDATE subscriptions SET failures = failures + 1, failed_on = $5,
             paused = CASE WHEN paused IS NULL AND failures + 1 >= $3 THEN $4 ELSE paused END
           WHERE platform = $1 AND channel = $2
             AND ($5::text IS NULL OR failed_on IS DISTINCT FROM $5::text) RETURNING *`,
          [ref.platform, ref.channel, pauseAfter, reason, localDate ?? null],
        );
        // Nothing updated: this date's failure was counted already.
        const row = after.rows[0] ?? before;
        if (row && before.paused === null && row.paused !== null) {
          await logChange(client, ref, {
            action: "pause",
            by: "scheduler",
            at: at.toISOString(),
            detail: reason,
          });
        }
        return row && subscription(row);
      }),
    recordSuccess: async (ref) => {
      await query("UPDATE subscriptions SET failures = 0 WHERE platform = $1 AND channel = $2", [
        ref.platform,
        ref.channel,
      ]);
    },
    changes: async (ref) =>
      (
        await query<ChangeRow>(
          `SELECT platform, channel, action, by_user, at, detail FROM channel_changes
           WHERE platform = $1 AND channel = $2 ORDER BY id`,
          [ref.platform, ref.channel],
        )
      ).rows.map(channelChange),
    ping: async () => {
      const answered = await withDeadline(
        query("SELECT count(*) FROM subscriptions").then(() => true),
        PING_WAIT_MS,
      );
      if (!answered) {
        throw new StoreUnavailableError(shown, `no answer within ${PING_WAIT_MS} ms`, true);
      }
    },
    close: () => {
      closed ??= pool.end();
      return closed;
    },
  };
}
