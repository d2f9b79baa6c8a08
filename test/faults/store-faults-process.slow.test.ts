import { closeSync, fstatSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORE_FILE } from "../../src/store/sqlite-store.ts";
import { slashCommand } from "../adapters/discord/interactions.ts";
import { type Bot, startBot } from "../support/bot-process.ts";
import { seedDuePosts } from "../support/due-posts.ts";
import { FAKE_DISCORD, type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  startFakeWebApi,
  startResponseUrls,
} from "../support/fake-slack.ts";

// The schedule store failing under the real process (issue 14, faults 1 and 3): another
// connection holding SQLite's write lock, as a second process or a backup would, and then the
// file overwritten while the bot runs. Through both, commands that need no store answer within
// Discord's and Slack's 3 seconds, /healthz answers at once, schedule commands answer in words,
// the post due meanwhile is made once the lock goes, and the process stays up until SIGTERM.

const DUE = { platform: "discord" as const, channel: "500000000000000001" };
const WITH_MANAGE_CHANNELS = String(1024 | 16);

let discord: FakeDiscord;
let web: FakeWebApi;
let urls: ResponseUrls;
let stateDir: string;

beforeAll(async () => {
  [discord, web, urls] = await Promise.all([
    startFakeDiscord(),
    startFakeWebApi(),
    startResponseUrls(),
  ]);
  stateDir = mkdtempSync(join(tmpdir(), "barents-faults-store-"));
  await seedDuePosts(stateDir, [DUE]);
});

afterAll(async () => {
  await Promise.all([discord.close(), web.close(), urls.close()]);
  rmSync(stateDir, { recursive: true, force: true });
});

async function healthz(bot: Bot): Promise<{ body: Record<string, unknown>; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${bot.base}/healthz`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  return { body, ms: performance.now() - started };
}

/** `/who huitfeldt` on both platforms, each answered within its platform's 3 seconds. */
async function whoAnswersInTime(bot: Bot): Promise<void> {
  const who = await bot.discord(slashCommand("who", { name: "huitfeldt" }));
  expect(who.status).toBe(200);
  expect(who.ms).toBeLessThan(3000);
  expect(JSON.stringify(who.body)).toContain("Huitfeldt");
  const slackWho = await bot.slack("/who", "huitfeldt");
  expect(slackWho.status).toBe(200);
  expect(slackWho.ms).toBeLessThan(3000);
  expect(JSON.stringify(await slackWho.answer)).toContain("Huitfeldt");
}

const duePosts = () => discord.messages.filter((m) => m.channel_id === DUE.channel);

describe("the bot process while its schedule store is locked, then broken", {
  timeout: 60_000,
}, () => {
  it("keeps answering, makes the due post once the lock goes, and stays up on a broken file", async () => {
    const file = join(stateDir, STORE_FILE);
    const holder = new Database(file);
    holder.exec("BEGIN IMMEDIATE");
    let bot: Bot | undefined;
    try {
      // Locked from before start-up: the process must start all the same.
      bot = await startBot({ discord, web, urls }, stateDir, { ONTHISDAY_GRACE: "30m" });

      const health = await healthz(bot);
      expect(health.ms).toBeLessThan(1000);
      expect(health.body.ok).toBe(true);
      await whoAnswersInTime(bot);

      // A subscription waits for the store; Discord is told "thinking" within its 3 seconds,
      // and once the store's wait (10 s) is over, told in words that the schedule is locked.
      const interaction = slashCommand("onthisday-subscribe", { time: "09:00" });
      interaction.member = { ...interaction.member, permissions: WITH_MANAGE_CHANNELS };
      const subscribing = await bot.discord(interaction);
      expect(subscribing.ms).toBeLessThan(3000);
      expect(subscribing.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
      const edit = await discord.request(
        "PATCH",
        `/webhooks/${FAKE_DISCORD.applicationId}/${interaction.token}`,
      );
      const told = JSON.stringify(edit.body);
      expect(told).toContain("The daily-post schedule is unavailable right now");
      expect(told).toContain("locked by another process");
      expect(told).not.toContain("Something went wrong");

      // Still locked: /healthz now says so, and the rest still answers in time.
      const locked = await healthz(bot);
      expect(locked.ms).toBeLessThan(1000);
      expect(locked.body).toMatchObject({
        ok: true,
        status: "degraded",
        degraded: { schedule: { reason: expect.stringMatching(/locked by another connection/) } },
      });
      await whoAnswersInTime(bot);
      expect(duePosts()).toEqual([]);

      // The lock goes: the post due meanwhile is made, once, within its grace window.
      holder.exec("COMMIT");
      await bot.log.line("posted", { channel: `discord:${DUE.channel}` });
      expect(duePosts()).toHaveLength(1);
      expect((await healthz(bot)).body).toEqual({ ok: true });

      // Now the file is overwritten under the running bot (its contents first moved out of
      // the WAL, so the damage is what the bot reads).
      holder.pragma("wal_checkpoint(TRUNCATE)");
      holder.close();
      const fd = openSync(file, "r+");
      const size = fstatSync(fd).size;
      writeSync(fd, Buffer.alloc(size - 100, "A"), 0, size - 100, 100);
      closeSync(fd);

      const status = await bot.slack("/onthisday", "status", "C0BROKEN1");
      expect(status.status).toBe(200);
      expect(status.ms).toBeLessThan(3000);
      const said = JSON.stringify(await status.answer);
      expect(said).toContain("The daily-post schedule is unavailable right now");
      expect(said).toContain("cannot be read");
      expect(said).not.toContain("Something went wrong");

      const degraded = await healthz(bot);
      expect(degraded.ms).toBeLessThan(1000);
      expect(degraded.body).toMatchObject({
        ok: true,
        status: "degraded",
        degraded: { schedule: { reason: expect.stringMatching(/malformed|not a database/) } },
      });
      expect(JSON.stringify(degraded.body)).not.toContain(stateDir); // no paths on /healthz
      await whoAnswersInTime(bot);
      expect(bot.child.exitCode).toBeNull();

      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(20_000);
      expect(duePosts()).toHaveLength(1);
    } finally {
      if (holder.open) holder.close();
      bot?.child.kill("SIGKILL");
    }
  });
});
