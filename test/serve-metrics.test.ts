import { generateKeyPairSync, sign } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContext, errorLog } from "../src/boot.ts";
import { loadConfig, transports } from "../src/config.ts";
import { type Running, serve } from "../src/serve.ts";
import type { Started } from "../src/startup.ts";
import { STORE_FILE } from "../src/store/sqlite-store.ts";
import { autocompleteOf, slashCommand } from "./adapters/discord/interactions.ts";
import { capturedLogger } from "./support/captured-logger.ts";
import { type FakeDiscord, startFakeDiscord } from "./support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  slackSignature,
  slashCommandFields,
  startFakeWebApi,
  startResponseUrls,
} from "./support/fake-slack.ts";
import { freshStateDir } from "./support/process.ts";
import { parseExposition, sampleValue } from "./support/prometheus.ts";
import { breakStoreFile } from "./support/store-file.ts";

// /metrics and /readyz on a running bot, as npm start's serve() wires them: Discord HTTP
// interactions and Slack over HTTP against the loopback fakes, one STATE_DIR per test.

const SECRET = "signing-secret-for-metrics-tests";
const keys = generateKeyPairSync("ed25519");
const PUBLIC_KEY = keys.publicKey
  .export({ format: "der", type: "spki" })
  .subarray(-32)
  .toString("hex");

let discord: FakeDiscord;
let web: FakeWebApi;
let urls: ResponseUrls;
const cleanups: Array<() => Promise<void> | void> = [];

interface Bot {
  running: Running;
  base: string;
  lines: Array<Record<string, unknown>>;
  stateDir: string;
}

async function start(env: Record<string, string> = {}): Promise<Bot> {
  const stateDir = freshStateDir();
  const config = loadConfig({
    DISCORD_PUBLIC_KEY: PUBLIC_KEY,
    DISCORD_API_URL: discord.api,
    SLACK_BOT_TOKEN: "xoxb-metrics-test",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: web.url,
    STATE_DIR: stateDir,
    PORT: "0",
    HOST: "127.0.0.1",
    ...env,
  });
  const { logger, lines } = capturedLogger();
  const started: Started = { config, ctx: createContext(config), logger, log: errorLog(logger) };
  const running = await serve(started, transports(config), { busyWaitMs: 20 });
  cleanups.push(async () => {
    await running.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });
  return { running, base: `http://127.0.0.1:${running.port}`, lines, stateDir };
}

async function discordInteraction(base: string, interaction: unknown): Promise<void> {
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
}

async function slackCommand(base: string, command: string, text: string): Promise<void> {
  const name = `${command} ${text} ${Math.random()}`;
  const raw = new URLSearchParams(slashCommandFields(command, text, urls.url(name))).toString();
  const res = await fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(SECRET, raw),
    },
    body: raw,
  });
  expect(res.status).toBe(200);
  await urls.at(name);
}

async function get(url: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
}

beforeAll(async () => {
  [discord, web, urls] = await Promise.all([
    startFakeDiscord(),
    startFakeWebApi(),
    startResponseUrls(),
  ]);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await Promise.all([discord.close(), web.close(), urls.close()]);
});

