import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { calendarDay } from "../../src/core/calendar-day.ts";
import { type Poster, postNonce } from "../../src/schedule/delivery.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import {
  type ChannelRef,
  channelKey,
  isoDate,
  type Platform,
  type ScheduleStore,
  type Subscription,
} from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { mulberry32 } from "../../src/synth/random.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { dueTimes, expectedOutcome, loggedAsNotMade, seenAt } from "../support/daily-oracle.ts";

// A year of daily posts on the fake clock, per platform: the bot is restarted at random moments
// (often just before or after a post falls due, sometimes for longer than the grace window), and
// the clock jumps now and then (forward past posts, as after a suspended VM; backward, as after an
// NTP correction). Two channels each: 02:30 in Oslo falls in the spring-forward gap and is
// repeated at fall-back; 23:45 in New York sits next to midnight, where a restart makes the post
// late into the next day. The oracle asks only what the guarantee promises: each day's post is
// sent once, or, when the bot could not see its due time within ONTHISDAY_GRACE, recorded and
// logged as not made. Nothing is sent twice and nothing is missed silently.
//
// Idle hours are skipped by setting the clock forward (no due time is crossed that way); the
// minutes around each due time run timer by timer, as croner sees them.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const GRACE = 6 * HOUR;
const FROM = Date.parse("2026-01-01T00:00:00Z");
const TO = Date.parse("2027-01-01T00:00:00Z");

const index = bundledContext().index;

const channels = (
  platform: Platform,
): Array<ChannelRef & Pick<Subscription, "time" | "timeZone">> =>
  platform === "discord"
    ? [
        { platform, channel: "100000000000000004", time: "02:30", timeZone: "Europe/Oslo" },
        { platform, channel: "100000000000000006", time: "23:45", timeZone: "America/New_York" },
      ]
    : [
        { platform, channel: "C0TEAM01", time: "02:30", timeZone: "Europe/Oslo" },
        { platform, channel: "C0TEAM02", time: "23:45", timeZone: "America/New_York" },
      ];

type Action =
  | { at: number; kind: "restart"; downMs: number }
  | { at: number; kind: "jump"; byMs: number };

/** Restarts every three days or so, half of them near a due time; a clock jump every ten. */
function plan(seed: number, dues: number[]): Action[] {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low));
  const actions: Action[] = [];
  for (let day = FROM + HOUR; day < TO - 2 * 86_400_000; day += between(1, 5) * 86_400_000) {
    const near = dues[between(0, dues.length)] ?? day;
    const at = random() < 0.5 ? near + between(-30, 10) * MINUTE : day + between(0, 1440) * MINUTE;
    // Mostly a supervisor's restart; one in eight outlasts the grace window.
    const downMs = random() < 0.125 ? between(7 * 60, 40 * 60) * MINUTE : between(1, 180) * MINUTE;
    actions.push({ at, kind: "restart", downMs });
  }
  for (let day = FROM + 5 * 86_400_000; day < TO - 3 * 86_400_000; day += 10 * 86_400_000) {
    const at = day + between(0, 1440) * MINUTE;
    const byMs = random() < 0.3 ? -between(1, 180) * MINUTE : between(1, 30 * 60) * MINUTE;
    actions.push({ at, kind: "jump", byMs });
  }
  return actions.filter((a) => a.at > FROM && a.at < TO).sort((a, b) => a.at - b.at);
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.useRealTimers();
});

