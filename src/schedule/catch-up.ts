import { calendarDay } from "../core/calendar-day.ts";
import type { Logger } from "../logger.ts";
import {
  channelKey,
  isoDate,
  ORPHAN_AFTER_MS,
  type ScheduleStore,
  type Subscription,
} from "../store/schedule-store.ts";
import { dueToday } from "./daily-job.ts";
import { persist, type RetryClock } from "./store-retry.ts";

// What a scheduler does about the time it was not running: posts left mid-send by a process that
// died, and posts due earlier today that nobody made. Neither throws: a store that fails is
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
 * A post due earlier today and not made is made now (by `post`) if it is no later than the
 * grace period allows; an older one is recorded as skipped, with why.
 */
export async function catchUp(
  { store, logger, graceMs, clock }: CatchUp,
  post: (subscription: Subscription, due: Date) => Promise<void>,
): Promise<void> {
  const now = clock.now();
  let subscriptions: Subscription[];
  try {
    subscriptions = await store.list();
  } catch (error) {
    logger.error({ err: error }, "could not read the schedule to catch up on missed posts");
    return;
  }
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

/** Catch-up for one subscription: makes its missed post (through `make`) or records it skipped. */
async function catchUpOne(
  subscription: Subscription,
  { store, logger, graceMs, clock }: CatchUp,
  now: Date,
  make: (due: Date) => void,
): Promise<void> {
  if (subscription.paused) return;
  const due = dueToday(subscription, now);
  if (!due) return;
  const today = isoDate(calendarDay(now, subscription.timeZone));
  if (Date.parse(subscription.since) > due.getTime()) return;
  const late = now.getTime() - due.getTime();
  const log = logger.child({ channel: channelKey(subscription), date: today });
  if (late <= graceMs) {
    const deadline = due.getTime() + graceMs;
    const made = await persist(
      "checking for a missed post",
      () => store.post(subscription, today),
      deadline,
      clock,
      log,
    );
    if (made && !made.value) {
      log.info({ lateMs: late }, "making a missed post");
      make(due);
    }
    return;
  }
  const detail = `missed by ${Math.round(late / 60_000)} min, past ONTHISDAY_GRACE`;
  try {
    if (await store.post(subscription, today)) return;
    if (!(await store.claim(subscription, today, now))) return;
    await store.settle(subscription, today, { status: "skipped", attempts: 0, detail }, now);
    log.info(`post skipped: ${detail}`);
  } catch (error) {
    log.warn({ err: error }, `post skipped (${detail}); the store could not record why`);
  }
}
