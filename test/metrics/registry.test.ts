import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/metrics/registry.ts";
import { parseExposition, samplesOf, sampleValue } from "../support/prometheus.ts";

// The exposition as Prometheus scrapes it: each test makes a registry of its own, so no count
// carries over from another test.

async function scrape(metrics: ReturnType<typeof createMetrics>) {
  return parseExposition(await metrics.text());
}

describe("the metrics registry", () => {
  it("counts replies by platform, command and outcome, and times them per platform and command", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.answered({ platform: "discord", command: "who", outcome: "answer", ms: 12 });
    metrics.answered({ platform: "discord", command: "who", outcome: "answer", ms: 30 });
    metrics.answered({ platform: "slack", command: "expulsions", outcome: "usage_error", ms: 2 });
    const seen = await scrape(metrics);
    expect(seen.types.barents_replies_total).toBe("counter");
    expect(
      sampleValue(seen, "barents_replies_total", {
        platform: "discord",
        command: "who",
        outcome: "answer",
      }),
    ).toBe(2);
    expect(
      sampleValue(seen, "barents_replies_total", {
        platform: "slack",
        command: "expulsions",
        outcome: "usage_error",
      }),
    ).toBe(1);
    expect(seen.types.barents_reply_seconds).toBe("histogram");
    const who = { platform: "discord", command: "who" };
    expect(sampleValue(seen, "barents_reply_seconds_count", who)).toBe(2);
    expect(sampleValue(seen, "barents_reply_seconds_sum", who)).toBeCloseTo(0.042);
    expect(sampleValue(seen, "barents_reply_seconds_bucket", { ...who, le: "0.025" })).toBe(1);
    expect(sampleValue(seen, "barents_reply_seconds_bucket", { ...who, le: "0.05" })).toBe(2);
    expect(sampleValue(seen, "barents_reply_seconds_bucket", { ...who, le: "+Inf" })).toBe(2);
  });

  it("counts and times autocomplete requests", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.autocompleted({ platform: "discord", command: "who", ms: 0.4 });
    const seen = await scrape(metrics);
    const labels = { platform: "discord", command: "who" };
    expect(sampleValue(seen, "barents_autocomplete_total", labels)).toBe(1);
    expect(
      sampleValue(seen, "barents_autocomplete_seconds_bucket", { ...labels, le: "0.001" }),
    ).toBe(1);
  });

  it("counts scheduled posts by platform and outcome, and their lag behind the due time", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.posted({ platform: "slack", outcome: "sent", lagMs: 90_000 });
    metrics.posted({ platform: "discord", outcome: "failed" });
    const seen = await scrape(metrics);
    expect(
      sampleValue(seen, "barents_scheduled_posts_total", { platform: "slack", outcome: "sent" }),
    ).toBe(1);
    expect(
      sampleValue(seen, "barents_scheduled_posts_total", {
        platform: "discord",
        outcome: "failed",
      }),
    ).toBe(1);
    const lag = { platform: "slack" };
    expect(sampleValue(seen, "barents_scheduled_post_lag_seconds_sum", lag)).toBe(90);
    expect(
      sampleValue(seen, "barents_scheduled_post_lag_seconds_bucket", { ...lag, le: "60" }),
    ).toBe(0);
    expect(
      sampleValue(seen, "barents_scheduled_post_lag_seconds_bucket", { ...lag, le: "300" }),
    ).toBe(1);
    // A failed post went out at no time, so it has no lag.
    expect(
      sampleValue(seen, "barents_scheduled_post_lag_seconds_count", { platform: "discord" }),
    ).toBe(0);
  });

  it("reads the gateway's state, ping and shard count, and Slack's transport, at each scrape", async () => {
    const metrics = createMetrics({ processMetrics: false });
    let state = "Ready";
    metrics.watchDiscord(() => [
      { id: 0, state, pingMs: 42 },
      { id: 1, state: "Ready", pingMs: -1 },
    ]);
    let open = true;
    metrics.watchSlack("socket", () => open);
    let seen = await scrape(metrics);
    expect(sampleValue(seen, "barents_discord_shards")).toBe(2);
    expect(sampleValue(seen, "barents_discord_gateway_state", { shard: "0", state: "Ready" })).toBe(
      1,
    );
    expect(sampleValue(seen, "barents_discord_gateway_ping_seconds", { shard: "0" })).toBe(0.042);
    // discord.js says -1 before the first heartbeat: no ping yet, rather than a negative one.
    expect(samplesOf(seen, "barents_discord_gateway_ping_seconds")).toHaveLength(1);
    expect(sampleValue(seen, "barents_slack_transport", { transport: "socket" })).toBe(1);
    expect(sampleValue(seen, "barents_slack_connected")).toBe(1);

    state = "Reconnecting";
    open = false;
    seen = await scrape(metrics);
    const shard0 = samplesOf(seen, "barents_discord_gateway_state").filter(
      (s) => s.labels.shard === "0",
    );
    expect(shard0).toEqual([
      {
        name: "barents_discord_gateway_state",
        labels: { shard: "0", state: "Reconnecting" },
        value: 1,
      },
    ]);
    expect(sampleValue(seen, "barents_slack_connected")).toBe(0);
  });

  it("reports no gateway and no Slack where neither runs", async () => {
    const seen = await scrape(createMetrics({ processMetrics: false }));
    expect(sampleValue(seen, "barents_discord_shards")).toBe(0);
    expect(samplesOf(seen, "barents_discord_gateway_state")).toEqual([]);
    expect(samplesOf(seen, "barents_slack_transport")).toEqual([]);
  });

  it("includes the process metrics, in its own registry each time", async () => {
    const first = await scrape(createMetrics());
    expect(samplesOf(first, "process_cpu_user_seconds_total")).toHaveLength(1);
    expect(samplesOf(first, "nodejs_heap_size_used_bytes")).toHaveLength(1);
    // A second registry registers the same names without clashing with the first.
    const second = await scrape(createMetrics());
    expect(samplesOf(second, "process_resident_memory_bytes")).toHaveLength(1);
  });
});
