import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discordPoster } from "../../src/adapters/discord/post.ts";
import { postingRest } from "../../src/adapters/discord/rest.ts";
import { boltLogger } from "../../src/adapters/slack/bolt-logger.ts";
import { postingClient, slackPoster } from "../../src/adapters/slack/post.ts";
import { createLogger } from "../../src/logger.ts";
import { renderSlackMessage } from "../../src/render/slack/blocks.ts";
import { postNonce } from "../../src/schedule/delivery.ts";
import { Scheduler, type SchedulerOptions } from "../../src/schedule/scheduler.ts";
import type { ChannelRef, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { type FakeDiscord, type RestRequest, startFakeDiscord } from "../support/fake-discord.ts";
import { type FakeWebApi, startFakeWebApi, type WebApiCall } from "../support/fake-slack.ts";

// The scheduler delivering through the real posters — discord.js REST and Slack's WebClient —
// to the loopback fakes, fresh for each test. postToday is called directly: the clock is
// injected, no timers run.

const DISCORD_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.delivery-token";
const SLACK_TOKEN = "xoxb-1111-2222-fakedeliverytoken";
// Noon in Oslo on 30 October 2026, a day the bundled data has events for.
const NOW = new Date("2026-10-30T11:00:00Z");
const TODAY = "2026-10-30";

const index = bundledContext(NOW).index;

let discord: FakeDiscord;
let slack: FakeWebApi;
let store: ScheduleStore;
let channels = 0;

beforeEach(async () => {
  [discord, slack] = await Promise.all([startFakeDiscord(), startFakeWebApi()]);
  store = openSqliteStore(":memory:");
});

afterEach(async () => {
  store.close();
  await Promise.all([discord?.close(), slack?.close()]);
});

/** A fresh channel, subscribed at 09:00 Oslo time. */
async function subscribed(platform: ChannelRef["platform"]): Promise<ChannelRef> {
  channels += 1;
  const channel =
    platform === "discord" ? String(100000000000000100n + BigInt(channels)) : `C0DELIV${channels}`;
  const ref: ChannelRef = { platform, channel };
  await store.subscribe({
    ...ref,
    time: "09:00",
    timeZone: "Europe/Oslo",
    origin: "command",
    by: "U0ALICE",
    since: "2026-01-01T00:00:00Z",
  });
  return ref;
}

/**
 * A scheduler with both real posters, whose calls time out after `timeoutMs`; its waits are
 * recorded, not slept.
 */
function scheduler(extra: Partial<SchedulerOptions> = {}, timeoutMs?: number) {
  const log = capturedLogger();
  const waits: number[] = [];
  const made = new Scheduler({
    store,
    index,
    posters: {
      discord: discordPoster(
        postingRest({ DISCORD_API_URL: discord.api }, DISCORD_TOKEN, timeoutMs),
      ),
      slack: slackPoster(
        postingClient(SLACK_TOKEN, {
          slackApiUrl: `${slack.url}/`,
          logger: boltLogger(createLogger("silent")),
          ...(timeoutMs ? { timeout: timeoutMs } : {}),
        }),
        (reply) => renderSlackMessage(reply),
      ),
    },
    logger: log.logger,
    graceMs: 6 * 3_600_000,
    empty: "month",
    now: () => NOW,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
  return { scheduler: made, log, waits };
}

/** Every POST /channels/:id/messages the Discord fake received, or only those for `ref`. */
function discordPosts(ref?: ChannelRef): RestRequest[] {
  return discord.requests.all.filter(
    (r) =>
      r.method === "POST" &&
      /^\/channels\/\d+\/messages$/.test(r.path) &&
      (!ref || r.path === `/channels/${ref.channel}/messages`),
  );
}

/** Every chat.postMessage the Slack fake received, or only those for `ref`. */
function slackPosts(ref?: ChannelRef): WebApiCall[] {
  return slack.calls.all.filter(
    (c) => c.method === "chat.postMessage" && (!ref || c.params.channel === ref.channel),
  );
}

const discordMessages = (ref: ChannelRef) =>
  discord.messages.filter((m) => m.channel_id === ref.channel);

describe("delivering the daily note to both platforms", () => {
  it("posts once to each channel and logs both as sent", async () => {
    const news = await subscribed("discord");
    const team = await subscribed("slack");
    const { scheduler: s, log } = scheduler();
    await s.postToday(news);
    await s.postToday(team);

    expect(discordPosts()).toHaveLength(1);
    expect(discordPosts(news)[0]?.body).toMatchObject({
      nonce: postNonce(news, TODAY),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(JSON.stringify(discordPosts(news)[0]?.body)).toContain("On this day: 30 October");
    expect(slackPosts()).toHaveLength(1);
    expect(slackPosts(team)[0]?.params.text).toContain("On this day: 30 October");
    expect(await store.post(news, TODAY)).toMatchObject({ status: "sent", attempts: 1 });
    expect(await store.post(team, TODAY)).toMatchObject({ status: "sent", attempts: 1 });
    expect(log.lines.filter((l) => l.msg === "posted")).toHaveLength(2);
  });

  it("sends nothing more when today's post is asked for again, by the same or another scheduler", async () => {
    const news = await subscribed("discord");
    const team = await subscribed("slack");
    const first = scheduler().scheduler;
    await first.postToday(news);
    await first.postToday(team);
    await first.postToday(news);
    await first.postToday(team);
    const second = scheduler().scheduler;
    await second.postToday(news);
    await second.postToday(team);

    expect(discordPosts()).toHaveLength(1);
    expect(discord.messages).toHaveLength(1);
    expect(slackPosts()).toHaveLength(1);
    expect((await store.post(news, TODAY))?.status).toBe("sent");
    expect((await store.post(team, TODAY))?.status).toBe("sent");
  });
});

describe("delivery when a platform fails", () => {
  it("records one channel's refusal and still posts to the other", async () => {
    const team = await subscribed("slack");
    const news = await subscribed("discord");
    slack.overrides.push((c) =>
      c.params.channel === team.channel
        ? { body: { ok: false, error: "not_in_channel" } }
        : undefined,
    );
    const { scheduler: s } = scheduler();
    await s.postToday(team);
    await s.postToday(news);

    expect(slackPosts(team)).toHaveLength(1);
    expect(await store.post(team, TODAY)).toMatchObject({
      status: "failed",
      attempts: 1,
      detail: "Slack refused: not_in_channel",
    });
    expect((await store.get(team))?.failures).toBe(1);
    expect(discordMessages(news)).toHaveLength(1);
    expect((await store.post(news, TODAY))?.status).toBe("sent");
  });

  it("retries Discord after a 5xx with the same nonce, and one message results", async () => {
    const news = await subscribed("discord");
    let failures = 1;
    discord.overrides.push((r) =>
      r.path === `/channels/${news.channel}/messages` && failures-- > 0
        ? { status: 500, body: { message: "Internal Server Error", code: 0 } }
        : undefined,
    );
    const { scheduler: s, waits } = scheduler();
    await s.postToday(news);

    const nonces = discordPosts(news).map((r) => (r.body as { nonce?: unknown }).nonce);
    expect(nonces).toEqual(Array(2).fill(postNonce(news, TODAY)));
    expect(discordMessages(news)).toHaveLength(1);
    expect(await store.post(news, TODAY)).toMatchObject({ status: "sent", attempts: 2 });
    expect(waits).toContain(2000);
  });

  it("waits out a Slack rate limit as asked, then posts once", async () => {
    const team = await subscribed("slack");
    let limited = true;
    slack.overrides.push((c) => {
      if (c.params.channel !== team.channel || !limited) return undefined;
      limited = false;
      return { status: 429, headers: { "retry-after": "7" }, body: { ok: false } };
    });
    const { scheduler: s, waits } = scheduler();
    await s.postToday(team);

    expect(slackPosts(team)).toHaveLength(2);
    expect(waits).toContain(7000);
    expect(await store.post(team, TODAY)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("does not send to Slack again after a 500, and logs the post as failed", async () => {
    const team = await subscribed("slack");
    slack.overrides.push((c) =>
      c.params.channel === team.channel ? { status: 500, body: "oops" } : undefined,
    );
    const { scheduler: s } = scheduler();
    await s.postToday(team);
    await s.postToday(team);

    expect(slackPosts(team)).toHaveLength(1);
    expect(await store.post(team, TODAY)).toMatchObject({ status: "failed", attempts: 1 });
  });
});

describe("delivery when a platform hangs, rate-limits for long, or the bot stops", () => {
  it.each(["discord", "slack"] as const)(
    "posts to a healthy %s channel while another's send never answers, then times that one out",
    async (platform) => {
      const hung = await subscribed(platform);
      const healthy = await subscribed(platform);
      discord.overrides.push((r) =>
        r.path === `/channels/${hung.channel}/messages` ? "hang" : undefined,
      );
      slack.overrides.push((c) => (c.params.channel === hung.channel ? "hang" : undefined));
      // One attempt, so the hung post settles after one timeout.
      const { scheduler: s, log } = scheduler({ attempts: 1 }, 2_500);
      let hungSettled = false;
      const first = s.postToday(hung).then(() => {
        hungSettled = true;
      });
      await s.postToday(healthy);

      // The healthy channel went out while the hung send was still waiting for an answer:
      // under the one global queue it waited for the hung send's whole timeout, or 300 s.
      expect(hungSettled).toBe(false);
      expect(await store.post(healthy, TODAY)).toMatchObject({ status: "sent", attempts: 1 });
      await first;
      expect(await store.post(hung, TODAY)).toMatchObject({ status: "failed", attempts: 1 });
      expect((await store.post(hung, TODAY))?.detail).toMatch(/did not answer/);
      expect(log.lines).toContainEqual(
        expect.objectContaining({ msg: "post failed", channel: `${platform}:${hung.channel}` }),
      );
    },
  );

  it.each(["discord", "slack"] as const)(
    "gives up at once on a %s 429 whose Retry-After lands past ONTHISDAY_GRACE",
    async (platform) => {
      const busy = await subscribed(platform);
      discord.overrides.push((r) =>
        r.path === `/channels/${busy.channel}/messages`
          ? {
              status: 429,
              headers: { "retry-after": "3600" },
              body: { message: "You are being rate limited.", retry_after: 3600, global: false },
            }
          : undefined,
      );
      slack.overrides.push((c) =>
        c.params.channel === busy.channel
          ? { status: 429, headers: { "retry-after": "3600" }, body: { ok: false } }
          : undefined,
      );
      // Due at 09:00 Oslo and now noon: a retry an hour on, at 13:00, is past 3½ h of grace.
      const { scheduler: s, waits, log } = scheduler({ graceMs: 3.5 * 3_600_000 });
      await s.postToday(busy);

      expect(waits.filter((ms) => ms >= 60_000)).toEqual([]);
      const record = await store.post(busy, TODAY);
      expect(record).toMatchObject({ status: "failed", attempts: 1 });
      expect(record?.detail).toMatch(/rate limit: retry after 3600 s/);
      expect(record?.detail).toMatch(/would come after ONTHISDAY_GRACE, so none was made/);
      expect(platform === "discord" ? discordPosts(busy) : slackPosts(busy)).toHaveLength(1);
      expect(log.lines).toContainEqual(
        expect.objectContaining({ msg: "post failed", reason: record?.detail }),
      );
    },
  );

  it("waits out a long Retry-After that still lands within ONTHISDAY_GRACE", async () => {
    const team = await subscribed("slack");
    let limited = true;
    slack.overrides.push((c) => {
      if (c.params.channel !== team.channel || !limited) return undefined;
      limited = false;
      return { status: 429, headers: { "retry-after": "3600" }, body: { ok: false } };
    });
    const { scheduler: s, waits } = scheduler();
    await s.postToday(team);

    expect(waits).toContain(3_600_000);
    expect(await store.post(team, TODAY)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("stops at once during a retry's wait, and records the post as not made", async () => {
    const news = await subscribed("discord");
    discord.overrides.push((r) =>
      r.path === `/channels/${news.channel}/messages`
        ? { status: 503, body: { message: "Service Unavailable", code: 0 } }
        : undefined,
    );
    let waiting = () => {};
    const retryWait = new Promise<void>((resolve) => (waiting = resolve));
    // A wait that would never end by itself: stop() must not depend on it.
    const { scheduler: s, log } = scheduler({
      sleep: () => {
        waiting();
        return new Promise<void>(() => {});
      },
    });
    const post = s.postToday(news);
    await retryWait;
    await s.stop();
    await post;

    const record = await store.post(news, TODAY);
    expect(record).toMatchObject({ status: "failed", attempts: 1 });
    expect(record?.detail).toMatch(/^not sent: the bot stopped before the retry \(attempt 1: /);
    // Shutdown is not the channel's fault: it does not count towards pausing it.
    expect((await store.get(news))?.failures).toBe(0);
    expect(log.lines).toContainEqual(expect.objectContaining({ msg: "post not made" }));
    expect(discordPosts(news)).toHaveLength(1);
  });

  it("keeps each platform's slots its own: a hung Slack does not hold up Discord", async () => {
    const hung = await subscribed("slack");
    const news = await subscribed("discord");
    slack.overrides.push((c) => (c.params.channel === hung.channel ? "hang" : undefined));
    // One slot: were it shared, Discord's post would wait for Slack's whole timeout.
    const { scheduler: s } = scheduler({ attempts: 1, concurrency: 1 }, 2_500);
    let slackSettled = false;
    const slow = s.postToday(hung).then(() => {
      slackSettled = true;
    });
    await s.postToday(news);
    expect(slackSettled).toBe(false);
    expect(await store.post(news, TODAY)).toMatchObject({ status: "sent" });
    await slow;
  });

  it("retries a Discord send that may have arrived only while Discord still knows its nonce", async () => {
    const news = await subscribed("discord");
    let answers = 0;
    discord.overrides.push((r) => {
      if (r.path !== `/channels/${news.channel}/messages`) return undefined;
      answers += 1;
      // First a 503 (the message may have been posted), then a 10-minute rate limit.
      return answers === 1
        ? { status: 503, body: { message: "Service Unavailable", code: 0 } }
        : {
            status: 429,
            headers: { "retry-after": "600" },
            body: { message: "You are being rate limited.", retry_after: 600, global: false },
          };
    });
    const { scheduler: s, waits } = scheduler();
    await s.postToday(news);

    expect(waits.filter((ms) => ms >= 120_000)).toEqual([]);
    const record = await store.post(news, TODAY);
    expect(record).toMatchObject({ status: "failed", attempts: 2 });
    expect(record?.detail).toMatch(/would come after Discord stops recognising a repeat/);
    expect(discordMessages(news)).toHaveLength(0);
  });

  it("gives back the claim of a post still waiting its turn at shutdown, so a restart makes it", async () => {
    const hung = await subscribed("slack");
    const queued = await subscribed("slack");
    slack.overrides.push((c) => (c.params.channel === hung.channel ? "hang" : undefined));
    const { scheduler: s, log } = scheduler({ attempts: 1, concurrency: 1 }, 2_500);
    const first = s.postToday(hung);
    const second = s.postToday(queued);
    // Both claimed; the second waits for the one slot the hung send holds.
    while ((await store.post(queued, TODAY)) === undefined) await new Promise(setImmediate);
    await s.stop();
    await Promise.all([first, second]);

    expect(await store.post(queued, TODAY)).toBeUndefined();
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        msg: "not sent: the bot stopped before its turn; left for the next start",
      }),
    );
    const { scheduler: restarted } = scheduler();
    await restarted.postToday(queued);
    expect(await store.post(queued, TODAY)).toMatchObject({ status: "sent", attempts: 1 });
    expect(slackPosts(queued)).toHaveLength(1);
  });
});
