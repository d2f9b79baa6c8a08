import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, errorLog } from "../src/boot.ts";
import { loadConfig, transports } from "../src/config.ts";
import { type Running, serve } from "../src/serve.ts";
import type { Started } from "../src/startup.ts";
import { slashCommand } from "./adapters/discord/interactions.ts";
import { capturedLogger } from "./support/captured-logger.ts";
import { FAKE_DISCORD, type FakeDiscord, startFakeDiscord } from "./support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  slackSignature,
  slashCommandFields,
  startFakeWebApi,
  startResponseUrls,
} from "./support/fake-slack.ts";

// Daily posts end to end, as an operator runs them: Discord over HTTP interactions with a bot
// token for posting, Slack over HTTP, one STATE_DIR. Channels are subscribed by the commands
// themselves; the bot is then restarted after the post time and catches the day up; restarted
// once more, it posts nothing again. The clock is injected, so no test waits for 09:00.

const SECRET = "signing-secret-for-serve-tests";
const keys = generateKeyPairSync("ed25519");
const PUBLIC_KEY = keys.publicKey
  .export({ format: "der", type: "spki" })
  .subarray(-32)
  .toString("hex");

const SLACK_CHANNEL = "C0TEAM01";
const WITHOUT_MANAGE_CHANNELS = "1024"; // View Channel only
const WITH_MANAGE_CHANNELS = String(1024 | 16);

/** A slash command from a member holding exactly `permissions` in the channel. */
function fromMember(
  name: string,
  options: Record<string, string>,
  permissions: string,
): ReturnType<typeof slashCommand> {
  const interaction = slashCommand(name, options);
  return { ...interaction, member: { ...interaction.member, permissions } };
}

let discord: FakeDiscord;
let web: FakeWebApi;
let urls: ResponseUrls;
let stateDir: string;
let clock = new Date("2026-10-30T07:00:00Z"); // 08:00 in Oslo
const captured = capturedLogger();

async function start(
  env: Record<string, string> = {},
): Promise<{ running: Running; base: string }> {
  const config = loadConfig({
    DISCORD_TOKEN: "discord-bot-token-for-tests",
    DISCORD_PUBLIC_KEY: PUBLIC_KEY,
    DISCORD_API_URL: discord.api,
    SLACK_BOT_TOKEN: "xoxb-serve-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: web.url,
    STATE_DIR: stateDir,
    BOT_TIMEZONE: "Europe/Oslo",
    PORT: "0",
    HOST: "127.0.0.1",
    ...env,
  });
  const started: Started = {
    config,
    ctx: createContext(config, () => clock),
    logger: captured.logger,
    log: errorLog(captured.logger),
  };
  const running = await serve(started, transports(config), {
    now: () => clock,
    sleep: async () => {},
    spacingMs: 0,
  });
  return { running, base: `http://127.0.0.1:${running.port}` };
}

async function slack(
  base: string,
  text: string,
  channel = SLACK_CHANNEL,
): Promise<Record<string, unknown>> {
  const name = `${text} ${Math.random()}`;
  const form = { ...slashCommandFields("/onthisday", text, urls.url(name)) };
  form.channel_id = channel;
  form.user_id = "U0ALICE";
  const raw = new URLSearchParams(form).toString();
  const res = await fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(SECRET, raw),
    },
    body: raw,
  });
  expect(res.status).toBe(200);
  return urls.at(name);
}

