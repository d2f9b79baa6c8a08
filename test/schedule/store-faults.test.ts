import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCommand } from "../../src/command/run-command.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { openDailyPosts } from "../../src/schedule/daily-posts.ts";
import type { Poster } from "../../src/schedule/delivery.ts";
import type { ScheduleDesk } from "../../src/schedule/desk.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import type { ChannelRef, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { freshStateDir } from "../support/process.ts";
import { slackChannelContext, type TestDesk } from "../support/schedule.ts";
import { breakStoreFile } from "../support/store-file.ts";

// Issue 14, faults 1, 3 and 7, at the scheduler: a store that throws, a store file broken
// under a running bot, a write lock held while a post is due, and a claim orphaned by kill -9.
// None may stop the process; each is logged and visible; no post is made twice.

const index = bundledContext().index;
const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const news: ChannelRef = { platform: "discord", channel: "100000000000000004" };
const GRACE = 6 * 3_600_000;

const dirs: string[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

function stateDir(): string {
  const dir = freshStateDir();
  dirs.push(dir);
  return dir;
}

function subscribe(store: ScheduleStore, ref: ChannelRef, time = "09:00"): Promise<void> {
  return store.subscribe({
    ...ref,
    time,
    timeZone: "Europe/Oslo",
    origin: "command",
    by: "U0ALICE",
    since: "2026-01-01T00:00:00.000Z",
  });
}

function recordingPoster(): { poster: Poster; sent: string[] } {
  const sent: string[] = [];
  return { sent, poster: { post: async (channel) => void sent.push(channel) } };
}

function scheduler(store: ScheduleStore, poster: Poster, extra: Partial<SchedulerExtra> = {}) {
  const log = capturedLogger();
  const made = new Scheduler({
    store,
    index,
    posters: { slack: poster, discord: poster },
    logger: log.logger,
    graceMs: GRACE,
    empty: "say",
    sleep: async () => {},
    spacingMs: 0,
    ...extra,
  });
  cleanups.push(() => made.stop());
  return { scheduler: made, log };
}
type SchedulerExtra = ConstructorParameters<typeof Scheduler>[0];

const testDesk = (desk: ScheduleDesk): TestDesk => ({ ...desk, changes: 0 });

const messages = (lines: Array<Record<string, unknown>>) => lines.map((l) => String(l.msg));

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("fault 1: a store that cannot be read", { timeout: 30_000 }, () => {
  it("survives list() throwing in the minute's re-read, keeps its jobs and still posts", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z")); // 08:00 in Oslo
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    await subscribe(store, team);
    let broken = false;
    const flaky: ScheduleStore = new Proxy(store, {
      get(target, name, receiver) {
        // A synchronous throw, the worst a store implementation could do.
        if (name === "list" && broken)
          return () => {
            throw new Error("database disk image is malformed");
          };
        return Reflect.get(target, name, receiver);
      },
    });
    const { sent, poster } = recordingPoster();
    const { scheduler: running, log } = scheduler(flaky, poster);
    await running.start();
    broken = true;
    await vi.advanceTimersByTimeAsync(3 * 3_600_000); // past 09:00, three hours of re-reads
    expect(messages(log.lines)).toContain(
      "could not re-read the schedule; keeping the jobs as they were",
    );
    expect(sent).toEqual([team.channel]);
    expect((await store.post(team, "2026-10-30"))?.status).toBe("sent");
  });

  it("makes a post whose job it could not schedule while re-reads failed, once one works", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z")); // 08:00 in Oslo
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    let broken = false;
    const flaky: ScheduleStore = new Proxy(store, {
      get(target, name, receiver) {
        if (name === "list" && broken) return () => Promise.reject(new Error("connection lost"));
        return Reflect.get(target, name, receiver);
      },
    });
    const { sent, poster } = recordingPoster();
    const { scheduler: running } = scheduler(flaky, poster);
    await running.start();
    broken = true;
    // Another replica, which can reach the store, subscribes a channel for 08:50; this one
    // cannot re-read the schedule, so no job of its own fires then.
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    await subscribe(store, team, "08:50");
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(sent).toEqual([]);

    broken = false;
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(sent).toEqual([team.channel]);
    expect((await store.post(team, "2026-10-30"))?.status).toBe("sent");
  });

  it("turns a store file broken under the running bot into a degraded health and a plain status reply", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const dir = stateDir();
    const log = capturedLogger();
    const config = {
      STATE_DIR: dir,
      SCHEDULER: "on" as const,
      ONTHISDAY_CHANNELS: [],
      ONTHISDAY_TIME: "09:00",
      ONTHISDAY_GRACE: GRACE,
      ONTHISDAY_EMPTY: "say" as const,
      BOT_TIMEZONE: "Europe/Oslo",
    };
    const daily = await openDailyPosts(
      { ctx: bundledContext(), config, logger: log.logger },
      new Set(["slack"]),
      { spacingMs: 0 },
    );
    cleanups.push(() => daily.stop());
    await subscribe(daily.desk.store, team);
    daily.start({ slack: recordingPoster().poster });
    expect(daily.health()).toEqual({ ok: true });

    breakStoreFile(dir);
    await vi.advanceTimersByTimeAsync(2 * 60_000); // the minute's re-read meets the broken file

    const health = daily.health();
    expect(health).toMatchObject({ ok: false, reason: "database disk image is malformed" });
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 50, msg: "schedule store unavailable" }),
    );
    const status = (await runCommand(slackChannelContext(bundledContext(), testDesk(daily.desk)), {
      command: "onthisday-status",
      options: {},
    })) as Reply;
    expect(status.kind).toBe("error");
    expect(status.title).toBe("The daily-post schedule is unavailable right now.");
    expect(status.body[0]).toBe(
      "Its store cannot be read; whoever runs Barents has been told in the log.",
    );
    // Commands that touch no store are untouched by it.
    const who = runCommand(bundledContext(), { command: "who", options: { name: "huitfeldt" } });
    expect((who as Reply).kind).toBe("answer");
  });
});

