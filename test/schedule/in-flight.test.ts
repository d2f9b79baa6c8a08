import { afterEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/logger.ts";
import type { Poster } from "../../src/schedule/delivery.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import type { ChannelRef, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";

// A stop with a deadline (SHUTDOWN_LIMIT): what is still sending when it runs out is recorded
// as failed by the stop itself, and the send's own late outcome is not recorded over it.

const news: ChannelRef = { platform: "discord", channel: "100000000000000004" };

/** A store with one channel subscribed at 09:00 in Oslo, on a fake clock at 09:00 that day. */
async function subscribedStore(): Promise<ScheduleStore> {
  vi.useFakeTimers({ now: new Date("2026-10-30T08:00:00Z") });
  const store = openSqliteStore(":memory:");
  await store.subscribe({
    ...news,
    time: "09:00",
    timeZone: "Europe/Oslo",
    origin: "config",
    since: "2026-10-01T00:00:00Z",
  });
  return store;
}

/** A scheduler posting to Discord through `poster`, with six hours' grace. */
function discordScheduler(store: ScheduleStore, poster: Poster, logger: Logger): Scheduler {
  return new Scheduler({
    store,
    index: bundledContext().index,
    posters: { discord: poster },
    logger,
    graceMs: 6 * 3_600_000,
    empty: "say",
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Scheduler.stop(drainMs)", () => {
  it("records a send still hanging at the deadline as failed, and ignores its later outcome", async () => {
    const store = await subscribedStore();
    let answer: () => void = () => {};
    const poster: Poster = { post: () => new Promise<void>((resolve) => (answer = resolve)) };
    const log = capturedLogger();
    const scheduler = discordScheduler(store, poster, log.logger);
    const posting = scheduler.postToday(news);
    await vi.advanceTimersByTimeAsync(10);
    expect(await store.post(news, "2026-10-30")).toMatchObject({ status: "sending" });

    const stopped = scheduler.stop(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await stopped;
    expect(await store.post(news, "2026-10-30")).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(/^cut off by shutdown after 1 s while being sent/),
    });
    expect(log.lines).toContainEqual(expect.objectContaining({ msg: "post not made" }));

    answer();
    await posting;
    expect((await store.post(news, "2026-10-30"))?.status).toBe("failed");
    store.close();
  });

  it("waits for sends that end in time, recording them as they ended", async () => {
    const store = await subscribedStore();
    const poster: Poster = { post: () => new Promise<void>((resolve) => setTimeout(resolve, 500)) };
    const scheduler = discordScheduler(store, poster, capturedLogger().logger);
    void scheduler.postToday(news);
    await vi.advanceTimersByTimeAsync(10);
    const stopped = scheduler.stop(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await stopped;
    expect(await store.post(news, "2026-10-30")).toMatchObject({ status: "sent" });
    store.close();
  });

  it("leaves a post whose own outcome is being written to that write, even when it is stuck", async () => {
    const store = await subscribedStore();
    // The send works; writing how it ended waits on a lock that outlasts the stop.
    const stuck: ScheduleStore = new Proxy(store, {
      get(target, name, receiver) {
        if (name === "settle") return () => new Promise<void>(() => {});
        return Reflect.get(target, name, receiver);
      },
    });
    const log = capturedLogger();
    const scheduler = discordScheduler(stuck, { post: async () => {} }, log.logger);
    void scheduler.postToday(news);
    await vi.advanceTimersByTimeAsync(10);
    const stopped = scheduler.stop(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await stopped;
    // Not written over as "cut off … may have arrived": it did arrive. Left claimed, so no
    // restart resends it, and the next start reports it.
    expect(log.lines.some((l) => String(l.reason).startsWith("cut off by shutdown"))).toBe(false);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: expect.stringMatching(/^stopping before this post/),
      }),
    );
    expect(await store.post(news, "2026-10-30")).toMatchObject({ status: "sending" });
    store.close();
  });
});