describe("GET /metrics", { timeout: 30_000 }, () => {
  it("is not served unless asked (404), while /readyz is", async () => {
    const bot = await start();
    expect((await get(`${bot.base}/metrics`)).status).toBe(404);
    const ready = await get(`${bot.base}/readyz`);
    expect([ready.status, JSON.parse(ready.text)]).toEqual([200, { ready: true }]);
  });

  it("with METRICS=on, counts and times each platform's commands beside the HTTP routes", async () => {
    const bot = await start({ METRICS: "on" });
    await discordInteraction(bot.base, slashCommand("who", { name: "huitfeldt" }));
    await discordInteraction(bot.base, slashCommand("expulsions", { year: 1066 }));
    await discordInteraction(bot.base, autocompleteOf("who", "name", "huit"));
    await slackCommand(bot.base, "/barents-who", "huitfeldt");
    await slackCommand(bot.base, "/barents", "frobnicate now");
    await slackCommand(bot.base, "/barents-onthisday", "02-30");

    const scraped = await get(`${bot.base}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toContain("text/plain");
    const seen = parseExposition(scraped.text);
    const replies = (platform: string, command: string, outcome: string) =>
      sampleValue(seen, "barents_replies_total", { platform, command, outcome });
    expect(replies("discord", "who", "answer")).toBe(1);
    expect(replies("discord", "expulsions", "empty")).toBe(1);
    expect(replies("slack", "onthisday", "usage_error")).toBe(1);
    expect(replies("slack", "who", "answer")).toBe(1);
    // A word that is no command is searched; the search's own name is the label, never the word.
    expect(replies("slack", "search", "answer") + replies("slack", "search", "empty")).toBe(1);
    expect(scraped.text).not.toContain("frobnicate");
    for (const platform of ["discord", "slack"]) {
      const who = { platform, command: "who" };
      expect(sampleValue(seen, "barents_reply_seconds_count", who)).toBe(1);
      expect(sampleValue(seen, "barents_reply_seconds_bucket", { ...who, le: "+Inf" })).toBe(1);
      expect(
        sampleValue(seen, "barents_reply_seconds_bucket", { ...who, le: "0.005" }),
      ).toBeGreaterThanOrEqual(0);
    }
    expect(
      sampleValue(seen, "barents_autocomplete_total", { platform: "discord", command: "who" }),
    ).toBe(1);
    expect(sampleValue(seen, "barents_slack_transport", { transport: "http" })).toBe(1);
    expect(sampleValue(seen, "barents_discord_shards")).toBe(0);
    expect(sampleValue(seen, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    // The channel a command came from is never a label.
    expect(scraped.text).not.toContain("C0CHANNEL");

    // And one log line for each command, with no option values at info.
    const answered = bot.lines.filter((l) => l.msg === "command answered");
    expect(answered).toHaveLength(5);
    expect(answered[0]).toMatchObject({
      level: 30,
      platform: "discord",
      command: "who",
      outcome: "answer",
    });
    expect(answered[0]?.id).toEqual(expect.stringMatching(/^\d+$/));
    expect(answered[2]).toMatchObject({ platform: "slack", command: "who", id: "1.2.3" });
    expect(JSON.stringify(answered)).not.toContain("huitfeldt");
  });

  it("with METRICS_PORT, is served on a port of its own (found from the log line), not on PORT", async () => {
    const bot = await start({ METRICS: "on", METRICS_PORT: "0" });
    const line = bot.lines.find((l) => l.msg === "metrics server listening");
    expect(line).toMatchObject({ host: "127.0.0.1", paths: ["/healthz", "/readyz", "/metrics"] });
    expect(line?.port).toBe(bot.running.metricsPort);
    expect(line?.port).not.toBe(bot.running.port);
    const own = `http://127.0.0.1:${String(line?.port)}`;
    expect((await get(`${own}/metrics`)).text).toContain("barents_replies_total");
    expect((await get(`${own}/readyz`)).status).toBe(200);
    expect(JSON.parse((await get(`${own}/healthz`)).text)).toEqual({ ok: true });
    expect((await get(`${bot.base}/metrics`)).status).toBe(404);
    expect((await get(`${bot.base}/readyz`)).status).toBe(200);
  });
});

describe("GET /readyz and the schedule store", { timeout: 30_000 }, () => {
  it("answers 503 naming the store while another connection holds its write lock, 200 after", async () => {
    const bot = await start();
    const holder = new Database(join(bot.stateDir, STORE_FILE));
    holder.exec("BEGIN IMMEDIATE");
    try {
      const locked = await get(`${bot.base}/readyz`);
      expect(locked.status).toBe(503);
      const body = JSON.parse(locked.text) as { ready: boolean; reasons: Record<string, string> };
      expect(body.ready).toBe(false);
      expect(Object.keys(body.reasons)).toEqual(["store"]);
      expect(body.reasons.store).toMatch(/^locked by another connection/);
      // No file path in a public answer.
      expect(locked.text).not.toContain(bot.stateDir);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect((await get(`${bot.base}/readyz`)).status).toBe(200);
  });

  it("answers 503 naming the store once its file is broken, while /healthz stays 200", async () => {
    const bot = await start();
    breakStoreFile(bot.stateDir);
    const broken = await get(`${bot.base}/readyz`);
    expect(broken.status).toBe(503);
    expect(JSON.parse(broken.text)).toEqual({
      ready: false,
      reasons: { store: expect.stringMatching(/malformed/) },
    });
    expect((await get(`${bot.base}/healthz`)).status).toBe(200);
  });
});
