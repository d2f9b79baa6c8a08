import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyConfiguredChannels, openDailyPosts } from "../../src/schedule/daily-posts.ts";
import type { Poster } from "../../src/schedule/delivery.ts";
import type { ChannelRef, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { createTestDatabase } from "../support/postgres.ts";
import { freshStateDir } from "../support/process.ts";

// ONTHISDAY_CHANNELS made real in the store at start-up, and the daily posts of a running bot.

const news: ChannelRef = { platform: "discord", channel: "100000000000000004" };
const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const ops: ChannelRef = { platform: "slack", channel: "C0OPS0001" };
const nine = { time: "09:00", timeZone: "Europe/Oslo" };
const monday = new Date("2026-10-26T06:00:00Z");
const tuesday = new Date("2026-10-27T06:00:00Z");

const stores: ScheduleStore[] = [];
const dirs: string[] = [];

function memoryStore(): ScheduleStore {
  const store = openSqliteStore(":memory:");
  stores.push(store);
  return store;
}

async function subscribeByCommand(store: ScheduleStore, ref: ChannelRef): Promise<void> {
  await store.subscribe({
    ...ref,
    time: "07:15",
    timeZone: "America/New_York",
    origin: "command",
    by: "U0ALICE",
    since: "2026-10-01T10:00:00.000Z",
  });
}

afterEach(() => {
  vi.useRealTimers();
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("applyConfiguredChannels", () => {
  it("adds each configured channel as a config subscription at the configured time", async () => {
    const store = memoryStore();
    await applyConfiguredChannels(store, [news, team], nine, monday);
    const held = { ...nine, origin: "config", by: "ONTHISDAY_CHANNELS", failures: 0 };
    expect(await store.list()).toEqual([
      { ...news, ...held, since: monday.toISOString() },
      { ...team, ...held, since: monday.toISOString() },
    ]);
    expect(await store.changes(news)).toEqual([
      {
        ...news,
        action: "subscribe",
        by: "ONTHISDAY_CHANNELS",
        at: monday.toISOString(),
        detail: "09:00 Europe/Oslo",
      },
    ]);
  });

  it("leaves an unchanged config subscription alone, adding nothing to the log", async () => {
    const store = memoryStore();
    await applyConfiguredChannels(store, [news], nine, monday);
    await applyConfiguredChannels(store, [news], nine, tuesday);
    expect((await store.get(news))?.since).toBe(monday.toISOString());
    expect(await store.changes(news)).toHaveLength(1);
  });

  it("moves a config subscription whose time or zone changed", async () => {
    const store = memoryStore();
    await applyConfiguredChannels(store, [news, team], nine, monday);
    await applyConfiguredChannels(
      store,
      [news, team],
      { time: "07:30", timeZone: "Europe/Oslo" },
      tuesday,
    );
    expect(await store.get(news)).toMatchObject({ time: "07:30", since: tuesday.toISOString() });
    await applyConfiguredChannels(
      store,
      [news],
      { time: "07:30", timeZone: "Asia/Tokyo" },
      tuesday,
    );
    expect((await store.get(news))?.timeZone).toBe("Asia/Tokyo");
    expect((await store.changes(news)).map((c) => c.detail)).toEqual([
      "09:00 Europe/Oslo",
      "07:30 Europe/Oslo",
      "07:30 Asia/Tokyo",
    ]);
  });

  it("resumes a paused config subscription, clearing its failures", async () => {
    const store = memoryStore();
    await applyConfiguredChannels(store, [news], nine, monday);
    await store.recordFailure(news, "Missing Access", 1, monday);
    expect((await store.get(news))?.paused).toBe("Missing Access");
    await applyConfiguredChannels(store, [news], nine, tuesday);
    expect((await store.get(news))?.paused).toBeUndefined();
    expect((await store.get(news))?.failures).toBe(0);
  });

  it("removes a config subscription no longer listed, logging it against the configuration", async () => {
    const store = memoryStore();
    await applyConfiguredChannels(store, [news, team], nine, monday);
    await applyConfiguredChannels(store, [team], nine, tuesday);
    expect(await store.get(news)).toBeUndefined();
    expect(await store.get(team)).toBeDefined();
    expect((await store.changes(news)).at(-1)).toEqual({
      ...news,
      action: "unsubscribe",
      by: "ONTHISDAY_CHANNELS",
      at: tuesday.toISOString(),
    });
  });

  it("removes every config subscription when the list becomes empty", async () => {
    const store = memoryStore();
    await applyConfiguredChannels(store, [news, team], nine, monday);
    await applyConfiguredChannels(store, [], nine, tuesday);
    expect(await store.list()).toEqual([]);
  });

  it("leaves command subscriptions of channels it does not name alone", async () => {
    const store = memoryStore();
    await subscribeByCommand(store, ops);
    const before = await store.get(ops);
    await applyConfiguredChannels(store, [news], nine, monday);
    await applyConfiguredChannels(store, [], nine, tuesday);
    expect(await store.get(ops)).toEqual(before);
    expect(await store.changes(ops)).toHaveLength(1);
  });

  it("takes over a command subscription whose channel the configuration names", async () => {
    const store = memoryStore();
    await subscribeByCommand(store, ops);
    await applyConfiguredChannels(store, [ops], nine, monday);
    expect(await store.get(ops)).toMatchObject({
      ...nine,
      origin: "config",
      by: "ONTHISDAY_CHANNELS",
      since: monday.toISOString(),
    });
    expect((await store.changes(ops)).map((c) => c.by)).toEqual(["U0ALICE", "ONTHISDAY_CHANNELS"]);
  });
});

type Started = Parameters<typeof openDailyPosts>[0];

/** A bot's schedule settings around a fresh STATE_DIR that afterEach removes. */
function started(scheduler: "on" | "off", channels: readonly ChannelRef[] = [news]) {
  const dir = freshStateDir();
  dirs.push(dir);
  const log = capturedLogger();
  const config: Started["config"] = {
    STATE_DIR: dir,
    SCHEDULER: scheduler,
    ONTHISDAY_CHANNELS: [...channels],
    ONTHISDAY_TIME: "09:00",
    ONTHISDAY_GRACE: 6 * 3_600_000,
    ONTHISDAY_EMPTY: "month",
    BOT_TIMEZONE: "Europe/Oslo",
  };
  const bot: Started = { ctx: bundledContext(), config, logger: log.logger };
  return { bot, dir, log };
}

/** A Discord poster that records the channels it was asked to post to. */
function recordingPoster(): { poster: Poster; posted: string[] } {
  const posted: string[] = [];
  return { posted, poster: { post: async (channel) => void posted.push(channel) } };
}

describe("openDailyPosts", { timeout: 30_000 }, () => {
  it("subscribes the configured channels in the store at STATE_DIR", async () => {
    const { bot, dir } = started("off", [news, team]);
    const daily = await openDailyPosts(bot, new Set(["discord", "slack"]), { now: () => monday });
    expect((await daily.desk.store.list()).map((s) => s.origin)).toEqual(["config", "config"]);
    expect(daily.desk.defaults).toEqual(nine);
    await daily.stop();
    const reopened = openSqliteStore(dir);
    stores.push(reopened);
    expect(await reopened.get(team)).toMatchObject({ ...nine, origin: "config" });
  });

  it("never posts with SCHEDULER off, and says so in the log", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const { bot, log } = started("off");
    const { poster, posted } = recordingPoster();
    const daily = await openDailyPosts(bot, new Set(["discord"]), { spacingMs: 0 });
    daily.start({ discord: poster });
    await vi.advanceTimersByTimeAsync(2 * 24 * 3_600_000);
    expect(posted).toEqual([]);
    expect(await daily.desk.store.lastPost(news)).toBeUndefined();
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        part: "schedule",
        msg: "scheduler off (SCHEDULER=off): another process posts",
      }),
    );
    await daily.stop();
  });

  it("posts at the configured time with SCHEDULER on", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-10-30T07:00:00Z"));
    const { bot } = started("on");
    const { poster, posted } = recordingPoster();
    const daily = await openDailyPosts(bot, new Set(["discord"]), { spacingMs: 0 });
    daily.start({ discord: poster });
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(posted).toEqual([news.channel]);
    expect((await daily.desk.store.post(news, "2026-10-30"))?.status).toBe("sent");
    await daily.stop();
  });

  it("keeps the schedule in the PostgreSQL database STORE_URL names, and logs it without the password", async () => {
    const db = await createTestDatabase();
    try {
      const { bot, dir, log } = started("on", [news, team]);
      const url = new URL(db.url);
      url.password = "not-needed-with-trust";
      bot.config.STORE_URL = url.toString();
      const daily = await openDailyPosts(bot, new Set(["discord", "slack"]), { now: () => monday });
      daily.start({});
      const held = await db.sql<{ channel: string; origin: string }>(
        "SELECT channel, origin FROM subscriptions ORDER BY channel",
      );
      expect(held.rows).toEqual([
        { channel: news.channel, origin: "config" },
        { channel: team.channel, origin: "config" },
      ]);
      await daily.stop();
      await expect(daily.desk.store.list()).rejects.toThrow();
      expect(existsSync(join(dir, STORE_FILE))).toBe(false);
      const on = log.lines.find((line) => line.msg === "scheduler on");
      expect(on?.store).toBe(url.toString().replace("not-needed-with-trust", "***"));
      expect(JSON.stringify(log.lines)).not.toContain("not-needed-with-trust");
    } finally {
      await db.drop();
    }
  });

  it("closes the store on stop", async () => {
    const { bot } = started("off");
    const daily = await openDailyPosts(bot, new Set(["discord"]), { now: () => monday });
    daily.start({});
    await daily.stop();
    await expect(daily.desk.store.list()).rejects.toThrow(/not open/);
  });
});
