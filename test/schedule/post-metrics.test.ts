import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/metrics/registry.ts";
import { type Poster, PostFailure } from "../../src/schedule/delivery.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import type { ChannelRef, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { parseExposition, sampleValue } from "../support/prometheus.ts";

// Each daily post's turn reaches the metrics once it has ended: how it ended, by platform, and
// for a sent post how long after its due time it went out. No channel id is ever a label.

const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const index = bundledContext().index;
const stores: ScheduleStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function scheduled(poster: Poster, now: Date) {
  const store = openSqliteStore(":memory:");
  stores.push(store);
  await store.subscribe({
    ...team,
    time: "09:00",
    timeZone: "Europe/Oslo",
    origin: "command",
    by: "U0ALICE",
    since: "2026-01-01T00:00:00.000Z",
  });
  const metrics = createMetrics({ processMetrics: false });
  const scheduler = new Scheduler({
    store,
    index,
    posters: { slack: poster },
    logger: capturedLogger().logger,
    graceMs: 6 * 3_600_000,
    empty: "say",
    now: () => now,
    sleep: async () => {},
    spacingMs: 0,
    attempts: 1,
    onPost: (turn) => metrics.posted(turn),
  });
  return { scheduler, metrics };
}

describe("scheduled post metrics", () => {
  it("count a sent post and its lag behind the due time", async () => {
    const sent: string[] = [];
    const due = new Date("2026-10-30T08:00:00Z"); // 09:00 in Oslo
    const { scheduler, metrics } = await scheduled(
      { post: async (channel) => void sent.push(channel) },
      new Date(due.getTime() + 90_000),
    );
    await scheduler.postToday(team, due);
    await scheduler.stop();
    expect(sent).toEqual([team.channel]);
    const text = await metrics.text();
    const seen = parseExposition(text);
    expect(
      sampleValue(seen, "barents_scheduled_posts_total", { platform: "slack", outcome: "sent" }),
    ).toBe(1);
    expect(sampleValue(seen, "barents_scheduled_post_lag_seconds_sum", { platform: "slack" })).toBe(
      90,
    );
    expect(text).not.toContain(team.channel);
  });

  it("count a failed post, with no lag", async () => {
    const due = new Date("2026-10-30T08:00:00Z");
    const { scheduler, metrics } = await scheduled(
      {
        post: async () => {
          throw new PostFailure("channel_not_found", false);
        },
      },
      due,
    );
    await scheduler.postToday(team, due);
    await scheduler.stop();
    const seen = parseExposition(await metrics.text());
    expect(
      sampleValue(seen, "barents_scheduled_posts_total", { platform: "slack", outcome: "failed" }),
    ).toBe(1);
    expect(
      sampleValue(seen, "barents_scheduled_posts_total", { platform: "slack", outcome: "sent" }),
    ).toBe(0);
    expect(
      sampleValue(seen, "barents_scheduled_post_lag_seconds_count", { platform: "slack" }),
    ).toBe(0);
  });
});