describe("a store that fails while a restart accounts for missed days", { timeout: 30_000 }, () => {
  it("says so in one warning, not one per day, and still makes today's post", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T08:30:00Z")); // 09:30 in Oslo; down since the 20th
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    await store.subscribe({
      ...team,
      time: "09:00",
      timeZone: "Europe/Oslo",
      origin: "command",
      by: "U0ALICE",
      since: "2026-10-20T00:00:00.000Z",
    });
    // Recording the days past the grace window fails; today's claim, within it, works.
    const failing: ScheduleStore = new Proxy(store, {
      get(target, name, receiver) {
        if (name === "claim")
          return (ref: ChannelRef, date: string, at: Date) =>
            date < "2026-10-30"
              ? Promise.reject(new Error("database is locked"))
              : target.claim(ref, date, at);
        return Reflect.get(target, name, receiver);
      },
    });
    const { sent, poster } = recordingPoster();
    const { scheduler: running, log } = scheduler(failing, poster);
    await running.start();
    const warnings = log.lines.filter((l) => String(l.msg).includes("could not record why"));
    expect(warnings).toEqual([expect.objectContaining({ level: 40, from: "2026-10-20" })]);
    expect(sent).toEqual([team.channel]);
    expect((await store.post(team, "2026-10-30"))?.status).toBe("sent");
  });

  it("makes today's post when the post log holds a later date (a clock set back)", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T08:30:00Z")); // 09:30 in Oslo
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    await subscribe(store, team);
    // Claimed while the clock ran two days ahead.
    await store.claim(team, "2026-11-01", new Date("2026-11-01T08:00:00Z"));
    await store.settle(team, "2026-11-01", { status: "sent", attempts: 1 }, new Date());
    const { sent, poster } = recordingPoster();
    const { scheduler: running, log } = scheduler(store, poster);
    await running.start();
    expect(sent).toEqual([team.channel]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ lastDate: "2026-11-01", today: "2026-10-30" }),
    );
  });
});

