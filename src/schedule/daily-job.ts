import { Cron } from "croner";
import { calendarDay } from "../core/calendar-day.ts";
import { isoDate, type Subscription } from "../store/schedule-store.ts";
import { dailyPattern } from "./daily-time.ts";

// croner keeps the clock for every subscription, in the subscription's own IANA zone: a time in
// the spring-forward gap runs at the first valid moment after it, and a time repeated at
// fall-back runs once. Nothing here does zone arithmetic of its own.

type Timing = Pick<Subscription, "time" | "timeZone">;

/** A croner job for a subscription's daily time; without `run`, a paused one for reckoning. */
export function dailyJob(subscription: Timing, run?: () => void): Cron {
  const pattern = dailyPattern(subscription.time);
  const options = { timezone: subscription.timeZone, paused: run === undefined };
  return run ? new Cron(pattern, options, run) : new Cron(pattern, options);
}

/** When a subscription posts next, after `from`; null when it is paused. */
export function nextPost(subscription: Timing & { paused?: string }, from: Date): Date | null {
  if (subscription.paused) return null;
  return dailyJob(subscription).nextRun(from);
}

/** The last time it was due at or before `at`, if any. */
export function lastDue(subscription: Timing, at: Date): Date | undefined {
  return dailyJob(subscription).previousRuns(1, justAfter(at))[0];
}

/** The times it fell due in (after, until], oldest first; at most the latest `max` of them. */
export function dueBetween(subscription: Timing, after: Date, until: Date, max: number): Date[] {
  return dailyJob(subscription)
    .previousRuns(max, justAfter(until))
    .filter((at) => at.getTime() > after.getTime())
    .reverse();
}

/** When it was last due, if that was earlier today as its own zone reckons the day of `now`. */
export function dueToday(subscription: Timing, now: Date): Date | undefined {
  const due = lastDue(subscription, now);
  const day = (at: Date) => isoDate(calendarDay(at, subscription.timeZone));
  return due && day(due) === day(now) ? due : undefined;
}

/** croner's previousRuns counts runs strictly before its reference; a job reads the clock as it fires, at its run's very instant. */
const justAfter = (at: Date) => new Date(at.getTime() + 1);
