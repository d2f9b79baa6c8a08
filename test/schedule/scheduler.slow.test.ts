import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Poster, PostFailure, postNonce } from "../../src/schedule/delivery.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import {
  type ChannelRef,
  channelKey,
  type Platform,
  type ScheduleStore,
  type Subscription,
} from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";

// The scheduler on a controlled clock: vitest's fake timers drive croner and Date alike, so a
// day (or a daylight-saving turn) passes in milliseconds.

const index = bundledContext().index;

interface Sent {
  platform: Platform;
  channel: string;
  nonce: string;
  title: string;
  at: string;
}

/** Posters that record each send; `fail` decides, per attempt, whether one throws instead. */
function recordingPosters(
  fail: (channel: string, attempt: number) => Error | undefined = () => undefined,
) {
  const sent: Sent[] = [];
  const attempts = new Map<string, number>();
  const poster = (platform: Platform): Poster => ({
    async post(channel, reply, nonce) {
      const attempt = (attempts.get(channel) ?? 0) + 1;
      attempts.set(channel, attempt);
      const error = fail(channel, attempt);
      if (error) throw error;
      sent.push({ platform, channel, nonce, title: reply.title, at: new Date().toISOString() });
    },
  });
  return { sent, attempts, posters: { discord: poster("discord"), slack: poster("slack") } };
}

const stores: ScheduleStore[] = [];
const schedulers: Scheduler[] = [];

function memoryStore(): ScheduleStore {
  const store = openSqliteStore(":memory:");
  stores.push(store);
  return store;
}

async function subscribe(
  store: ScheduleStore,
  ref: ChannelRef,
  time: string,
  timeZone: string,
  since = "2026-01-01T00:00:00Z",
): Promise<void> {
  await store.subscribe({ ...ref, time, timeZone, origin: "command", by: "U0ALICE", since });
}

function scheduler(
  store: ScheduleStore,
  posters: Partial<Record<Platform, Poster>>,
  extra: Partial<ConstructorParameters<typeof Scheduler>[0]> = {},
) {
  const log = capturedLogger();
  const made = new Scheduler({
    store,
    index,
    posters,
    logger: log.logger,
    graceMs: 6 * 3_600_000,
    empty: "month",
    sleep: async () => {},
    ...extra,
  });
  schedulers.push(made);
  return { scheduler: made, log };
}

/** Moves the fake clock to `iso`, running every timer due on the way. */
async function until(iso: string): Promise<void> {
  await vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());
}

const news: ChannelRef = { platform: "discord", channel: "100000000000000004" };
const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  for (const s of stores.splice(0)) s.close();
  vi.useRealTimers();
});

describe("posting at the local time", { timeout: 30_000 }, () => {
  it("posts once a day at the channel's time, with the day's note", async () => {
    vi.setSystemTime(new Date("2026-10-29T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    await scheduler(store, posters).scheduler.start();
    await until("2026-10-31T12:00:00Z");
    expect(sent.map((s) => [s.at, s.title])).toEqual([
      ["2026-10-29T08:00:00.000Z", "This month in history: October"],
      ["2026-10-30T08:00:00.000Z", "On this day: 30 October"],
      ["2026-10-31T08:00:00.000Z", "This month in history: October"],
    ]);
    expect(await store.post(news, "2026-10-30")).toMatchObject({ status: "sent", attempts: 1 });
  });

  it.each([
    // [zone, time, from, to, the instants it posts at]
    [
      "Europe/Oslo",
      "02:30",
      "2026-03-28T12:00:00Z",
      "2026-03-30T12:00:00Z",
      ["2026-03-29T01:00:00.000Z", "2026-03-30T00:30:00.000Z"],
    ],
    [
      "Europe/Oslo",
      "02:30",
      "2026-10-24T12:00:00Z",
      "2026-10-26T12:00:00Z",
      ["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"],
    ],
    [
      "America/New_York",
      "02:30",
      "2026-03-07T12:00:00Z",
      "2026-03-09T12:00:00Z",
      ["2026-03-08T07:00:00.000Z", "2026-03-09T06:30:00.000Z"],
    ],
    [
      "America/New_York",
      "01:30",
      "2026-10-31T12:00:00Z",
      "2026-11-02T12:00:00Z",
      ["2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"],
    ],
  ])(
    "in %s at %s posts once per local day across the turn after %s",
    async (zone, time, from, to, expected) => {
      vi.setSystemTime(new Date(from));
      const store = memoryStore();
      // Subscribed at `from`: that day's earlier time is not a missed post to catch up.
      await subscribe(store, team, time, zone, from);
      const { sent, posters } = recordingPosters();
      // "say": a day with nothing recorded still posts, so every day shows.
      await scheduler(store, posters, { empty: "say" }).scheduler.start();
      await until(to);
      expect(sent.map((s) => s.at)).toEqual(expected);
    },
  );

  it("picks up a subscription made after start once told the store changed", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    const { sent, posters } = recordingPosters();
    const { scheduler: running } = scheduler(store, posters);
    await running.start();
    await subscribe(store, team, "09:00", "Europe/Oslo", "2026-10-30T07:00:00Z");
    await running.sync();
    await until("2026-10-30T09:00:00Z");
    expect(sent.map((s) => s.channel)).toEqual([team.channel]);
  });

  it("reads the store again each minute, so another replica's change reaches it", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    const { sent, posters } = recordingPosters();
    await scheduler(store, posters).scheduler.start();
    await subscribe(store, team, "09:00", "Europe/Oslo", "2026-10-30T07:00:00Z");
    await until("2026-10-30T09:00:00Z");
    expect(sent).toHaveLength(1);
  });

  it("stops posting to a channel unsubscribed", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    const { scheduler: running } = scheduler(store, posters);
    await running.start();
    await store.unsubscribe(team, "U0ALICE", new Date());
    await running.sync();
    await until("2026-10-31T12:00:00Z");
    expect(sent).toEqual([]);
  });
});

