import { closeSync, fstatSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { startBot } from "../support/bot-process.ts";
import { seedDuePosts } from "../support/due-posts.ts";
import { type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  startFakeWebApi,
  startResponseUrls,
} from "../support/fake-slack.ts";

// SIGTERM while scheduled sends hang at the platform, for the real process: it waits for the
// sends on the wire until their own timeout and records them as not made, gives back the claim
// of a post still waiting its turn, exits 0 within the shutdown limit, and a restart makes the
// given-back post and resends none of the others. The limit itself: a stop that takes longer
// ends in exit 1 and a line saying so. And a stop that meets a broken store ends at once, one
// that meets a locked store at the limit.

const DISCORD: ChannelRef[] = ["01", "11", "12", "13", "14"].map((n) => ({
  platform: "discord",
  channel: `4000000000000000${n}`,
}));
const SLACK: ChannelRef = { platform: "slack", channel: "C0STOP01" };
/** Sorted after the others, so catch-up has decided about them before it makes this one. */
const CONTROL: ChannelRef = { platform: "slack", channel: "C9CONTROL" };
/** The default SHUTDOWN_LIMIT, and the five seconds after it a stuck stop is given. */
const SHUTDOWN_LIMIT_MS = 10_000;
const STUCK_AFTER_MS = SHUTDOWN_LIMIT_MS + 5000;

let discord: FakeDiscord;
let web: FakeWebApi;
let urls: ResponseUrls;
const dirs: string[] = [];
let hanging = true;

/** Overwrites the store file under a running bot, its contents first moved out of the WAL. */
function breakStore(dir: string): void {
  const file = join(dir, STORE_FILE);
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const fd = openSync(file, "r+");
  const size = fstatSync(fd).size;
  writeSync(fd, Buffer.alloc(size - 100, "A"), 0, size - 100, 100);
  closeSync(fd);
}

const toDiscord = (ref: ChannelRef) =>
  discord.requests.all.filter((r) => r.path === `/channels/${ref.channel}/messages`);
const toSlack = (ref: ChannelRef) =>
  web.calls.all.filter((c) => c.method === "chat.postMessage" && c.params.channel === ref.channel);

/** Discord answers the channel's first send with a 500, so the post waits 2 s to retry. */
function failFirstSend(ref: ChannelRef): void {
  let served = 0;
  discord.overrides.unshift((r) =>
    r.path === `/channels/${ref.channel}/messages` && served++ === 0
      ? { status: 500, body: { message: "oops" } }
      : undefined,
  );
}

function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "barents-faults-stop-"));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  [discord, web, urls] = await Promise.all([
    startFakeDiscord(),
    startFakeWebApi(),
    startResponseUrls(),
  ]);
  discord.overrides.push((r) =>
    hanging && r.method === "POST" && r.path.startsWith("/channels/") ? "hang" : undefined,
  );
  web.overrides.push((c) => (hanging && c.method === "chat.postMessage" ? "hang" : undefined));
});

