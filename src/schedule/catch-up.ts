import { calendarDay } from "../core/calendar-day.ts";
import type { Logger } from "../logger.ts";
import {
  channelKey,
  isoDate,
  ORPHAN_AFTER_MS,
  type ScheduleStore,
  type Subscription,
} from "../store/schedule-store.ts";
import { dueBetween } from "./daily-job.ts";
import { persist, type RetryClock } from "./store-retry.ts";

// What a scheduler does about the time it did not see pass: posts left mid-send by a process that
// died, and posts due since a channel's last one that nobody made. Neither throws: a store that fails is
// logged, and start-up goes on.

/** Claims left "sending" by a process that died: logged and marked "unknown", never resent. */
export async function reportOrphans(
  store: ScheduleStore,
  now: Date,
  logger: Logger,
): Promise<void> {
  try {
    const orphans = await store.settleOrphans(new Date(now.getTime() - ORPHAN_AFTER_MS), now);
    for (const post of orphans) {
      logger.warn(
        { channel: channelKey(post), date: post.localDate, claimed: post.at },
        "post claimed but never settled (its process stopped while sending): outcome unknown; not resent",
      );
    }
  } catch (error) {
    logger.error({ err: error }, "could not check for posts left mid-send");
  }
}

export interface CatchUp {
  store: ScheduleStore;
  logger: Logger;
  graceMs: number;
  clock: RetryClock;
}

/**
 * Each channel's posts due since its last one and not made are made now (by `post`) if no later
 * than the grace period allows; older ones are recorded as skipped, with why (catchUpOne).
 */
export async function catchUp(
  { store, logger, graceMs, clock }: CatchUp,
  post: (subscription: Subscription, due: Date) => Promise<void>,
): Promise<void> {
  // A store that is down as the bot starts (a lost database connection) is tried again, with
  // backoff, for as long as a post missed now could still be made: given up at once, the posts
  // due meanwhile would be lost, since no job would fire for them until the next day.
  const read = await persist(
    "reading the schedule to catch up on missed posts",
    () => store.list(),
    clock.now().getTime() + graceMs,
    clock,
    logger,
  );
  if (!read) return;
  const subscriptions = read.value;
  const now = clock.now();
  // Started together, not one after another: the send queue keeps one channel's hung send from
  // holding up the rest (the probe saw a healthy channel caught up 499 s late).
  const posts: Promise<void>[] = [];
  for (const subscription of subscriptions) {
    // Shutdown does not wait for the rest of a catch-up.
    if (clock.stopping()) break;
    try {
      await catchUpOne(subscription, { store, logger, graceMs, clock }, now, (due) =>
        posts.push(post(subscription, due)),
      );
    } catch (error) {
      // One row croner cannot read (a time zone it does not know) does not stop the others.
      logger.error(
        { err: error, channel: channelKey(subscription) },
        "could not catch up this channel",
      );
    }
  }
  await Promise.all(posts);
}

/** How far back a restart looks for posts nobody made or recorded. */
export const LOOKBACK_MS = 31 * 86_400_000;
/** Later than this, a post made is logged as a missed one made late. */
const LATE_MS = 60_000;

/**
 * Makes (through `make`) each post that fell due since the channel's last recorded one, as long
 * as ONTHISDAY_GRACE allows, and records every older one as skipped, with why, in the post log and
 * the log: a restart, a process that stood still or a clock that jumped never loses a day
 * silently. Looks back LOOKBACK_MS at most. Used at start-up and whenever a job fires, so a job
 * that fires hours late (a suspended machine) does not post past the grace window.
 */
export async function catchUpOne(
  subscription: Subscription,
  { store, logger, graceMs, clock }: CatchUp,
  now: Date,
  make: (due: Date) => void,
): Promise<void> {
  if (subscription.paused) return;
  const log = logger.child({ channel: channelKey(subscription) });
  const dateOf = (at: Date) => isoDate(calendarDay(at, subscription.timeZone));
  const last = await persist(
    "reading the channel's last post",
    () => store.lastPost(subscription),
    now.getTime() + graceMs,
    clock,
    log,
  );
  if (!last) return;
  const today = dateOf(now);
  let lastDate = last.value?.localDate ?? "";
  if (lastDate > today) {
    // A clock set back after one that ran ahead: dates claimed then are still to come here, so
    // they are no high-water mark; each day's claim decides alone.
    log.warn({ lastDate, today }, "the post log has a date after today; was the clock set back?");
    lastDate = "";
  }
  const after = Math.max(Date.parse(subscription.since), now.getTime() - LOOKBACK_MS);
  // Reckoned back only to the last post's date (give or take a day for the zone), so a normal
  // day looks at three due times, not a month of them.
  const days = (from: number) => Math.ceil((now.getTime() - from) / 86_400_000) + 2;
  const max = Math.min(
    days(after),
    lastDate ? days(Date.parse(`${lastDate}T00:00:00Z`)) : Infinity,
  );
  // Each due time's local date, reckoned once: an Intl formatter each time.
  const open = dueBetween(subscription, new Date(after), now, max)
    .map((due) => ({ due, date: dateOf(due) }))
    .filter(({ date }) => date > lastDate);
  const missed: string[] = [];
  let recordable = true;
  for (const { due, date } of open) {
    const late = now.getTime() - due.getTime();
    if (late <= graceMs) {
      if (late > LATE_MS) log.info({ date, lateMs: late }, "making a missed post");
      make(due);
      continue;
    }
    const detail = `missed by ${Math.round(late / 60_000)} min, past ONTHISDAY_GRACE`;
    if (!recordable) continue;
    try {
      if (!(await store.claim(subscription, date, now))) continue;
      await store.settle(subscription, date, { status: "skipped", attempts: 0, detail }, now);
      missed.push(date);
    } catch (error) {
      // The store is failing: said once, not once for each day of a long outage; a post still
      // within the grace window, later in the list, is made all the same.
      log.warn(
        { err: error, from: date, graceMs },
        "not made, and the store could not record why: due more than ONTHISDAY_GRACE before the bot saw it",
      );
      recordable = false;
    }
  }
  if (missed.length > 0) {
    // Days in a row: first, last and how many, so a month's outage is one short line.
    log.warn(
      { from: missed[0], to: missed.at(-1), count: missed.length, graceMs },
      "not made: due more than ONTHISDAY_GRACE before the bot saw it (it was down, or stood still)",
    );
  }
}