describe("a simulated year of daily posts", { timeout: 120_000 }, () => {
  it.each([
    ["discord", 14],
    ["slack", 41],
  ] as const)(
    "on %s: each day posted once or logged as not made, through restarts, clock jumps and both DST turns",
    async (platform, seed) => {
      vi.useFakeTimers({ now: FROM });
      const dir = mkdtempSync(join(tmpdir(), "barents-year-"));
      const subscribed = channels(platform);
      let store: ScheduleStore = openSqliteStore(dir);
      for (const { time, timeZone, ...ref } of subscribed) {
        await store.subscribe({
          ...ref,
          time,
          timeZone,
          origin: "config",
          since: new Date(FROM).toISOString(),
        });
      }

      const sent: string[] = [];
      const poster: Poster = {
        async post(_channel, _reply, nonce) {
          sent.push(nonce);
        },
      };
      const log = capturedLogger();
      const start = async () => {
        const scheduler = new Scheduler({
          store,
          index,
          posters: { [platform]: poster },
          logger: log.logger,
          graceMs: GRACE,
          empty: "say",
          sleep: async () => {},
        });
        await scheduler.start();
        return scheduler;
      };
      let scheduler = await start();
      cleanups.push(async () => {
        await scheduler.stop();
        store.close();
      });

      const allDues = subscribed.flatMap((c) => dueTimes(c, FROM, TO)).sort((a, b) => a - b);
      // Stretches in which the bot could not see the clock pass: [from, to], seen at `to`.
      const blind: Array<[number, number]> = [];

      /** Runs the clock to `target`: around each due time timer by timer, elsewhere in one step. */
      const runTo = async (target: number) => {
        for (;;) {
          const now = Date.now();
          const due = allDues.find((d) => d > now);
          if (due === undefined || due - 90_000 > target) break;
          if (due - 90_000 > now) vi.setSystemTime(due - 90_000);
          await vi.advanceTimersByTimeAsync(Math.min(due + 90_000, target) - Date.now());
          if (Date.now() >= target) return;
        }
        if (target > Date.now()) vi.setSystemTime(target);
      };

      for (const action of plan(seed, allDues)) {
        if (action.at <= Date.now()) continue;
        await runTo(action.at);
        if (action.kind === "restart") {
          await scheduler.stop();
          store.close();
          vi.setSystemTime(action.at + action.downMs);
          blind.push([action.at, action.at + action.downMs]);
          store = openSqliteStore(dir);
          scheduler = await start();
        } else {
          vi.setSystemTime(action.at + action.byMs);
          if (action.byMs > 0) blind.push([action.at, action.at + action.byMs]);
          // croner wakes at least every 30 s and reads the clock afresh.
          await vi.advanceTimersByTimeAsync(2 * MINUTE);
        }
      }
      await runTo(TO);
      await vi.advanceTimersByTimeAsync(5 * MINUTE);

      const expectations = { sent: 0, missed: 0 };
      for (const channel of subscribed) {
        const key = channelKey(channel);
        for (const due of dueTimes(channel, FROM, TO - HOUR)) {
          const date = isoDate(calendarDay(new Date(due), channel.timeZone));
          const record = await store.post(channel, date);
          const what = `${key} ${date}`;
          const expected = expectedOutcome(seenAt(blind, due) - due, GRACE);
          if (expected === "sent") {
            expect(record?.status, what).toBe("sent");
            expectations.sent += 1;
          } else if (expected === "skipped") {
            expect(record?.status, what).toBe("skipped");
            expect(record?.detail, what).toMatch(/ONTHISDAY_GRACE/);
            expect(loggedAsNotMade(log.lines, key, date), `${what} logged as not made`).toBe(true);
            expectations.missed += 1;
          } else expect(["sent", "skipped"], what).toContain(record?.status);
        }
      }
      // Every send is one day's, and no day's was sent twice.
      expect(new Set(sent).size).toBe(sent.length);
      const sentDays = new Set<string>();
      for (const channel of subscribed) {
        for (const due of dueTimes(channel, FROM, TO)) {
          const date = isoDate(calendarDay(new Date(due), channel.timeZone));
          if ((await store.post(channel, date))?.status === "sent")
            sentDays.add(postNonce(channel, date));
        }
      }
      expect(new Set(sent)).toEqual(sentDays);
      // The plan did what it is for: many posts, and some missed past the grace window.
      expect(expectations.sent).toBeGreaterThan(650);
      expect(expectations.missed).toBeGreaterThan(3);
    },
  );
});