describe("fault 3: a write lock held while a post is due", { timeout: 30_000 }, () => {
  function lockedFileStore() {
    const dir = stateDir();
    const store = openSqliteStore(dir, { busyWaitMs: 20 });
    const holder = new Database(join(dir, STORE_FILE));
    cleanups.push(() => {
      if (holder.inTransaction) holder.exec("ROLLBACK");
      holder.close();
      store.close();
    });
    return { store, holder };
  }

  it("retries the claim within the grace window and posts once the lock goes", async () => {
    const { store, holder } = lockedFileStore();
    await subscribe(store, team);
    holder.exec("BEGIN IMMEDIATE");
    let now = new Date("2026-10-30T08:00:00Z");
    const waits: number[] = [];
    const { sent, poster } = recordingPoster();
    const { scheduler: running, log } = scheduler(store, poster, {
      now: () => now,
      sleep: async (ms) => {
        if (ms === 0) return; // the gap between sends
        waits.push(ms);
        now = new Date(now.getTime() + ms);
        if (waits.length === 2) holder.exec("ROLLBACK"); // the other process lets go
      },
    });
    await running.postToday(team);
    expect(sent).toEqual([team.channel]);
    expect(await store.post(team, "2026-10-30")).toMatchObject({ status: "sent", attempts: 1 });
    expect(waits).toEqual([1000, 2000]);
    // Warned once; the second try is logged at debug, so a long outage does not flood the log.
    expect(
      messages(log.lines).filter((m) => m === "claiming the post failed; trying again"),
    ).toHaveLength(1);
  });

  it("gives the post up, logged with why, when the lock outlasts the grace window", async () => {
    const { store, holder } = lockedFileStore();
    await subscribe(store, team);
    holder.exec("BEGIN IMMEDIATE");
    let now = new Date("2026-10-30T08:00:00Z");
    const { sent, poster } = recordingPoster();
    const grace = 10 * 60_000;
    const { scheduler: running, log } = scheduler(store, poster, {
      graceMs: grace,
      now: () => now,
      sleep: async (ms) => {
        now = new Date(now.getTime() + ms);
      },
    });
    await running.postToday(team);
    expect(sent).toEqual([]);
    expect(now.getTime() - Date.parse("2026-10-30T08:00:00Z")).toBeLessThanOrEqual(grace);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: "claiming the post failed and the schedule store did not recover within ONTHISDAY_GRACE; given up",
      }),
    );
    holder.exec("ROLLBACK");
    expect(await store.post(team, "2026-10-30")).toBeUndefined();
  });
});

/**
 * `real`, but the first call of `method` reaches the store and its answer never comes back, as
 * when a networked store's connection drops; `calls()` counts the calls made.
 */
