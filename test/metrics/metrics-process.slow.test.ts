import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { slashCommand } from "../adapters/discord/interactions.ts";
import { ChildLog } from "../support/child-log.ts";
import { startFakeDiscord } from "../support/fake-discord.ts";
import {
  slashCommandFields,
  startFakeSocket,
  startFakeWebApi,
  startResponseUrls,
} from "../support/fake-slack.ts";
import { cleanEnv, spawnScript } from "../support/process.ts";
import { parseExposition, sampleValue } from "../support/prometheus.ts";

// npm start's process with no HTTP routes at all (Discord's gateway, Slack's Socket Mode):
// METRICS_PORT gives it a server of its own, found from its log line, serving /readyz and
// /metrics for both platforms.

describe("a gateway and Socket Mode bot with METRICS_PORT", { timeout: 60_000 }, () => {
  it("is ready once both are connected, and counts each platform's commands", async () => {
    const discord = await startFakeDiscord();
    const socket = await startFakeSocket();
    const web = await startFakeWebApi({ socketUrl: socket.url });
    const urls = await startResponseUrls();
    const child = spawnScript(
      "src/main.ts",
      cleanEnv({
        LOG_LEVEL: "info",
        HOST: "127.0.0.1",
        METRICS_PORT: "0",
        DISCORD_TOKEN: "discord-bot-token-for-metrics",
        DISCORD_API_URL: discord.api,
        SLACK_BOT_TOKEN: "xoxb-metrics-process",
        SLACK_APP_TOKEN: "xapp-metrics-process",
        SLACK_API_URL: web.url,
      }),
    );
    const log = new ChildLog(child);
    try {
      const listening = await log.find((l) => l.msg === "metrics server listening", "its port");
      const base = `http://127.0.0.1:${String(listening.port)}`;
      await log.find((l) => l.msg === "Barents ready", "ready");
      await socket.connected;
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { ready: true }]);

      await discord.interact(slashCommand("who", { name: "huitfeldt" }));
      socket.send({
        envelope_id: "env-metrics-1",
        type: "slash_commands",
        payload: slashCommandFields("/barents-who", "huitfeldt", urls.url("metrics-socket")),
        accepts_response_payload: true,
      });
      await urls.at("metrics-socket");

      const seen = parseExposition(await (await fetch(`${base}/metrics`)).text());
      for (const platform of ["discord", "slack"])
        expect(
          sampleValue(seen, "barents_replies_total", {
            platform,
            command: "who",
            outcome: "answer",
          }),
        ).toBe(1);
      expect(sampleValue(seen, "barents_discord_shards")).toBe(1);
      expect(
        sampleValue(seen, "barents_discord_gateway_state", { shard: "0", state: "Ready" }),
      ).toBe(1);
      expect(sampleValue(seen, "barents_slack_transport", { transport: "socket" })).toBe(1);
      expect(sampleValue(seen, "barents_slack_connected")).toBe(1);
      expect(sampleValue(seen, "process_resident_memory_bytes")).toBeGreaterThan(0);

      const answered = log.all((l) => l.msg === "command answered");
      expect(answered.map((l) => [l.platform, l.command, l.outcome])).toEqual(
        expect.arrayContaining([
          ["discord", "who", "answer"],
          ["slack", "who", "answer"],
        ]),
      );
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(log.raw).not.toContain("HTTP server listening");
    } finally {
      child.kill("SIGKILL");
      await Promise.all([discord.close(), socket.close(), web.close(), urls.close()]);
    }
  });
});
