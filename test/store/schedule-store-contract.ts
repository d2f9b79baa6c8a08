import { afterEach, describe, expect, it } from "vitest";
import { applyConfiguredChannels } from "../../src/schedule/daily-posts.ts";
import type { ChannelRef, ScheduleStore, Subscription } from "../../src/store/schedule-store.ts";

// What every ScheduleStore does, whatever holds it: one set of specifications run over SQLite
// (sqlite-store.test.ts) and PostgreSQL (pg-store.test.ts), so the two cannot drift apart.

export interface StoreUnderTest {
  /** Empties the schedule and opens a handle on it. */
  fresh(): Promise<ScheduleStore>;
  /** Opens another handle on the schedule fresh() last emptied, as a second process would. */
  another(): Promise<ScheduleStore>;
}

// The channels, dates and times every store test uses.
export const news: ChannelRef = { platform: "discord", channel: "100000000000000004" };
export const team: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
export const at = (iso: string) => new Date(iso);
export const SINCE = "2026-10-01T10:00:00.000Z";
export const DAY = "2026-10-30";
export const EIGHT = at("2026-10-30T08:00:00Z");

/** A command subscription of `ref` at 09:00 in Oslo by U0ALICE, unless `extra` says otherwise. */
export async function subscribe(
  store: ScheduleStore,
  ref: ChannelRef,
  extra: Partial<Omit<Subscription, "failures" | "paused">> = {},
): Promise<void> {
  const timing = { time: "09:00", timeZone: "Europe/Oslo" };
  await store.subscribe({
    ...ref,
    ...timing,
    origin: "command",
    by: "U0ALICE",
    since: SINCE,
    ...extra,
  });
}

