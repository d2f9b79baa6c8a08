import { dailyJob } from "../../src/schedule/daily-job.ts";
import type { Subscription } from "../../src/store/schedule-store.ts";

// What the long-run schedule tests (year.slow, replicas.slow) judge a day's post by: when it fell
// due as croner reckons it, and what the guarantee promises for it given how late the bot first
// saw that moment pass: sent once, or recorded and logged as not made past ONTHISDAY_GRACE.

/** Outcomes this close to the grace window's edge are not judged: either is right. */
export const EDGE = 5 * 60_000;

/** Every due time of a channel in (from, to], as croner reckons them. */
export function dueTimes(
  timing: Pick<Subscription, "time" | "timeZone">,
  from: number,
  to: number,
): number[] {
  const job = dailyJob(timing);
  const times: number[] = [];
  for (let at = job.nextRun(new Date(from)); at && at.getTime() <= to; at = job.nextRun(at)) {
    times.push(at.getTime());
  }
  return times;
}

/** When the bot first saw `due` pass: the end of the blind stretch holding it, or `due` itself. */
export function seenAt(blind: ReadonlyArray<readonly [number, number]>, due: number): number {
  return blind.find(([from, to]) => from < due && due <= to)?.[1] ?? due;
}

/** What a post first seen `lateMs` after it fell due must have come to. */
export function expectedOutcome(lateMs: number, graceMs: number): "sent" | "skipped" | "either" {
  if (lateMs < graceMs - EDGE) return "sent";
  if (lateMs > graceMs + EDGE) return "skipped";
  return "either";
}

/** Whether a log line says `date`'s post in channel `key` was not made (alone or in a run). */
export function loggedAsNotMade(
  lines: ReadonlyArray<Record<string, unknown>>,
  key: string,
  date: string,
): boolean {
  return lines.some(
    (line) =>
      line.channel === key &&
      (line.date === date || (String(line.from) <= date && date <= String(line.to))),
  );
}
