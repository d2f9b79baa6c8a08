import type { Logger } from "../logger.ts";
import type { ChannelRef, Platform, PostOutcome, ScheduleStore } from "../store/schedule-store.ts";
import { persist, type RetryClock } from "./store-retry.ts";

// How a claimed post ended, written to the post log: sent (the failure count reset), failed
// (counted towards pausing the channel), nothing to post, or, at shutdown, never sent (the claim
// given back for the next start) or cut short (not the channel's fault, so not counted).

/** How one post's turn ended, for the metrics: no channel, so it can be a label set. */
export interface PostTurn {
  platform: Platform;
  /** sent, failed, skipped (nothing that day), or stopped (cut short by shutdown). */
  outcome: "sent" | "failed" | "skipped" | "stopped";
  /** How long after its due time a sent post went out. */
  lagMs?: number;
}

/** However late the send ended, its outcome gets this long to reach the store. */
const SETTLE_PATIENCE_MS = 10 * 60_000;

export interface Recording {
  store: ScheduleStore;
  clock: RetryClock;
  log: Logger;
  /** Failed posts in a row after which a subscription is paused. */
  pauseAfter: number;
}

/** Stores how a claimed post ended, and counts a failure towards pausing the channel. */
export async function recordOutcome(
  { store, clock, log, pauseAfter }: Recording,
  ref: ChannelRef,
  date: string,
  outcome: PostOutcome,
  deadline: number,
): Promise<void> {
  const stopped = clock.stopping();
  // The outcome is worth recording however late the send ended, and even while stopping.
  const until = Math.max(deadline, clock.now().getTime() + SETTLE_PATIENCE_MS);
  const settle = <T>(what: string, step: () => Promise<T>) =>
    persist(what, step, until, clock, log, true);
  if (stopped && outcome.status === "failed" && outcome.attempts === 0) {
    // Never sent: the claim is given back, so a restart within the grace window makes the post.
    await settle("giving the claim back", () => store.release(ref, date));
    log.info("not sent: the bot stopped before its turn; left for the next start");
    return;
  }
  await settle("recording the outcome", () => store.settle(ref, date, outcome, clock.now()));
  if (outcome.status === "sent") {
    await settle("resetting the failure count", () => store.recordSuccess(ref));
    log.info({ attempts: outcome.attempts }, "posted");
  } else if (outcome.status === "failed" && stopped) {
    // Cut short by shutdown: not the channel's fault, so it does not count towards a pause.
    log.warn({ attempts: outcome.attempts, reason: outcome.detail }, "post not made");
  } else if (outcome.status === "failed") {
    const counted = await settle("counting the failure", () =>
      store.recordFailure(ref, outcome.detail ?? "failed", pauseAfter, clock.now(), date),
    );
    const after = counted?.value;
    log.warn({ attempts: outcome.attempts, reason: outcome.detail }, "post failed");
    if (after?.paused)
      log.warn({ reason: after.paused, failures: after.failures }, "subscription paused");
  } else log.info({ reason: outcome.detail }, "nothing to post");
}
