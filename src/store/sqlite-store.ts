import { join } from "node:path";
import type Database from "better-sqlite3";
import { type BusyRetry, withBusyRetry } from "./busy-retry.ts";
import type {
  ChannelRef,
  ScheduleStore,
  Subscription,
  SubscriptionChanges,
} from "./schedule-store.ts";
import { isEmpty } from "./schedule-store.ts";
import { openStoreFile, STORE_FILE } from "./sqlite-file.ts";
import {
  type ChangeRow,
  channelChange,
  ORPHAN_DETAIL,
  type PostRow,
  postRecord,
  type SubscriptionRow,
  subscription,
} from "./store-rows.ts";

// The schedule in one SQLite file under STATE_DIR. WAL mode lets several processes on one
// machine share it, and lets reads go on while another connection writes; the post log's
// primary key is what stops two of them posting the same day twice.

export { migrate, STORE_FILE } from "./sqlite-file.ts";

/**
 * How long SQLite's own busy handler may hold the event loop on a locked store. A few
 * milliseconds cover another process's ordinary write; past that, busy-retry.ts waits without
 * blocking.
 */
const BUSY_TIMEOUT_MS = 5;

/** How long a ping keeps trying a locked store before it says so. */
const PING_WAIT_MS = 1000;

export interface SqliteStoreOptions {
  /** How long a call keeps retrying a locked store before it rejects. */
  busyWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Opens the store in `dir` (or in memory for ":memory:"), creating it only where there is no
 * file; throws StoreOpenError, naming the path, for a file that is not a Barents store.
 */
export function openSqliteStore(dir: string, options: SqliteStoreOptions = {}): ScheduleStore {
  return openSqliteFile(dir === ":memory:" ? dir : join(dir, STORE_FILE), options);
}

/** The same, for the store file at `path` (STORE_URL=sqlite:<path>). */
export function openSqliteFile(path: string, options: SqliteStoreOptions = {}): ScheduleStore {
  const db = openStoreFile(path);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const retry: BusyRetry = {
    path,
    waitMs: options.busyWaitMs ?? 10_000,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  // A ping waits less for a lock than a write does: /readyz should answer within its 2 s.
  const brief: BusyRetry = { ...retry, waitMs: Math.min(retry.waitMs, PING_WAIT_MS) };
  return sqliteStore(
    db,
    <T>(work: () => T) => withBusyRetry(work, retry),
    <T>(work: () => T) => withBusyRetry(work, brief),
  );
}

type Run = <T>(work: () => T) => Promise<T>;

function sqliteStore(db: Database.Database, run: Run, runBriefly: Run): ScheduleStore {
  const key = (ref: ChannelRef) => ({ platform: ref.platform, channel: ref.channel });
  const logChange = db.prepare(
    `INSERT INTO channel_changes (platform, channel, action, by_user, at, detail)
     VALUES (@platform, @channel, @action, @by, @at, @detail)`,
  );
  const upsert = db.prepare(
    `INSERT INTO subscriptions (platform, channel, time, time_zone, origin, by_user, since)
     VALUES (@platform, @channel, @time, @timeZone, @origin, @by, @since)
     ON CONFLICT (platform, channel) DO UPDATE SET time = excluded.time,
       time_zone = excluded.time_zone, origin = excluded.origin, by_user = excluded.by_user,
       since = excluded.since, failures = 0, paused = NULL, failed_on = NULL`,
  );
  const remove = db.prepare(
    "DELETE FROM subscriptions WHERE platform = @platform AND channel = @channel",
  );
  const getOne = db.prepare<ChannelRef, SubscriptionRow>(
    "SELECT * FROM subscriptions WHERE platform = @platform AND channel = @channel",
  );
  const getAll = db.prepare<[], SubscriptionRow>(
    "SELECT * FROM subscriptions ORDER BY platform, channel",
  );
  // A conflict counts as a change (so as claimed) only for the claimant's own claim still being
  // sent; the update leaves the row as it was.
  const claim = db.prepare(
    `INSERT INTO posts (platform, channel, local_date, status, at, claimed_by) VALUES
     (@platform, @channel, @localDate, 'sending', @at, @claimant)
     ON CONFLICT (platform, channel, local_date) DO UPDATE SET at = posts.at
     WHERE posts.status = 'sending' AND posts.claimed_by = excluded.claimed_by`,
  );
  const unclaim = db.prepare(
    "DELETE FROM posts WHERE platform = @platform AND channel = @channel AND local_date = @localDate AND status = 'sending'",
  );
  // One statement for every claimant: one per claimant would scan every claim under way each
  // time (the index is on `at`), quadratic in a long queue, on the event loop.
  const renewAll = db.prepare(
    `UPDATE posts SET at = @at WHERE status = 'sending'
       AND claimed_by IN (SELECT value FROM json_each(@claimants))`,
  );
  const settle = db.prepare(
    `UPDATE posts SET status = @status, attempts = @attempts, detail = @detail, at = @at
     WHERE platform = @platform AND channel = @channel AND local_date = @localDate`,
  );
  const postOne = db.prepare<ChannelRef & { localDate: string }, PostRow>(
    "SELECT * FROM posts WHERE platform = @platform AND channel = @channel AND local_date = @localDate",
  );
  const lastPost = db.prepare<ChannelRef, PostRow>(
    `SELECT * FROM posts WHERE platform = @platform AND channel = @channel
     ORDER BY local_date DESC LIMIT 1`,
  );
  // A pause keeps the reason it was paused for, as the audit log does.
  const fail = db.prepare(
    `UPDATE subscriptions SET failures = failures + 1, failed_on = @localDate,
       paused = CASE WHEN paused IS NULL AND failures + 1 >= @pauseAfter THEN @reason ELSE paused END
     WHERE platform = @platform AND channel = @channel
       AND (@localDate IS NULL OR failed_on IS NOT @localDate)`,
  );
  const succeed = db.prepare(
    "UPDATE subscriptions SET failures = 0 WHERE platform = @platform AND channel = @channel",
  );
  const changes = db.prepare<ChannelRef, ChangeRow>(
    `SELECT platform, channel, action, by_user, at, detail FROM channel_changes
     WHERE platform = @platform AND channel = @channel ORDER BY id`,
  );

  const orphans = db.prepare<{ before: string }, PostRow>(
    "SELECT * FROM posts WHERE status = 'sending' AND at < @before ORDER BY at",
  );
  const markUnknown = db.prepare(
    `UPDATE posts SET status = 'unknown', at = @at, detail = @detail
     WHERE platform = @platform AND channel = @channel AND local_date = @localDate
       AND status = 'sending'`,
  );

  // Writes that take several statements take the write lock at BEGIN (IMMEDIATE), so a busy
  // store fails them before anything ran and the whole transaction can simply be tried again.
  const subscribe = db.transaction((sub: Omit<Subscription, "failures" | "paused">) => {
    upsert.run({ ...sub, by: sub.by ?? null });
    logChange.run({
      ...key(sub),
      action: "subscribe",
      by: sub.by ?? sub.origin,
      at: sub.since,
      detail: `${sub.time} ${sub.timeZone}`,
    });
  });
  const update = db.transaction((plan: (held: Subscription[]) => SubscriptionChanges) => {
    const { unsubscribe: removals, subscribe: additions } = plan(getAll.all().map(subscription));
    for (const { ref, by, at } of removals) unsubscribe(ref, by, at);
    for (const sub of additions) subscribe(sub);
  });
  const unsubscribe = db.transaction((ref: ChannelRef, by: string, at: Date) => {
    const removed = remove.run(key(ref)).changes > 0;
    if (removed)
      logChange.run({ ...key(ref), action: "unsubscribe", by, at: at.toISOString(), detail: null });
    return removed;
  });
  const recordFailure = db.transaction(
    (ref: ChannelRef, reason: string, pauseAfter: number, at: Date, localDate?: string) => {
      const before = getOne.get(key(ref));
      fail.run({ ...key(ref), reason, pauseAfter, localDate: localDate ?? null });
      const after = getOne.get(key(ref));
      if (before && after && before.paused === null && after.paused !== null) {
        logChange.run({
          ...key(ref),
          action: "pause",
          by: "scheduler",
          at: at.toISOString(),
          detail: reason,
        });
      }
      return after && subscription(after);
    },
  );
  const settleOrphans = db.transaction((claimedBefore: Date, at: Date) => {
    const found = orphans.all({ before: claimedBefore.toISOString() }).map(postRecord);
    for (const post of found) {
      const where = { ...key(post), localDate: post.localDate };
      markUnknown.run({ ...where, at: at.toISOString(), detail: ORPHAN_DETAIL });
    }
    return found;
  });

  // The write lock, as a subscribe would take it, and a read of the table every post needs.
  const count = db.prepare("SELECT count(*) FROM subscriptions").pluck();
  const ping = db.transaction(() => void count.get());

  return {
    subscribe: (sub) => run(() => subscribe.immediate(sub)),
    unsubscribe: (ref, by, at) => run(() => unsubscribe.immediate(ref, by, at)),
    update: (plan) =>
      run(() => {
        // Nothing to change (the usual restart) takes no write lock: a bot must start while
        // another process holds it. Otherwise the plan is made again inside the transaction.
        if (isEmpty(plan(getAll.all().map(subscription)))) return;
        update.immediate(plan);
      }),
    get: (ref) =>
      run(() => {
        const row = getOne.get(key(ref));
        return row && subscription(row);
      }),
    list: () => run(() => getAll.all().map(subscription)),
    claim: (ref, localDate, at, claimant) =>
      run(() => {
        const row = { ...key(ref), localDate, at: at.toISOString(), claimant: claimant ?? null };
        return claim.run(row).changes === 1;
      }),
    renew: (claimants, at) =>
      run(() => {
        // Nothing under way (most minutes) takes no write lock.
        if (claimants.length > 0)
          renewAll.run({ at: at.toISOString(), claimants: JSON.stringify(claimants) });
      }),
    release: (ref, localDate) => run(() => unclaim.run({ ...key(ref), localDate }).changes === 1),
    settle: (ref, localDate, outcome, at) =>
      run(() => {
        settle.run({
          ...key(ref),
          localDate,
          status: outcome.status,
          attempts: outcome.attempts,
          detail: outcome.detail ?? null,
          at: at.toISOString(),
        });
      }),
    settleOrphans: (claimedBefore, at) => run(() => settleOrphans.immediate(claimedBefore, at)),
    post: (ref, localDate) =>
      run(() => {
        const row = postOne.get({ ...key(ref), localDate });
        return row && postRecord(row);
      }),
    lastPost: (ref) =>
      run(() => {
        const row = lastPost.get(key(ref));
        return row && postRecord(row);
      }),
    recordFailure: (ref, reason, pauseAfter, at, localDate) =>
      run(() => recordFailure.immediate(ref, reason, pauseAfter, at, localDate)),
    recordSuccess: (ref) => run(() => void succeed.run(key(ref))),
    changes: (ref) => run(() => changes.all(key(ref)).map(channelChange)),
    ping: () => runBriefly(() => ping.immediate()),
    close: async () => void db.close(),
  };
}