// A simulated day takes about a second: croner wakes at least every 30 s.
describe("exactly once across restarts and replicas", { timeout: 30_000 }, () => {
  it("does not post again after a restart later the same day", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    const first = scheduler(store, posters).scheduler;
    await first.start();
    await until("2026-10-30T10:00:00Z");
    await first.stop();
    await scheduler(store, posters).scheduler.start();
    await until("2026-10-31T12:00:00Z");
    expect(sent.map((s) => s.at)).toEqual(["2026-10-30T08:00:00.000Z", "2026-10-31T08:00:00.000Z"]);
  });

  it("makes a post missed while down when it is within ONTHISDAY_GRACE", async () => {
    vi.setSystemTime(new Date("2026-10-30T13:30:00Z")); // 14:30 in Oslo, 5.5 h late
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    const { scheduler: running, log } = scheduler(store, posters);
    await running.start();
    expect(sent.map((s) => [s.at, s.title])).toEqual([
      ["2026-10-30T13:30:00.000Z", "On this day: 30 October"],
    ]);
    expect(log.lines).toContainEqual(expect.objectContaining({ msg: "making a missed post" }));
  });

  it("catches up every channel at once: one whose send hangs does not hold up the others", async () => {
    vi.setSystemTime(new Date("2026-10-30T13:30:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    await subscribe(store, team, "09:00", "Europe/Oslo");
    let answer = () => {};
    const sent: string[] = [];
    const hung: Poster = {
      post: () => new Promise<void>((resolve) => (answer = resolve)),
    };
    const healthy: Poster = { post: async (channel) => void sent.push(channel) };
    const catchUp = scheduler(store, { discord: hung, slack: healthy }).scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    // Under the one queue, Slack's catch-up waited for Discord's send to end.
    expect(sent).toEqual([team.channel]);
    expect((await store.post(news, "2026-10-30"))?.status).toBe("sending");
    answer();
    await catchUp;
    expect((await store.post(news, "2026-10-30"))?.status).toBe("sent");
  });

  it("skips, and logs, a post missed by more than the grace period", async () => {
    vi.setSystemTime(new Date("2026-10-30T14:30:00Z")); // 6.5 h late
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo", "2026-10-29T12:00:00Z");
    const { sent, posters } = recordingPosters();
    const { scheduler: running, log } = scheduler(store, posters);
    await running.start();
    expect(sent).toEqual([]);
    expect(await store.post(news, "2026-10-30")).toMatchObject({
      status: "skipped",
      detail: "missed by 390 min, past ONTHISDAY_GRACE",
    });
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        from: "2026-10-30",
        to: "2026-10-30",
        count: 1,
        msg: expect.stringMatching(/^not made/),
      }),
    );
    await until("2026-10-31T12:00:00Z");
    expect(sent.map((s) => s.at)).toEqual(["2026-10-31T08:00:00.000Z"]);
  });

  it("does not make a post past its grace window, or one due before the channel subscribed", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z")); // 08:00 in Oslo: today's 09:00 is ahead
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo", "2026-10-28T12:00:00Z"); // 22 h ago: too late
    await subscribe(store, team, "07:30", "Europe/Oslo", "2026-10-30T06:45:00Z"); // subscribed after it
    const { sent, posters } = recordingPosters();
    await scheduler(store, posters).scheduler.start();
    expect(sent).toEqual([]);
    expect(await store.post(news, "2026-10-29")).toMatchObject({ status: "skipped" });
    expect(await store.post(news, "2026-10-28")).toBeUndefined(); // before it subscribed
    expect(await store.post(team, "2026-10-30")).toBeUndefined();
  });

  it("makes a post due just before midnight after a restart just after it, for the day it was due", async () => {
    vi.setSystemTime(new Date("2026-06-11T04:30:00Z")); // 00:30 in New York
    const store = memoryStore();
    await subscribe(store, team, "23:45", "America/New_York");
    const { sent, posters } = recordingPosters();
    const { scheduler: running, log } = scheduler(store, posters, { empty: "say" });
    await running.start();
    expect(sent.map((s) => [s.at, s.title])).toEqual([
      ["2026-06-11T04:30:00.000Z", "On this day: 10 June"],
    ]);
    expect(await store.post(team, "2026-06-10")).toMatchObject({ status: "sent" });
    expect(log.lines).toContainEqual(
      expect.objectContaining({ msg: "making a missed post", date: "2026-06-10" }),
    );
  });

  it("records every day a long outage missed, in the post log and in one warning", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo", "2026-10-20T12:00:00Z");
    await store.claim(news, "2026-10-25", new Date("2026-10-25T08:00:00Z"));
    await store.settle(news, "2026-10-25", { status: "sent", attempts: 1 }, new Date());
    const { sent, posters } = recordingPosters();
    const { scheduler: running, log } = scheduler(store, posters);
    await running.start();
    expect(sent).toEqual([]);
    const missed = ["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"];
    for (const date of missed) {
      expect(await store.post(news, date)).toMatchObject({ status: "skipped", attempts: 0 });
    }
    // Days before the last post are its process's to account for, not looked at again.
    expect(await store.post(news, "2026-10-24")).toBeUndefined();
    expect(log.lines.filter((l) => l.count)).toEqual([
      expect.objectContaining({ channel: channelKey(news), from: "2026-10-26", to: "2026-10-29" }),
    ]);
  });

  it("posts once between two schedulers sharing one store file", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const dir = mkdtempSync(join(tmpdir(), "barents-two-"));
    const one = openSqliteStore(dir);
    const two = openSqliteStore(dir);
    stores.push(one, two);
    await subscribe(one, news, "09:00", "Europe/Oslo");
    await subscribe(one, team, "09:00", "Europe/Oslo");
    const a = recordingPosters();
    const b = recordingPosters();
    await scheduler(one, a.posters).scheduler.start();
    await scheduler(two, b.posters).scheduler.start();
    await until("2026-10-31T12:00:00Z");
    const all = [...a.sent, ...b.sent].map((s) => `${s.channel} ${s.at}`).sort();
    expect(all).toEqual([
      `${news.channel} 2026-10-30T08:00:00.000Z`,
      `${news.channel} 2026-10-31T08:00:00.000Z`,
      `${team.channel} 2026-10-30T08:00:00.000Z`,
      `${team.channel} 2026-10-31T08:00:00.000Z`,
    ]);
  });

  it("keeps claims waiting in a long send queue alive: a replica starting meanwhile does not call them orphans", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    const channels = Array.from({ length: 8 }, (_, i) => ({
      platform: "discord" as const,
      channel: `10000000000000010${i}`,
    }));
    for (const ref of channels) await subscribe(store, ref, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    // One send a minute: the last of eight claimed at 09:00 goes out at 09:07, after its claim
    // is older than ORPHAN_AFTER_MS (5 min).
    const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const queued = { concurrency: 1, spacingMs: 60_000, sleep: wait };
    await scheduler(store, posters, queued).scheduler.start();
    await until("2026-10-30T08:06:00Z");
    expect(sent).toHaveLength(7);
    const { scheduler: starting, log } = scheduler(store, {});
    await starting.start();
    await until("2026-10-30T08:10:00Z");

    expect(sent.map((s) => s.channel).sort()).toEqual(channels.map((c) => c.channel).sort());
    for (const ref of channels) {
      expect((await store.post(ref, "2026-10-30"))?.status).toBe("sent");
    }
    expect(log.lines.filter((l) => /never settled/.test(String(l.msg)))).toEqual([]);
  });

  it("leaves a platform it cannot post to for another process", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { posters } = recordingPosters();
    await scheduler(store, { slack: posters.slack }).scheduler.start();
    await until("2026-10-30T09:00:00Z");
    expect(await store.post(news, "2026-10-30")).toBeUndefined();
  });
});

