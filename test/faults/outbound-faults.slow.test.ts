import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/store/schedule-store.ts";
import { slashCommand } from "../adapters/discord/interactions.ts";
import { BOT_TOKENS, type Bot, startBot } from "../support/bot-process.ts";
import type { LogEntry } from "../support/child-log.ts";
import { seedDuePosts } from "../support/due-posts.ts";
import { type FakeDiscord, type Override, startFakeDiscord } from "../support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  startFakeWebApi,
  startResponseUrls,
  type WebApiAnswer,
} from "../support/fake-slack.ts";

// Issue 14, "beyond the list": every way an outbound API can fail, met by the real process
// (`src/main.ts`) at once, one channel per fault, on both platforms. Each channel's post is due
// at start-up, so catch-up sends them all together. For each channel: exactly one message, or
// none and a log line saying why; meanwhile commands still answer within Discord's and Slack's
// 3 seconds; and SIGTERM afterwards exits 0 at once, whatever the APIs asked it to wait for.

/** What the fake does with each attempt at a channel's post, in turn; after that it posts. */
type Script<A> = readonly A[];
const retryAfter = (seconds: number) => ({ "retry-after": String(seconds) });

const DISCORD: Record<string, { fault: string; script: Script<ReturnType<Override>> }> = {
  "300000000000000001": { fault: "never answers once", script: ["hang"] },
  "300000000000000002": {
    fault: "429 with Retry-After: 1",
    script: [{ status: 429, headers: retryAfter(1), body: { message: "slow", retry_after: 1 } }],
  },
  "300000000000000003": {
    fault: "429 without Retry-After",
    script: [{ status: 429, body: { message: "slow" } }],
  },
  "300000000000000004": {
    fault: "429 with Retry-After: 3600",
    script: [{ status: 429, headers: retryAfter(3600), body: { message: "slow" } }],
  },
  "300000000000000005": { fault: "500 once", script: [{ status: 500, body: { message: "oops" } }] },
  "300000000000000006": { fault: "connection reset once", script: ["drop"] },
  "300000000000000007": {
    fault: "500 every time",
    script: [500, 500, 500, 500].map((status) => ({ status, body: { message: "down" } })),
  },
};

const SLACK: Record<string, { fault: string; script: Script<WebApiAnswer> }> = {
  C0FAULT01: { fault: "never answers", script: ["hang"] },
  C0FAULT02: {
    fault: "429 with Retry-After: 1",
    script: [{ status: 429, headers: retryAfter(1), body: { ok: false, error: "ratelimited" } }],
  },
  C0FAULT03: {
    fault: "429 without Retry-After",
    script: [{ status: 429, body: { ok: false, error: "ratelimited" } }],
  },
  C0FAULT04: {
    fault: "429 with Retry-After: 3600",
    script: [{ status: 429, headers: retryAfter(3600), body: { ok: false, error: "ratelimited" } }],
  },
  C0FAULT05: { fault: "500", script: [{ status: 500, body: "upstream error" }] },
  C0FAULT06: { fault: "connection reset", script: ["drop"] },
};

let discord: FakeDiscord;
let web: FakeWebApi;
let urls: ResponseUrls;
let stateDir: string;
/** Attempts each channel's post met, and how many the fake let through (posted). */
const attempts = new Map<string, number>();
const delivered = new Map<string, number>();

function scripted<A>(channel: string | undefined, scripts: Record<string, { script: Script<A> }>) {
  if (channel === undefined || !(channel in scripts)) return undefined;
  const n = attempts.get(channel) ?? 0;
  attempts.set(channel, n + 1);
  const answer = scripts[channel]?.script[n];
  if (answer === undefined) delivered.set(channel, (delivered.get(channel) ?? 0) + 1);
  return answer;
}

beforeAll(async () => {
  [discord, web, urls] = await Promise.all([
    startFakeDiscord(),
    startFakeWebApi(),
    startResponseUrls(),
  ]);
  discord.overrides.push((request) => {
    const channel = /^\/channels\/(\d+)\/messages$/.exec(request.path)?.[1];
    return request.method === "POST" ? scripted(channel, DISCORD) : undefined;
  });
  web.overrides.push((call) =>
    call.method === "chat.postMessage" ? scripted(call.params.channel, SLACK) : undefined,
  );
  stateDir = mkdtempSync(join(tmpdir(), "barents-faults-out-"));
  await seedDuePosts(stateDir, [
    ...Object.keys(DISCORD).map((channel) => ({ platform: "discord" as const, channel })),
    ...Object.keys(SLACK).map((channel) => ({ platform: "slack" as const, channel })),
  ]);
});

afterAll(async () => {
  await Promise.all([discord.close(), web.close(), urls.close()]);
  rmSync(stateDir, { recursive: true, force: true });
});