function losingFirstAnswer(real: ScheduleStore, method: "claim" | "recordFailure") {
  let calls = 0;
  const store = new Proxy(real, {
    get(target, name, receiver) {
      if (name !== method) return Reflect.get(target, name, receiver);
      return async (...args: unknown[]) => {
        const answer = await (target[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        if (calls++ === 0) throw new Error("Connection terminated unexpectedly");
        return answer;
      };
    },
  });
  return { store, calls: () => calls };
}

describe("a claim made but its answer lost (a networked store's connection dropping)", () => {
  it("is asked for again by the same attempt, found its own, and the post made once", async () => {
    const real = openSqliteStore(":memory:");
    cleanups.push(() => real.close());
    await subscribe(real, team);
    const { store, calls } = losingFirstAnswer(real, "claim");
    const { sent, poster } = recordingPoster();
    const { scheduler: running } = scheduler(store, poster, {
      now: () => new Date("2026-10-30T08:00:00Z"),
    });
    await running.postToday(team);
    expect(calls()).toBe(2);
    expect(sent).toEqual([team.channel]);
    expect(await real.post(team, "2026-10-30")).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("counts a failed post once when the count's answer is lost and it is asked again", async () => {
    const real = openSqliteStore(":memory:");
    cleanups.push(() => real.close());
    await subscribe(real, team);
    const { store, calls } = losingFirstAnswer(real, "recordFailure");
    const failing: Poster = {
      post: async () => {
        throw new Error("Missing Access");
      },
    };
    const { scheduler: running } = scheduler(store, failing, {
      now: () => new Date("2026-10-30T08:00:00Z"),
    });
    await running.postToday(team);
    expect(calls()).toBe(2);
    expect((await real.get(team))?.failures).toBe(1);
  });
});

describe("fault 7: a claim orphaned by kill -9", { timeout: 30_000 }, () => {
  it("is reported too when the restart came within seconds, once the claim is old enough", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T08:00:30Z"));
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    await subscribe(store, team);
    await store.claim(team, "2026-10-30", new Date("2026-10-30T08:00:00Z")); // killed mid-send
    const { sent, poster } = recordingPoster();
    const { scheduler: running, log } = scheduler(store, poster);
    await running.start();
    expect((await store.post(team, "2026-10-30"))?.status).toBe("sending");
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(sent).toEqual([]);
    expect((await store.post(team, "2026-10-30"))?.status).toBe("unknown");
    const reported = messages(log.lines).filter((m) => m.includes("outcome unknown; not resent"));
    expect(reported).toHaveLength(1);
  });

  it("is reported by a replica that was running all along, when the one that died never returns", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T06:00:00Z"));
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    await subscribe(store, team);
    const { scheduler: running, log } = scheduler(store, recordingPoster().poster);
    await running.start();
    // Hours later another replica claims a post and dies mid-send; it is scaled down, not restarted.
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    await store.claim(news, "2026-10-30", new Date());
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    expect((await store.post(news, "2026-10-30"))?.status).toBe("unknown");
    const reported = messages(log.lines).filter((m) => m.includes("outcome unknown; not resent"));
    expect(reported).toHaveLength(1);
  });

  it("is reported at start-up, marked 'outcome unknown', and never resent", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T08:10:00Z")); // 09:10 in Oslo: inside the grace window
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    await subscribe(store, team);
    await subscribe(store, news);
    // The process that claimed team's post died mid-send ten minutes ago; news's claim is a
    // minute old, as another replica's live send would be.
    await store.claim(team, "2026-10-30", new Date("2026-10-30T08:00:00Z"));
    await store.claim(news, "2026-10-30", new Date("2026-10-30T08:09:00Z"));
    const { sent, poster } = recordingPoster();
    const { scheduler: running, log } = scheduler(store, poster);
    await running.start();
    expect((await store.post(news, "2026-10-30"))?.status).toBe("sending");
    await vi.advanceTimersByTimeAsync(3_600_000);

    expect(sent).toEqual([]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        channel: "slack:C0TEAM01",
        date: "2026-10-30",
        msg: "post claimed but never settled (its process stopped while sending): outcome unknown; not resent",
      }),
    );
    expect(await store.post(team, "2026-10-30")).toMatchObject({
      status: "unknown",
      detail: "the process stopped while sending; outcome unknown, not resent",
    });

    const desk = testDesk({
      store,
      platforms: new Set(["slack"]),
      defaults: { time: "09:00", timeZone: "Europe/Oslo" },
      changed: () => {},
    });
    const status = (await runCommand(slackChannelContext(bundledContext(), desk), {
      command: "onthisday-status",
      options: {},
    })) as Reply;
    expect(status.fields.find((f) => f.name === "Last post")?.value).toMatch(
      /^2026-10-30: outcome unknown; not resent /,
    );
  });
});