describe("failures", { timeout: 30_000 }, () => {
  it("retries a send whose outcome is unknown, with the same nonce and growing waits", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const nonces: string[] = [];
    const waits: number[] = [];
    let calls = 0;
    const flaky: Poster = {
      async post(_channel, _reply, nonce) {
        nonces.push(nonce);
        calls += 1;
        if (calls < 3) throw new PostFailure("Discord did not answer", true);
      },
    };
    const { scheduler: running } = scheduler(
      store,
      { discord: flaky },
      {
        sleep: async (ms) => void waits.push(ms),
        spacingMs: 0,
      },
    );
    await running.start();
    await until("2026-10-30T09:00:00Z");
    expect(nonces).toEqual([
      postNonce(news, "2026-10-30"),
      postNonce(news, "2026-10-30"),
      postNonce(news, "2026-10-30"),
    ]);
    expect(postNonce(news, "2026-10-30")).toHaveLength(25);
    expect(waits.filter((ms) => ms > 0)).toEqual([2000, 8000]);
    expect(await store.post(news, "2026-10-30")).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("waits as long as a rate limit asks before the retry", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const waits: number[] = [];
    let calls = 0;
    const limited: Poster = {
      async post() {
        calls += 1;
        if (calls === 1) throw new PostFailure("Slack rate limit", true, 30_000);
      },
    };
    await scheduler(
      store,
      { slack: limited },
      { sleep: async (ms) => void waits.push(ms), spacingMs: 0 },
    ).scheduler.start();
    await until("2026-10-30T09:00:00Z");
    expect(waits.filter((ms) => ms > 0)).toEqual([30_000]);
    expect(calls).toBe(2);
  });

  it("does not retry a refusal, and one channel's failure leaves the others posting", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const { sent, attempts, posters } = recordingPosters((channel) =>
      channel === news.channel
        ? new PostFailure("Discord refused: Missing Access (code 50001)", false)
        : undefined,
    );
    const { scheduler: running, log } = scheduler(store, posters);
    await running.start();
    await until("2026-10-30T09:00:00Z");
    expect(sent.map((s) => s.channel)).toEqual([team.channel]);
    expect(attempts.get(news.channel)).toBe(1);
    expect(await store.post(news, "2026-10-30")).toMatchObject({
      status: "failed",
      detail: "Discord refused: Missing Access (code 50001)",
    });
    expect((await store.get(news))?.failures).toBe(1);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ msg: "post failed", channel: `discord:${news.channel}` }),
    );
  });

  it("pauses a channel after three failed days in a row, says why, and posts elsewhere still", {
    timeout: 30_000,
  }, async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const { sent, attempts, posters } = recordingPosters((channel) =>
      channel === news.channel
        ? new PostFailure("Discord refused: Unknown Channel (code 10003)", false)
        : undefined,
    );
    // "say": November has no events, and a skipped day is neither a failure nor a success.
    const { scheduler: running, log } = scheduler(store, posters, { empty: "say" });
    await running.start();
    await until("2026-11-03T12:00:00Z");
    expect(attempts.get(news.channel)).toBe(3);
    expect((await store.get(news))?.paused).toBe("Discord refused: Unknown Channel (code 10003)");
    expect((await store.changes(news)).map((c) => c.action)).toEqual(["subscribe", "pause"]);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        msg: "subscription paused",
        reason: "Discord refused: Unknown Channel (code 10003)",
      }),
    );
    expect(sent.filter((s) => s.channel === team.channel)).toHaveLength(5);
  });

  it("claims nothing once stopped, so a restart within the grace period can still post", async () => {
    vi.setSystemTime(new Date("2026-10-30T08:30:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    const { scheduler: stopped } = scheduler(store, posters);
    await stopped.stop();
    await stopped.postToday(news);
    expect(await store.post(news, "2026-10-30")).toBeUndefined();
    await scheduler(store, posters).scheduler.start();
    expect(sent.map((s) => s.channel)).toEqual([news.channel]);
  });

  it("does not post past the grace window when its job fires hours late (a machine suspended)", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    const { scheduler: running, log } = scheduler(store, posters);
    await running.start();
    // The machine sleeps at 08:30 local and wakes at 15:30: croner's timer fires then.
    await until("2026-10-30T07:30:00Z");
    vi.setSystemTime(new Date("2026-10-30T14:30:00Z"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
    expect(await store.post(news, "2026-10-30")).toMatchObject({
      status: "skipped",
      detail: expect.stringMatching(/^missed by 39\d min, past ONTHISDAY_GRACE$/),
    });
    expect(log.lines).toContainEqual(expect.objectContaining({ from: "2026-10-30", count: 1 }));
    await until("2026-10-31T12:00:00Z");
    expect(sent.map((s) => s.at)).toEqual(["2026-10-31T08:00:00.000Z"]);
  });

  it("makes a post late, once, when its job fires late but within the grace window", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    await scheduler(store, posters).scheduler.start();
    await until("2026-10-30T07:30:00Z");
    vi.setSystemTime(new Date("2026-10-30T09:30:00Z")); // two hours forward, past 09:00
    await vi.advanceTimersByTimeAsync(60_000);
    vi.setSystemTime(new Date("2026-10-30T07:45:00Z")); // and back again, before it
    await until("2026-10-30T12:00:00Z");
    expect(sent.map((s) => s.at)).toEqual(["2026-10-30T09:30:30.000Z"]);
  });

  it("counts a thrown error that is not a PostFailure as a failure, without crashing", async () => {
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Europe/Oslo");
    const broken: Poster = {
      async post() {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    await scheduler(store, { discord: broken }).scheduler.start();
    await until("2026-10-30T09:00:00Z");
    expect(await store.post(news, "2026-10-30")).toMatchObject({ status: "failed", attempts: 1 });
  });
});

describe("what a day without events posts", { timeout: 30_000 }, () => {
  // 12 April has no day-precision event, but April has some; find a month with none below.
  it("posts this month in history under ONTHISDAY_EMPTY=month", async () => {
    vi.setSystemTime(new Date("2026-04-12T06:00:00Z"));
    const store = memoryStore();
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    await scheduler(store, posters).scheduler.start();
    await until("2026-04-12T09:00:00Z");
    expect(sent.map((s) => s.title)).toEqual(["This month in history: April"]);
  });

  it("posts nothing under ONTHISDAY_EMPTY=skip, and records the day as skipped", async () => {
    vi.setSystemTime(new Date("2026-04-12T06:00:00Z"));
    const store = memoryStore();
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    await scheduler(store, posters, { empty: "skip" }).scheduler.start();
    await until("2026-04-12T09:00:00Z");
    expect(sent).toEqual([]);
    expect(await store.post(team, "2026-04-12")).toMatchObject({
      status: "skipped",
      detail: "nothing recorded for this day",
    });
    const sub: Subscription | undefined = await store.get(team);
    expect(sub?.failures).toBe(0);
  });
});

describe("a stored row croner cannot read", { timeout: 30_000 }, () => {
  it("is logged and skipped; every other channel is still scheduled and caught up", async () => {
    // 09:30 in Oslo: the 09:00 post is half an hour late, well within the grace period.
    vi.setSystemTime(new Date("2026-10-30T08:30:00Z"));
    const store = memoryStore();
    await subscribe(store, news, "09:00", "Mars/Olympus_Mons");
    await subscribe(store, team, "09:00", "Europe/Oslo");
    const { sent, posters } = recordingPosters();
    const { scheduler: s, log } = scheduler(store, posters);
    await s.start();
    expect(sent.map((x) => x.channel)).toEqual([team.channel]);
    const lines = log.lines.map((l) => l.msg);
    expect(lines).toContain("could not schedule this channel");
    expect(lines).toContain("could not catch up this channel");
    // And tomorrow's post for the readable row comes at its time.
    await until("2026-10-31T08:00:30Z");
    expect(sent.map((x) => x.channel)).toEqual([team.channel, team.channel]);
  });
});
