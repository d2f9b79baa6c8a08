import { afterEach, describe, expect, it } from "vitest";
import type { ShardState } from "../../src/adapters/discord/gateway.ts";
import { createContext, errorLog } from "../../src/boot.ts";
import { loadConfig } from "../../src/config.ts";
import { type Observing, observe } from "../../src/metrics/observe.ts";
import type { Started } from "../../src/startup.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { parseExposition, sampleValue } from "../support/prometheus.ts";

// A bot with no HTTP routes (Discord's gateway, Slack's Socket Mode): METRICS_PORT's server is
// where /readyz answers, and it says what start-up is still waiting for, part by part.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function observing(): Promise<{ seen: Observing; url: string }> {
  const config = loadConfig({
    DISCORD_TOKEN: "discord-token-for-observe-tests",
    SLACK_BOT_TOKEN: "xoxb-observe",
    SLACK_APP_TOKEN: "xapp-observe",
    METRICS_PORT: "0",
    HOST: "127.0.0.1",
  });
  const { logger, lines } = capturedLogger();
  const started: Started = { config, ctx: createContext(config), logger, log: errorLog(logger) };
  const seen = await observe(started, { discord: "gateway", slack: "socket" });
  cleanups.push(() => seen.stop());
  const line = lines.find((l) => l.msg === "metrics server listening");
  expect(line?.port).toBe(seen.port);
  return { seen, url: `http://127.0.0.1:${String(line?.port)}` };
}

async function readyz(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: await res.json() };
}

describe("readiness with no HTTP routes", () => {
  it("answers 503 on METRICS_PORT, naming each part start-up still waits for", async () => {
    const { url } = await observing();
    expect(await readyz(url)).toEqual({
      status: 503,
      body: {
        ready: false,
        reasons: {
          data: "the search index is being built",
          store: "the schedule store is not open yet",
          discord: "the gateway is connecting",
          slack: "Socket Mode is connecting",
        },
      },
    });
  });

  it("follows the gateway and the socket: 503 while either is down, 200 once all are up", async () => {
    const { seen, url } = await observing();
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    let shards: ShardState[] = [
      { id: 0, state: "Ready", pingMs: 40 },
      { id: 1, state: "Reconnecting", pingMs: 80 },
    ];
    let socketOpen = false;
    seen.dataReady();
    seen.watchStore(store, () => ({ ok: true }));
    seen.watchDiscord({ shards: () => shards, stop: async () => {} });
    seen.watchSlack({ mode: "socket", connected: () => socketOpen });
    expect(await readyz(url)).toEqual({
      status: 503,
      body: {
        ready: false,
        reasons: {
          discord: "gateway not ready: shard 1 Reconnecting",
          slack: "the Socket Mode connection is down",
        },
      },
    });

    shards = shards.map((s) => ({ ...s, state: "Ready" }));
    socketOpen = true;
    expect(await readyz(url)).toEqual({ status: 200, body: { ready: true } });

    const metrics = parseExposition(await (await fetch(`${url}/metrics`)).text());
    expect(sampleValue(metrics, "barents_discord_shards")).toBe(2);
    expect(
      sampleValue(metrics, "barents_discord_gateway_state", { shard: "1", state: "Ready" }),
    ).toBe(1);
    expect(sampleValue(metrics, "barents_discord_gateway_ping_seconds", { shard: "1" })).toBe(0.08);
    expect(sampleValue(metrics, "barents_slack_transport", { transport: "socket" })).toBe(1);
    expect(sampleValue(metrics, "barents_slack_connected")).toBe(1);
  });

  it("serves /healthz there too, with the store's health", async () => {
    const { seen, url } = await observing();
    const store = openSqliteStore(":memory:");
    cleanups.push(() => store.close());
    seen.watchStore(store, () => ({ ok: false, reason: "database disk image is malformed" }));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      status: "degraded",
      degraded: { schedule: { reason: "database disk image is malformed" } },
    });
  });
});