export function specifyScheduleStore(kind: StoreUnderTest): void {
  const opened: ScheduleStore[] = [];
  const keep = (store: ScheduleStore) => {
    opened.push(store);
    return store;
  };
  const open = async () => keep(await kind.fresh());
  const another = async () => keep(await kind.another());
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  describe("a handle opened again", () => {
    it("finds the subscriptions, posts and changes another wrote", async () => {
      const first = await open();
      await subscribe(first, team, { time: "07:30" });
      await first.claim(team, DAY, at("2026-10-30T06:30:00Z"));
      await first.close();
      const second = await another();
      const kept = { time: "07:30", timeZone: "Europe/Oslo", origin: "command", by: "U0ALICE" };
      expect(await second.list()).toEqual([{ ...team, ...kept, since: SINCE, failures: 0 }]);
      expect((await second.post(team, DAY))?.status).toBe("sending");
      expect(await second.claim(team, DAY, at("2026-10-30T06:31:00Z"))).toBe(false);
      expect(await second.changes(team)).toHaveLength(1);
    });
  });

  describe("subscribe", () => {
    it("stores a subscription with no failures, and logs who made it", async () => {
      const store = await open();
      await subscribe(store, team);
      expect(await store.get(team)).toMatchObject({
        failures: 0,
        by: "U0ALICE",
        origin: "command",
      });
      expect((await store.get(team))?.paused).toBeUndefined();
      expect(await store.changes(team)).toEqual([
        { ...team, action: "subscribe", by: "U0ALICE", at: SINCE, detail: "09:00 Europe/Oslo" },
      ]);
    });

    it("replaces an existing subscription of the channel rather than adding a second", async () => {
      const store = await open();
      await subscribe(store, team);
      const replaced = { time: "18:15", timeZone: "America/New_York", by: "U0BOB" };
      await subscribe(store, team, replaced);
      expect(await store.list()).toHaveLength(1);
      expect(await store.get(team)).toMatchObject(replaced);
      expect((await store.changes(team)).map((c) => [c.by, c.detail])).toEqual([
        ["U0ALICE", "09:00 Europe/Oslo"],
        ["U0BOB", "18:15 America/New_York"],
      ]);
    });

    it("clears failures and a pause, so subscribing again resumes posting", async () => {
      const store = await open();
      await subscribe(store, team);
      await store.recordFailure(team, "not_in_channel", 2, at("2026-10-02T08:00:00Z"));
      await store.recordFailure(team, "not_in_channel", 2, at("2026-10-03T08:00:00Z"));
      expect((await store.get(team))?.paused).toBe("not_in_channel");
      await subscribe(store, team, { since: "2026-10-04T10:00:00.000Z" });
      expect((await store.get(team))?.failures).toBe(0);
      expect((await store.get(team))?.paused).toBeUndefined();
    });

    it("names the origin in the log when no user made it", async () => {
      const store = await open();
      await subscribe(store, news, { origin: "config", by: undefined });
      expect((await store.get(news))?.by).toBeUndefined();
      expect((await store.changes(news))[0]?.by).toBe("config");
    });

    it("lists subscriptions ordered by platform and channel", async () => {
      const store = await open();
      for (const ref of [team, { ...news, channel: "200000000000000000" }, news]) {
        await subscribe(store, ref);
      }
      expect((await store.list()).map((s) => s.channel)).toEqual([
        "100000000000000004",
        "200000000000000000",
        "C0TEAM01",
      ]);
    });
  });

  describe("unsubscribe", () => {
    it("returns false and logs nothing when the channel was not subscribed", async () => {
      const store = await open();
      expect(await store.unsubscribe(team, "U0BOB", at("2026-10-05T09:00:00Z"))).toBe(false);
      expect(await store.changes(team)).toEqual([]);
    });

    it("removes the subscription and logs who removed it, once", async () => {
      const store = await open();
      await subscribe(store, team);
      expect(await store.unsubscribe(team, "U0BOB", at("2026-10-05T09:00:00Z"))).toBe(true);
      expect(await store.get(team)).toBeUndefined();
      expect(await store.unsubscribe(team, "U0BOB", at("2026-10-06T09:00:00Z"))).toBe(false);
      expect((await store.changes(team)).slice(1)).toEqual([
        { ...team, action: "unsubscribe", by: "U0BOB", at: "2026-10-05T09:00:00.000Z" },
      ]);
    });
  });

  describe("the post log", () => {
    it("grants a claim once per platform, channel and local date", async () => {
      const store = await open();
      expect(await store.claim(news, DAY, EIGHT)).toBe(true);
      expect(await store.claim(news, DAY, EIGHT)).toBe(false);
      expect(await store.claim(news, "2026-10-31", EIGHT)).toBe(true);
      expect(await store.claim(team, DAY, EIGHT)).toBe(true);
      expect(await store.claim({ platform: "slack", channel: news.channel }, DAY, EIGHT)).toBe(
        true,
      );
      const claimed = { localDate: DAY, status: "sending", at: EIGHT.toISOString(), attempts: 0 };
      expect(await store.post(news, DAY)).toEqual({ ...news, ...claimed });
    });

    it("gives back only a claim still being sent, so it can be claimed again", async () => {
      const store = await open();
      await store.claim(team, DAY, at("2026-10-30T06:30:00Z"));
      expect(await store.release(team, DAY)).toBe(true);
      expect(await store.post(team, DAY)).toBeUndefined();
      expect(await store.release(team, DAY)).toBe(false);
      expect(await store.claim(team, DAY, at("2026-10-30T06:31:00Z"))).toBe(true);
      await store.settle(team, DAY, { status: "sent", attempts: 1 }, at("2026-10-30T06:31:01Z"));
      // A settled post is history: giving it back could let it be posted twice.
      expect(await store.release(team, DAY)).toBe(false);
      expect(await store.post(team, DAY)).toMatchObject({ status: "sent" });
    });

    it("grants a claim to only one of two store handles on the same schedule", async () => {
      const a = await open();
      const b = await another();
      expect(await b.claim(news, DAY, EIGHT)).toBe(true);
      expect(await a.claim(news, DAY, EIGHT)).toBe(false);
      expect(await b.claim(news, DAY, EIGHT)).toBe(false);
      expect((await a.post(news, DAY))?.status).toBe("sending");
    });

    it("records how a claimed post ended", async () => {
      const store = await open();
      await store.claim(news, DAY, EIGHT);
      const failed = { status: "failed", attempts: 3, detail: "Missing Access" } as const;
      await store.settle(news, DAY, failed, at("2026-10-30T08:00:42Z"));
      expect(await store.post(news, DAY)).toEqual({
        ...news,
        ...failed,
        localDate: DAY,
        at: "2026-10-30T08:00:42.000Z",
      });
      await store.claim(team, DAY, EIGHT);
      await store.settle(team, DAY, { status: "sent", attempts: 1 }, at("2026-10-30T08:00:01Z"));
      expect((await store.post(team, DAY))?.status).toBe("sent");
      expect(await store.post(team, DAY)).not.toHaveProperty("detail");
    });

    it("gives the latest local date as the last post, whatever order they were made in", async () => {
      const store = await open();
      await store.claim(news, DAY, EIGHT);
      await store.claim(news, "2026-10-29", at("2026-10-30T09:00:00Z"));
      await store.claim(team, "2026-11-02", at("2026-11-02T08:00:00Z"));
      expect((await store.lastPost(news))?.localDate).toBe(DAY);
    });

    it("has no record for a date or channel never claimed", async () => {
      const store = await open();
      await store.claim(news, DAY, EIGHT);
      expect(await store.post(news, "2026-10-29")).toBeUndefined();
      expect(await store.post(team, DAY)).toBeUndefined();
      expect(await store.lastPost(team)).toBeUndefined();
    });
  });

  describe("failures", () => {
    it("are counted, and pause the subscription with the reason at pauseAfter in a row", async () => {
      const store = await open();
      await subscribe(store, news);
      const first = await store.recordFailure(
        news,
        "Missing Access",
        3,
        at("2026-10-02T08:00:00Z"),
      );
      expect(first?.failures).toBe(1);
      expect(first?.paused).toBeUndefined();
      const second = await store.recordFailure(
        news,
        "Missing Access",
        3,
        at("2026-10-03T08:00:00Z"),
      );
      expect(second?.failures).toBe(2);
      expect(second?.paused).toBeUndefined();
      const third = await store.recordFailure(
        news,
        "Unknown Channel",
        3,
        at("2026-10-04T08:00:00Z"),
      );
      expect(third).toMatchObject({ failures: 3, paused: "Unknown Channel" });
      expect((await store.get(news))?.paused).toBe("Unknown Channel");
    });

    it("log one pause, by the scheduler, not repeated on later failures", async () => {
      const store = await open();
      await subscribe(store, news);
      for (const day of ["02", "03", "04", "05"]) {
        await store.recordFailure(news, "Missing Access", 2, at(`2026-10-${day}T08:00:00Z`));
      }
      expect((await store.get(news))?.failures).toBe(4);
      expect((await store.get(news))?.paused).toBeDefined();
      const pause = { action: "pause", by: "scheduler", detail: "Missing Access" };
      expect((await store.changes(news)).filter((c) => c.action === "pause")).toEqual([
        { ...news, ...pause, at: "2026-10-03T08:00:00.000Z" },
      ]);
    });

    it("are reset by a success, so the count starts again", async () => {
      const store = await open();
      await subscribe(store, news);
      await store.recordFailure(news, "Missing Access", 2, at("2026-10-02T08:00:00Z"));
      await store.recordSuccess(news);
      expect((await store.get(news))?.failures).toBe(0);
      const next = await store.recordFailure(news, "Missing Access", 2, at("2026-10-04T08:00:00Z"));
      expect(next?.failures).toBe(1);
      expect(next?.paused).toBeUndefined();
    });

    it("of one post are counted once, however often the count is asked again", async () => {
      const store = await open();
      await subscribe(store, news);
      await store.recordFailure(news, "Missing Access", 3, at("2026-10-02T08:00:00Z"), DAY);
      // The retry of a count whose answer was lost.
      const retried = await store.recordFailure(news, "Missing Access", 3, EIGHT, DAY);
      expect(retried?.failures).toBe(1);
      expect(retried?.paused).toBeUndefined();
      const nextDay = await store.recordFailure(news, "Missing Access", 3, EIGHT, "2026-10-31");
      expect(nextDay?.failures).toBe(2);
      // Subscribing again starts afresh: that day's failure, were it to recur, counts again.
      await subscribe(store, news);
      expect((await store.recordFailure(news, "x", 3, EIGHT, "2026-10-31"))?.failures).toBe(1);
    });

    it("of a channel with no subscription change nothing and return undefined", async () => {
      const store = await open();
      expect(await store.recordFailure(team, "not_in_channel", 1, EIGHT)).toBeUndefined();
      expect(await store.changes(team)).toEqual([]);
    });
  });

  describe("a claimant asking again", () => {
    it("is told the claim is its own while it is being sent, as after a lost answer; no one else is", async () => {
      const store = await open();
      expect(await store.claim(news, DAY, EIGHT, "attempt-1")).toBe(true);
      expect(await store.claim(news, DAY, EIGHT, "attempt-1")).toBe(true);
      expect(await store.claim(news, DAY, EIGHT, "attempt-2")).toBe(false);
      expect(await store.claim(news, DAY, EIGHT)).toBe(false);
      expect((await store.post(news, DAY))?.at).toBe(EIGHT.toISOString());
      await store.settle(news, DAY, { status: "sent", attempts: 1 }, at("2026-10-30T08:00:02Z"));
      // Settled, the post is history: asking again cannot make it a second time.
      expect(await store.claim(news, DAY, EIGHT, "attempt-1")).toBe(false);
      // A claim made without a claimant is nobody's to ask for again.
      expect(await store.claim(team, DAY, EIGHT)).toBe(true);
      expect(await store.claim(team, DAY, EIGHT)).toBe(false);
    });
  });

  describe("claims made at once", () => {
    it("are granted to exactly one of eight handles asking for the same day together", async () => {
      const handles = [await open()];
      for (let i = 1; i < 8; i++) handles.push(await another());
      const granted = await Promise.all(handles.map((store) => store.claim(news, DAY, EIGHT)));
      expect(granted.filter(Boolean)).toHaveLength(1);
    });
  });

  describe("orphaned claims", () => {
    it("are marked unknown once, never handed out again, and only those claimed before the cut-off", async () => {
      const store = await open();
      await store.claim(team, "2026-10-29", at("2026-10-29T08:00:00Z"));
      await store.settle(
        team,
        "2026-10-29",
        { status: "sent", attempts: 1 },
        at("2026-10-29T08:00:01Z"),
      );
      await store.claim(team, DAY, at("2026-10-30T08:00:00Z"));
      await store.claim(news, DAY, at("2026-10-30T08:10:00Z"));
      const orphans = await store.settleOrphans(
        at("2026-10-30T08:05:00Z"),
        at("2026-10-30T09:00:00Z"),
      );
      expect(orphans.map((p) => [p.channel, p.localDate, p.status])).toEqual([
        [team.channel, DAY, "sending"],
      ]);
      expect(await store.post(team, DAY)).toMatchObject({
        status: "unknown",
        at: "2026-10-30T09:00:00.000Z",
        detail: expect.stringMatching(/not resent/),
      });
      expect(await store.claim(team, DAY, at("2026-10-30T09:01:00Z"))).toBe(false);
      expect(await store.release(team, DAY)).toBe(false);
      expect((await store.post(news, DAY))?.status).toBe("sending");
      expect(
        await store.settleOrphans(at("2026-10-30T08:05:00Z"), at("2026-10-30T10:00:00Z")),
      ).toEqual([]);
    });

    it("are renewed in one call for thousands of claimants, as a long send queue holds", async () => {
      const store = await open();
      const claimants = Array.from({ length: 3000 }, (_, i) => `attempt-${i}`);
      for (const [i, claimant] of claimants.entries()) {
        const ref = { platform: "slack" as const, channel: `C${String(i).padStart(8, "0")}` };
        await store.claim(ref, DAY, at("2026-10-30T08:00:00Z"), claimant);
      }
      await store.renew(claimants, at("2026-10-30T08:20:00Z"));
      const orphans = await store.settleOrphans(
        at("2026-10-30T08:15:00Z"),
        at("2026-10-30T08:25:00Z"),
      );
      expect(orphans).toEqual([]);
    });

    it("are only claims nobody renewed: a renewed claim is alive however long ago it was made", async () => {
      const store = await open();
      await store.claim(news, DAY, at("2026-10-30T08:00:00Z"), "queued-here");
      await store.claim(team, DAY, at("2026-10-30T08:00:00Z"), "died-elsewhere");
      await store.claim(team, "2026-10-29", at("2026-10-29T08:00:00Z"), "sent-yesterday");
      await store.settle(
        team,
        "2026-10-29",
        { status: "sent", attempts: 1 },
        at("2026-10-29T08:00:01Z"),
      );
      await store.renew(["queued-here", "sent-yesterday", "nobody"], at("2026-10-30T08:20:00Z"));
      await store.renew([], at("2026-10-30T08:21:00Z"));

      const orphans = await store.settleOrphans(
        at("2026-10-30T08:15:00Z"),
        at("2026-10-30T08:25:00Z"),
      );
      expect(orphans.map((p) => p.channel)).toEqual([team.channel]);
      expect(await store.post(news, DAY)).toMatchObject({
        status: "sending",
        at: "2026-10-30T08:20:00.000Z",
      });
      // A settled post keeps the time it was settled: renewing is only for claims under way.
      expect((await store.post(team, "2026-10-29"))?.at).toBe("2026-10-29T08:00:01.000Z");
    });
  });

  describe("update", () => {
    const configured = [news, team];
    const timing = { time: "08:00", timeZone: "Europe/Oslo" };

    it("makes every change its plan decides, from what it read", async () => {
      const store = await open();
      await subscribe(
        store,
        { platform: "discord", channel: "300000000000000000" },
        {
          origin: "config",
          by: undefined,
        },
      );
      await applyConfiguredChannels(store, configured, timing, EIGHT);
      expect((await store.list()).map((s) => [s.channel, s.origin, s.time])).toEqual([
        [news.channel, "config", "08:00"],
        [team.channel, "config", "08:00"],
      ]);
      const log = await store.changes({ platform: "discord", channel: "300000000000000000" });
      expect(log.map((c) => [c.action, c.by])).toEqual([
        ["subscribe", "config"],
        ["unsubscribe", "ONTHISDAY_CHANNELS"],
      ]);
    });

    it("changes nothing when its plan throws part-way", async () => {
      const store = await open();
      await subscribe(store, team);
      const plan = () => {
        throw new Error("plan failed");
      };
      await expect(store.update(plan)).rejects.toThrow(/plan failed/);
      await expect(
        store.update(() => ({
          unsubscribe: [{ ref: team, by: "U0BOB", at: EIGHT }],
          // A subscription no table accepts: the removal before it must be undone too.
          subscribe: [
            {
              ...news,
              time: "08:00",
              timeZone: "Europe/Oslo",
              origin: "nobody" as "config",
              since: SINCE,
            },
          ],
        })),
      ).rejects.toThrow();
      expect((await store.list()).map((s) => s.channel)).toEqual([team.channel]);
      expect(await store.changes(team)).toHaveLength(1);
    });

    it("run by several handles at once, applies the configuration once: the others find it done", async () => {
      const handles = [await open()];
      for (let i = 1; i < 4; i++) handles.push(await another());
      await Promise.all(
        handles.map((store) => applyConfiguredChannels(store, configured, timing, EIGHT)),
      );
      for (const ref of configured) expect(await handles[0]?.changes(ref)).toHaveLength(1);
    });
  });

  describe("ping", () => {
    it("answers while the store can be read and written, changing nothing", async () => {
      const store = await open();
      await subscribe(store, team);
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.list()).toHaveLength(1);
    });
  });
}
