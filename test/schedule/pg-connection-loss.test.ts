import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type DailyPosts, openDailyPosts } from "../../src/schedule/daily-posts.ts";
import type { Poster } from "../../src/schedule/delivery.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/postgres.ts";
import { freshStateDir } from "../support/process.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";

// PostgreSQL's connection lost while the bot runs (issue 16): the store is reached through a
// loopback proxy the test cuts, every open connection reset and new ones refused, as a network
// partition or a server restart looks to the bot. A post falls due meanwhile. The store says it
// is down (what /healthz and /readyz read), the post waits with backoff rather than being lost,
// and once the connection returns it is made, once, within the grace window.

const news = { platform: "discord" as const, channel: "100000000000000004" };
/** Real time, kept before the clock is faked: the proxy and the server run on it. */
const realSetTimeout = setTimeout;
const realWait = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

let db: TestDatabase;
let proxy: TcpProxy;
let daily: DailyPosts | undefined;

beforeEach(async () => {
  db = await createTestDatabase();
  proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
});

afterEach(async () => {
  vi.useRealTimers();
  proxy.restore();
  await daily?.stop();
  daily = undefined;
  await proxy.close();
  await db.drop();
});

/** Polls on real time until `check` holds, for up to `ms`. */
async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await realWait(20);
  }
}

describe("a PostgreSQL connection lost while the bot runs", () => {
  it("holds a post due meanwhile, says the store is down, and makes the post once it returns", async () => {
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const log = capturedLogger();
    const config = {
      STATE_DIR: freshStateDir(),
      STORE_URL: url.toString(),
      SCHEDULER: "on" as const,
      ONTHISDAY_CHANNELS: [news],
      ONTHISDAY_TIME: "09:00",
      ONTHISDAY_GRACE: 6 * 3_600_000,
      ONTHISDAY_EMPTY: "month" as const,
      BOT_TIMEZONE: "Europe/Oslo",
    };
    const sent: string[] = [];
    const poster: Poster = { post: async (channel) => void sent.push(channel) };

    // Only the scheduler's clock is faked; sockets and the store's own I/O run for real.
    vi.useFakeTimers({
      now: new Date("2026-10-30T07:58:00Z"), // 08:58 in Oslo
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    });
    daily = await openDailyPosts(
      { ctx: bundledContext(), config, logger: log.logger },
      new Set(["discord"]),
      {
        spacingMs: 0,
        // Store retries wait a little real time, not their minutes of backoff.
        sleep: () => realWait(25),
      },
    );
    daily.start({ discord: poster });
    // Cut as the scheduler starts: its first read and catch-up meet the lost connection too.
    proxy.cut();
    await vi.advanceTimersByTimeAsync(150_000); // 09:00:30 in Oslo: the post fell due
    await eventually(() => !daily?.health().ok);
    expect(daily.health()).toMatchObject({ ok: false, reason: expect.any(String) });
    await expect(daily.desk.store.ping()).rejects.toThrow();
    await realWait(300);
    expect(sent).toEqual([]);

    proxy.restore();
    await eventually(() => sent.length > 0);
    await eventually(
      async () => (await daily?.desk.store.post(news, "2026-10-30"))?.status === "sent",
    );
    expect(daily.health()).toEqual({ ok: true });
    await expect(daily.desk.store.ping()).resolves.toBeUndefined();

    // The rest of the day, and the retries that were waiting, send nothing more.
    await vi.advanceTimersByTimeAsync(3_600_000);
    await realWait(200);
    expect(sent).toEqual([news.channel]);
    const lines = log.lines.map((line) => line.msg);
    expect(lines).toContain("schedule store unavailable");
    expect(lines).toContain("schedule store available again");
  });
});