/** The line that ends a channel's post: "posted" or "post failed", waiting for it. */
function outcome(bot: Bot, platform: Platform, channel: string): Promise<LogEntry> {
  return bot.log.find(
    (l) =>
      l.channel === `${platform}:${channel}` && (l.msg === "posted" || l.msg === "post failed"),
    `the outcome of ${platform}:${channel}`,
  );
}

describe("the bot process while Discord's and Slack's APIs fail", { timeout: 60_000 }, () => {
  it("posts each channel once or logs why not, answers commands in time, and stops on SIGTERM", async () => {
    const bot = await startBot({ discord, web, urls }, stateDir, { ONTHISDAY_GRACE: "30m" });
    try {
      // Both hung sends are on the wire: the commands below are answered while they hang.
      await discord.request("POST", "/channels/300000000000000001/messages");
      await web.calls.find((c) => c.params.channel === "C0FAULT01");

      const who = await bot.discord(slashCommand("who", { name: "huitfeldt" }));
      expect(who.status).toBe(200);
      expect(who.ms).toBeLessThan(3000); // Discord drops an interaction unanswered after 3 s
      expect(JSON.stringify(who.body)).toContain("Huitfeldt");
      const slackWho = await bot.slack("/who", "huitfeldt");
      expect(slackWho.status).toBe(200);
      expect(slackWho.ms).toBeLessThan(3000); // Slack's ack deadline
      expect(JSON.stringify(await slackWho.answer)).toContain("Huitfeldt");

      const ends = await Promise.all([
        ...Object.keys(DISCORD).map((c) => outcome(bot, "discord", c)),
        ...Object.keys(SLACK).map((c) => outcome(bot, "slack", c)),
      ]);
      const byChannel = new Map(ends.map((l) => [String(l.channel), l]));
      const ended = (key: string) => {
        const line = byChannel.get(key);
        return { msg: line?.msg, attempts: line?.attempts, reason: String(line?.reason ?? "") };
      };

      // Discord: a retry carries the same nonce with enforce_nonce, so an unknown outcome (a
      // hang, a reset, a 5xx) is retried; a rate limit is waited out if the wait fits the grace.
      for (const c of ["01", "02", "03", "05", "06"].map((n) => `3000000000000000${n}`)) {
        expect({ c, ...ended(`discord:${c}`) }).toMatchObject({ c, msg: "posted", attempts: 2 });
        expect({ c, messages: discord.messages.filter((m) => m.channel_id === c).length }).toEqual({
          c,
          messages: 1,
        });
        const sends = discord.requests.all.filter((r) => r.path === `/channels/${c}/messages`);
        expect(new Set(sends.map((r) => (r.body as { nonce?: string }).nonce)).size).toBe(1);
      }
      expect(ended("discord:300000000000000004")).toEqual({
        msg: "post failed",
        attempts: 1,
        reason: expect.stringMatching(/retry after 3600 s.*would come after ONTHISDAY_GRACE/),
      });
      expect(ended("discord:300000000000000007")).toEqual({
        msg: "post failed",
        attempts: 3,
        reason: expect.stringMatching(/Discord did not answer: Internal Server Error/),
      });
      for (const c of ["300000000000000004", "300000000000000007"]) {
        expect(discord.messages.filter((m) => m.channel_id === c)).toEqual([]);
      }

      // Slack has no idempotency key: only a 429 (which posted nothing) may be retried.
      expect(ended("slack:C0FAULT02")).toMatchObject({ msg: "posted", attempts: 2 });
      expect(ended("slack:C0FAULT01")).toMatchObject({
        msg: "post failed",
        attempts: 1,
        reason: expect.stringMatching(/Slack did not answer.*not retried/),
      });
      expect(ended("slack:C0FAULT03")).toMatchObject({ msg: "post failed", attempts: 1 });
      expect(ended("slack:C0FAULT04")).toMatchObject({
        msg: "post failed",
        attempts: 1,
        reason: expect.stringMatching(/retry after 3600 s.*would come after ONTHISDAY_GRACE/),
      });
      for (const c of ["C0FAULT05", "C0FAULT06"]) {
        expect({ c, ...ended(`slack:${c}`) }).toMatchObject({
          c,
          msg: "post failed",
          attempts: 1,
          reason: expect.stringMatching(/Slack did not answer.*not retried/),
        });
      }
      for (const c of Object.keys(SLACK)) {
        const tries = c === "C0FAULT02" ? 2 : 1;
        expect({ c, tries: attempts.get(c), posted: delivered.get(c) ?? 0 }).toEqual({
          c,
          tries,
          posted: c === "C0FAULT02" ? 1 : 0,
        });
      }

      // Nothing is left to wait for, not even the hour a 429 asked for: the shutdown limit is 20 s.
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(20_000);
      for (const token of Object.values(BOT_TOKENS)) expect(bot.log.raw).not.toContain(token);
    } finally {
      bot.child.kill("SIGKILL");
    }
  });
});