async function discordCommand(
  base: string,
  interaction: ReturnType<typeof slashCommand>,
): Promise<{ type: number; data: { flags?: number; embeds?: Array<{ title?: string }> } }> {
  const body = JSON.stringify(interaction);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
  const res = await fetch(`${base}/discord/interactions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
    body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Awaited<ReturnType<typeof discordCommand>>;
}

const channelPosts = () =>
  discord.requests.all.filter((r) => r.method === "POST" && r.path.startsWith("/channels/"));
const slackPosts = () => web.calls.all.filter((c) => c.method === "chat.postMessage");

beforeAll(async () => {
  [discord, web, urls] = await Promise.all([
    startFakeDiscord(),
    startFakeWebApi(),
    startResponseUrls(),
  ]);
  stateDir = mkdtempSync(join(tmpdir(), "barents-serve-"));
});

afterAll(async () => {
  await Promise.all([discord.close(), web.close(), urls.close()]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe("daily posts through npm start's serve()", { timeout: 30_000 }, () => {
  it("takes subscriptions by command on Discord and Slack, refusing a member without Manage Channels", async () => {
    const { running, base } = await start();
    try {
      const refused = await discordCommand(
        base,
        fromMember("onthisday-subscribe", { time: "09:00" }, WITHOUT_MANAGE_CHANNELS),
      );
      expect(refused.data.flags).toBe(64); // ephemeral: only the person who asked sees it
      expect(JSON.stringify(refused.data)).toContain("Manage Channels");

      const subscribed = await discordCommand(
        base,
        fromMember(
          "onthisday-subscribe",
          { time: "09:00", timezone: "europe/oslo" },
          WITH_MANAGE_CHANNELS,
        ),
      );
      expect(subscribed.data.embeds?.[0]?.title).toBe("Daily posts start here");
      expect(JSON.stringify(subscribed.data)).toContain("09:00 (Europe/Oslo)");

      const onSlack = await slack(base, "subscribe 09:00 Europe/Oslo");
      expect(JSON.stringify(onSlack)).toContain("Daily posts start here");
      // Nothing is due before 09:00: no post yet.
      expect(channelPosts()).toEqual([]);
      expect(slackPosts()).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  it("after a restart past the post time, makes the day's post once on each platform", async () => {
    clock = new Date("2026-10-30T09:30:00Z"); // 10:30 in Oslo: 90 minutes late, within grace
    const { running, base } = await start();
    try {
      const toDiscord = await discord.request("POST", `/channels/${FAKE_DISCORD.channelId}`);
      const body = toDiscord.body as Record<string, unknown>;
      expect(toDiscord.path).toBe(`/channels/${FAKE_DISCORD.channelId}/messages`);
      expect(toDiscord.authorization).toBe("Bot discord-bot-token-for-tests");
      expect(body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
      expect(JSON.stringify(body.embeds)).toContain("On this day: 30 October");

      const toSlack = await web.calls.find((c) => c.method === "chat.postMessage");
      expect(toSlack.params.channel).toBe(SLACK_CHANNEL);
      expect(toSlack.params.text).toContain("On this day: 30 October");

      const status = await slack(base, "status");
      expect(JSON.stringify(status)).toContain("2026-10-30: posted");
    } finally {
      await running.stop();
    }
    expect(channelPosts()).toHaveLength(1);
    expect(slackPosts()).toHaveLength(1);
  });

  it("restarted again the same day, posts nothing more", async () => {
    clock = new Date("2026-10-30T10:00:00Z");
    const { running, base } = await start();
    try {
      const status = await slack(base, "status");
      expect(JSON.stringify(status)).toContain("2026-10-30: posted");
    } finally {
      // stop() waits for any post under way, so the counts below are final.
      await running.stop();
    }
    expect(channelPosts()).toHaveLength(1);
    expect(slackPosts()).toHaveLength(1);
  });
});

describe("channels named in ONTHISDAY_CHANNELS", { timeout: 30_000 }, () => {
  it("are subscribed from start-up, with no command typed, and posted to after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-serve-config-"));
    const env = {
      STATE_DIR: dir,
      ONTHISDAY_CHANNELS: "discord:100000000000000077,slack:C0CONFIG1",
      ONTHISDAY_TIME: "11:15",
    };
    try {
      clock = new Date("2026-10-30T08:00:00Z"); // 09:00 in Oslo
      const first = await start(env);
      const status = JSON.stringify(await slack(first.base, "status", "C0CONFIG1"));
      await first.running.stop();
      expect(status).toContain("11:15 (Europe/Oslo)");
      expect(status).toContain("By Barents's configuration (ONTHISDAY_CHANNELS)");

      clock = new Date("2026-10-30T11:00:00Z"); // 12:00 in Oslo, 45 minutes after 11:15
      const second = await start(env);
      // Made by start-up's catch-up, in the background; a stop before would leave them unclaimed.
      await discord.requests.find((r) => r.path.includes("100000000000000077"));
      await web.calls.find((c) => c.params.channel === "C0CONFIG1");
      await second.running.stop();
      const toDiscord = channelPosts().filter((r) => r.path.includes("100000000000000077"));
      const toSlack = slackPosts().filter((c) => c.params.channel === "C0CONFIG1");
      expect(toDiscord).toHaveLength(1);
      expect(toSlack).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Discord over HTTP only, with no DISCORD_TOKEN to post with", { timeout: 30_000 }, () => {
  it("refuses /onthisday-subscribe, saying DISCORD_TOKEN is needed and where it goes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-serve-http-only-"));
    const { running, base } = await start({ DISCORD_TOKEN: "", STATE_DIR: dir });
    try {
      const reply = await discordCommand(
        base,
        fromMember("onthisday-subscribe", { time: "09:00" }, WITH_MANAGE_CHANNELS),
      );
      // Discord's markdown shows DISCORD\_TOKEN as DISCORD_TOKEN.
      const text = JSON.stringify(reply.data).replaceAll("\\\\_", "_");
      expect(text).toContain("must set DISCORD_TOKEN");
      expect(text).toContain(".env");
      expect(text).not.toContain("Daily posts start here");
      // Other commands still answer: HTTP interactions need only the public key.
      const answered = await discordCommand(base, slashCommand("onthisday", { date: "10-30" }));
      expect(answered.data.embeds?.[0]?.title).toBe("On this day: 30 October");
    } finally {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a STATE_DIR whose store file is not a Barents store", { timeout: 30_000 }, () => {
  it("stops start-up with an error naming the file, and leaves the file alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-serve-empty-"));
    const file = join(dir, "barents.sqlite");
    writeFileSync(file, "");
    try {
      const error = await start({ STATE_DIR: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain("not a Barents store");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("serve() before it takes requests", { timeout: 30_000 }, () => {
  it("has built the full-text index, so no first search blocks an interaction's deadline", async () => {
    const { running } = await start();
    await running.stop();
    const ready = captured.lines.find((l) => l.msg === "search index ready");
    expect(ready?.ms).toEqual(expect.any(Number));
    const first = captured.lines.findIndex((l) => l.msg === "search index ready");
    const slackReady = captured.lines.findIndex((l) => l.msg === "Slack ready");
    expect(first).toBeLessThan(slackReady);
  });
});
