import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

// A post that is due the moment a bot process starts, without waiting on the wall clock: the
// channel is subscribed (since yesterday) to a time a few minutes ago, so start-up's catch-up
// makes it at once, within ONTHISDAY_GRACE. A child process cannot be given a fake clock, so
// the time is chosen against the real one.

/**
 * A fixed-offset zone where it is about noon now, so "a few minutes ago" is earlier today in
 * it whatever hour the test runs at (never yesterday, as it would be just after midnight).
 */
export function noonZone(now = new Date()): string {
  const west = now.getUTCHours() - 12; // Etc/GMT+N is N hours west of UTC (POSIX signs)
  if (west === 0) return "Etc/GMT";
  return west > 0 ? `Etc/GMT+${west}` : `Etc/GMT${west}`;
}

/** "HH:MM" in `timeZone` at `at`. */
export function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/**
 * Subscribes `channels` in the store under `stateDir` (creating it) to a time `minutesAgo`
 * minutes before now; the store is closed again before the bot opens it.
 */
export async function seedDuePosts(
  stateDir: string,
  channels: readonly ChannelRef[],
  minutesAgo = 2,
): Promise<void> {
  const now = new Date();
  const timeZone = noonZone(now);
  const time = localTime(new Date(now.getTime() - minutesAgo * 60_000), timeZone);
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const store = openSqliteStore(stateDir);
  try {
    for (const ref of channels) {
      await store.subscribe({ ...ref, time, timeZone, origin: "command", by: "U0SEED", since });
    }
  } finally {
    store.close();
  }
}