afterAll(async () => {
  await Promise.all([discord.close(), web.close(), urls.close()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("SIGTERM while a scheduled send hangs", { timeout: 60_000 }, () => {
  it("exits 0 within the limit, records each post as not made, and a restart sends none twice", async () => {
    const dir = stateDir();
    // Five Discord channels: four sends fill the platform's slots and hang, the fifth waits.
    await seedDuePosts(dir, [...DISCORD, SLACK]);
    hanging = true;
    const bot = await startBot({ discord, web, urls }, dir);
    let date = "";
    try {
      while (discord.requests.all.filter((r) => r.path.startsWith("/channels/")).length < 4) {
        await discord.requests.next();
      }
      await web.calls.find((c) => c.params.channel === SLACK.channel);
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(STUCK_AFTER_MS);

      // The four on the wire waited for their timeout and are recorded as not made; the one
      // that never had its turn gave its claim back for the next start.
      const notMade = bot.log.all((l) => l.msg === "post not made");
      const released = bot.log.all(
        (l) => l.msg === "not sent: the bot stopped before its turn; left for the next start",
      );
      expect(notMade).toHaveLength(5);
      expect(released).toHaveLength(1);
      const waited = DISCORD.filter((ref) => toDiscord(ref).length === 1);
      expect(waited).toHaveLength(4);
      expect(released[0]?.channel).toBe(
        `discord:${DISCORD.find((ref) => !waited.includes(ref))?.channel}`,
      );
      for (const line of notMade) expect(String(line.reason)).toMatch(/not sent|not answer/);
      date = String(notMade[0]?.date);
    } finally {
      bot.child.kill("SIGKILL");
    }

    const store = openSqliteStore(dir);
    try {
      for (const ref of DISCORD.filter((r) => toDiscord(r).length === 1)) {
        expect(await store.post(ref, date)).toMatchObject({
          status: "failed",
          detail: expect.stringMatching(/not sent: the bot stopped before the retry/),
        });
      }
      expect(await store.post(SLACK, date)).toMatchObject({
        status: "failed",
        detail: expect.stringMatching(/Slack did not answer.*not retried/),
      });
    } finally {
      store.close();
    }

    // Restarted within the grace window, with the APIs well again: the post that gave its
    // claim back is made, and the control channel; those recorded are not sent a second time.
    const sentBefore = DISCORD.map((ref) => toDiscord(ref).length);
    await seedDuePosts(dir, [CONTROL]);
    hanging = false;
    const again = await startBot({ discord, web, urls }, dir);
    try {
      await again.log.line("posted", { channel: "slack:C9CONTROL" });
      expect((await again.terminate()).code).toBe(0);
    } finally {
      again.child.kill("SIGKILL");
    }
    const waitedIn = DISCORD.filter((_, i) => sentBefore[i] === 1);
    const held = DISCORD.filter((_, i) => sentBefore[i] === 0);
    expect(again.log.all((l) => l.msg === "making a missed post").map((l) => l.channel)).toEqual([
      ...held.map((ref) => `discord:${ref.channel}`),
      "slack:C9CONTROL",
    ]);
    for (const ref of waitedIn) expect(toDiscord(ref)).toHaveLength(1);
    for (const ref of held) {
      expect(discord.messages.filter((m) => m.channel_id === ref.channel)).toHaveLength(1);
    }
    expect(toSlack(SLACK)).toHaveLength(1);
  });

  it("cuts off a send still hanging at SHUTDOWN_LIMIT, records it as failed, and exits 0", async () => {
    const dir = stateDir();
    const ref = { platform: "discord" as const, channel: "400000000000000002" };
    await seedDuePosts(dir, [ref]);
    hanging = true;
    // The send's own timeout is 10 s; a 1 s limit ends the wait first.
    const bot = await startBot({ discord, web, urls }, dir, { SHUTDOWN_LIMIT: "1s" });
    let date = "";
    try {
      await discord.request("POST", `/channels/${ref.channel}/messages`);
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(6000);
      const notMade = bot.log.all((l) => l.msg === "post not made");
      expect(notMade).toEqual([
        expect.objectContaining({
          channel: `discord:${ref.channel}`,
          reason: expect.stringMatching(/^cut off by shutdown after 1 s/),
        }),
      ]);
      date = String(notMade[0]?.date);
    } finally {
      bot.child.kill("SIGKILL");
    }
    const store = openSqliteStore(dir);
    try {
      expect(await store.post(ref, date)).toMatchObject({
        status: "failed",
        detail: expect.stringMatching(/may have arrived, so it is not resent/),
      });
    } finally {
      store.close();
    }
  });

  it("exits 1 five seconds past the limit when even recording the cut-off is stuck", async () => {
    const dir = stateDir();
    const ref = { platform: "discord" as const, channel: "400000000000000006" };
    await seedDuePosts(dir, [ref]);
    hanging = true;
    const bot = await startBot({ discord, web, urls }, dir, { SHUTDOWN_LIMIT: "1s" });
    const holder = new Database(join(dir, STORE_FILE));
    try {
      await discord.request("POST", `/channels/${ref.channel}/messages`);
      // The send hangs on the wire, and another process holds the store's write lock: at the
      // limit the cut-off cannot be written, and the store waits up to 10 s for its lock.
      holder.exec("BEGIN IMMEDIATE");
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(1);
      expect(bot.log.all((l) => l.msg === "shutdown took too long; exiting")).toEqual([
        expect.objectContaining({ limitMs: 6000 }),
      ]);
    } finally {
      holder.close();
      bot.child.kill("SIGKILL");
    }
  });

  it("exits at once, 1, on a second signal", async () => {
    const dir = stateDir();
    const ref = { platform: "discord" as const, channel: "400000000000000005" };
    await seedDuePosts(dir, [ref]);
    hanging = true;
    const bot = await startBot({ discord, web, urls }, dir);
    try {
      await discord.request("POST", `/channels/${ref.channel}/messages`);
      const exit = new Promise<number | null>((resolve) => bot.child.once("exit", resolve));
      bot.child.kill("SIGTERM");
      await bot.log.line("shutting down");
      const started = Date.now();
      bot.child.kill("SIGINT");
      expect(await exit).toBe(1);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(bot.log.all((l) => l.msg === "second signal; exiting now")).toHaveLength(1);
    } finally {
      bot.child.kill("SIGKILL");
    }
  });

  it("exits within the limit when the store is broken as a cut-short post's outcome is recorded", async () => {
    const dir = stateDir();
    const ref = { platform: "discord" as const, channel: "400000000000000003" };
    await seedDuePosts(dir, [ref]);
    hanging = false;
    // A 500 first: the post waits 2 s to retry, and SIGTERM comes in that wait.
    failFirstSend(ref);
    const bot = await startBot({ discord, web, urls }, dir);
    try {
      await discord.request("POST", `/channels/${ref.channel}/messages`);
      breakStore(dir);
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(STUCK_AFTER_MS);
      expect(bot.log.all((l) => l.msg === "post not made")).toEqual([
        expect.objectContaining({ channel: `discord:${ref.channel}` }),
      ]);
    } finally {
      discord.overrides.shift();
      bot.child.kill("SIGKILL");
    }
    expect(toDiscord(ref)).toHaveLength(1);
  });

  it("exits 0 at the limit, saying so, while a locked store keeps a cut-short post's outcome out", async () => {
    const dir = stateDir();
    const ref = { platform: "discord" as const, channel: "400000000000000004" };
    await seedDuePosts(dir, [ref]);
    hanging = false;
    failFirstSend(ref);
    // A lock may pass, so recording the outcome is tried for as long as the limit allows.
    const bot = await startBot({ discord, web, urls }, dir, { SHUTDOWN_LIMIT: "2s" });
    const holder = new Database(join(dir, STORE_FILE));
    try {
      await discord.request("POST", `/channels/${ref.channel}/messages`);
      holder.exec("BEGIN IMMEDIATE");
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(7000);
      expect(
        bot.log.all((l) => String(l.msg).startsWith("stopping before this post's outcome")),
      ).toEqual([expect.objectContaining({ channel: `discord:${ref.channel}` })]);
    } finally {
      holder.close();
      discord.overrides.shift();
      bot.child.kill("SIGKILL");
    }
    // Left "sending": still claimed, so no restart repeats it (and one five minutes on reports
    // it as "outcome unknown; not resent", as for kill -9).
    const store = openSqliteStore(dir);
    try {
      const date = String(bot.log.lines.find((l) => l.channel === `discord:${ref.channel}`)?.date);
      expect(await store.post(ref, date)).toMatchObject({ status: "sending" });
    } finally {
      store.close();
    }
    expect(toDiscord(ref)).toHaveLength(1);
  });
});
