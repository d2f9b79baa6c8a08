import { afterEach, describe, expect, it } from "vitest";
import { calendarDay } from "../../src/core/calendar-day.ts";
import { postNonce } from "../../src/schedule/delivery.ts";
import { openStore } from "../../src/store/open-store.ts";
import {
  type ChannelRef,
  channelKey,
  isoDate,
  type ScheduleStore,
  type Subscription,
} from "../../src/store/schedule-store.ts";
import { mulberry32 } from "../../src/synth/random.ts";
import { dueTimes, expectedOutcome, loggedAsNotMade, seenAt } from "../support/daily-oracle.ts";
import { type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";
import { type FakeWebApi, startFakeWebApi } from "../support/fake-slack.ts";
import { createTestDatabase, type TestDatabase } from "../support/postgres.ts";
import { Replica } from "../support/replica.ts";

// Issue 16's replicas end to end: three bot processes (replica-child.ts: the real daily-posts
// pipeline and posters) on one PostgreSQL database, with the same configured channels (02:30 in
// Oslo, which falls in the spring gap and repeats at the autumn turn) and the same subscribed
// ones (23:45 in New York, next to midnight), posting to the Discord and Slack fakes. Their fake
// clocks move in lockstep through two windows of 17 days, one over each of Oslo's DST turns
// (New York's autumn turn falls in the second). One replica at a time is SIGKILLed at seeded
// moments (often just before a due time) and restarted later; twice a replica dies with its send
// on the wire; once all three are down for longer than ONTHISDAY_GRACE.
//
// The oracle is year.slow's: each (platform, channel, local date) is posted at most once, ever;
// exactly once when a replica was up to see its due time within the grace window; otherwise
// recorded as not made and logged. A post whose sender died mid-send is lost rather than risk a
// second (scheduler.ts): recorded "unknown" and logged by the replica that finds it.
//
// REPLICAS_SEED=<n> runs another plan; the seed in use is printed.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const GRACE = 6 * HOUR;
/** Around each due time the clocks move CHUNK at a time, each replica firing its timers by STEP. */
const CHUNK = 15_000;
const STEP = 1_000;

const OSLO = { time: "02:30", timeZone: "Europe/Oslo" };
const NEW_YORK = { time: "23:45", timeZone: "America/New_York" };
const configured: ChannelRef[] = [
  { platform: "discord", channel: "100000000000000004" },
  { platform: "slack", channel: "C0TEAM01" },
];
const subscribed: ChannelRef[] = [
  { platform: "discord", channel: "100000000000000006" },
  { platform: "slack", channel: "C0TEAM02" },
];
const channels: Timed[] = [
  ...configured.map((ref) => ({ ...ref, ...OSLO })),
  ...subscribed.map((ref) => ({ ...ref, ...NEW_YORK })),
];

type Action =
  | { kind: "kill"; at: number; downMs: number; pick: number }
  | { kind: "mid-send"; at: number; downMs: number; due: number; ref: Timed }
  | { kind: "all-down"; at: number; downMs: number };

type Timed = ChannelRef & Pick<Subscription, "time" | "timeZone">;
type Due = { due: number; ref: Timed };

/** Seeded, one action after another (never two replicas down, but for "all-down"). */
function plan(seed: number, from: number, to: number, dues: readonly Due[]): Action[] {
  const random = mulberry32(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low));
  const kinds = ["all-down", "mid-send", "mid-send", "kill", "kill", "kill", "kill", "kill"];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = between(0, i + 1);
    [kinds[i], kinds[j]] = [kinds[j] as string, kinds[i] as string];
  }
  const actions: Action[] = [];
  let cursor = from + 2 * HOUR;
  for (const kind of kinds) {
    const ahead = dues.filter((d) => d.due > cursor + HOUR);
    const next = ahead[between(0, Math.min(4, ahead.length))];
    if (!next) break;
    const { due, ref } = next;
    const action: Action =
      kind === "all-down"
        ? { kind, at: due - between(5, 60) * MINUTE, downMs: between(9 * 60, 16 * 60) * MINUTE }
        : kind === "mid-send"
          ? { kind, at: due - 2 * MINUTE, downMs: between(10, 120) * MINUTE, due, ref }
          : {
              kind: "kill",
              at:
                random() < 0.5
                  ? due + between(-30, 10) * MINUTE
                  : cursor + between(60, 1440) * MINUTE,
              downMs: between(1, 180) * MINUTE,
              pick: random(),
            };
    if (action.at + action.downMs > to - 8 * HOUR) continue;
    actions.push(action);
    cursor = action.at + action.downMs + between(2 * 60, 20 * 60) * MINUTE;
  }
  return actions;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const windows = [
  ["spring", "2026-03-21T00:00:00Z", "2026-04-07T00:00:00Z", 5],
  ["autumn", "2026-10-17T00:00:00Z", "2026-11-03T00:00:00Z", 16],
] as const;

describe("three replicas on one PostgreSQL database", { timeout: 150_000 }, () => {
  it.each(windows)(
    "through %s's DST turn: each day posted once or logged as not made, through kills and restarts",
    async (_name, fromIso, toIso, defaultSeed) => {
      const seed = Number(process.env.REPLICAS_SEED ?? defaultSeed);
      console.log(`replicas ${_name}: seed ${seed}`);
      const FROM = Date.parse(fromIso);
      const TO = Date.parse(toIso);
      const db: TestDatabase = await createTestDatabase();
      cleanups.push(() => db.drop());
      const discord: FakeDiscord = await startFakeDiscord();
      const web: FakeWebApi = await startFakeWebApi();
      cleanups.push(async () => {
        await discord.close();
        await web.close();
      });
      const opened = await openStore({ STORE_URL: db.url, STATE_DIR: "" });
      const store: ScheduleStore = opened.store;
      cleanups.push(() => store.close());
      for (const ref of subscribed) {
        const since = new Date(FROM).toISOString();
        await store.subscribe({ ...ref, ...NEW_YORK, origin: "command", by: "U0SEED", since });
      }

      // The clock the replicas are moving to; a send seen meanwhile was made by then.
      let now = FROM;
      let movingTo = FROM;
      const slackPosts: Array<{ channel: string; at: number }> = [];
      web.overrides.push((call) => {
        if (call.method === "chat.postMessage")
          slackPosts.push({ channel: call.params.channel ?? "", at: movingTo });
        return undefined;
      });

      let spawned = 0;
      const all: Replica[] = [];
      /** Replicas found dead when the test came to kill them: none should be. */
      const crashed: string[] = [];
      const spawn = () => {
        spawned += 1;
        const name = `r${spawned}`;
        const replica = new Replica(name, {
          STORE_URL: db.url,
          CHANNELS: JSON.stringify(configured),
          ONTHISDAY_TIME: OSLO.time,
          BOT_TIMEZONE: OSLO.timeZone,
          ONTHISDAY_GRACE: String(GRACE),
          DISCORD_API_URL: discord.api,
          DISCORD_TOKEN: `discord-${name}`,
          SLACK_API_URL: web.url,
          SLACK_BOT_TOKEN: `xoxb-${name}`,
        });
        all.push(replica);
        return replica;
      };
      cleanups.push(async () => {
        await Promise.all(all.filter((r) => r.alive).map((r) => r.kill()));
      });
      const kill = async (replica: Replica) => {
        if (!replica.alive) crashed.push(`${replica.name}: ${replica.log.raw.slice(-2000)}`);
        await replica.kill();
      };
      /** Running replicas, and one loading to take each one's place once it is killed. */
      const running = [spawn(), spawn(), spawn()];
      const waiting: Replica[] = [];
      await Promise.all(running.map((r) => r.start(FROM)));

      const move = async (to: number, stepMs?: number) => {
        movingTo = to;
        await Promise.all(running.filter((r) => r.alive).map((r) => r.advance(to, stepMs)));
        now = to;
      };
      const allDues = channels.flatMap((c) => dueTimes(c, FROM, TO)).sort((a, b) => a - b);
      /** To `target`: around each due time a chunk at a time, elsewhere set forward at once. */
      const runTo = async (target: number) => {
        for (;;) {
          const due = allDues.find((d) => d > now);
          if (due === undefined || due - 90_000 > target) break;
          if (due - 90_000 > now) await move(due - 90_000);
          const end = Math.min(due + 90_000, target);
          while (now < end) await move(Math.min(now + CHUNK, end), STEP);
          if (now >= target) return;
        }
        if (target > now) await move(target);
      };
      const takeDown = async (replica: Replica) => {
        running.splice(running.indexOf(replica), 1);
        await kill(replica);
        waiting.push(spawn());
      };
      const bringUp = async () => {
        movingTo = now;
        const back = waiting.splice(0);
        await Promise.all(back.map((r) => r.start(now)));
        running.push(...back);
      };

      const dues: Due[] = channels
        .flatMap((c) => dueTimes(c, FROM, TO).map((due) => ({ due, ref: c })))
        .sort((a, b) => a.due - b.due);
      const actions = plan(seed, FROM, TO, dues);
      // Stretches no replica was up to see; posts cut off with their sender, by channel and date.
      const blind: Array<[number, number]> = [];
      const cut = new Set<string>();
      for (const action of actions) {
        await runTo(action.at);
        if (action.kind === "kill") {
          await takeDown(running[Math.floor(action.pick * running.length)] as Replica);
        } else if (action.kind === "all-down") {
          for (const replica of [...running]) await takeDown(replica);
          blind.push([action.at, action.at + action.downMs]);
        } else {
          const { ref, due } = action;
          const date = isoDate(calendarDay(new Date(due), ref.timeZone));
          // The send to this channel never gets its answer: its replica dies waiting for it.
          let victim: Promise<void> | undefined;
          const hang = (auth: string | undefined, channel: string | undefined) => {
            if (victim || channel !== ref.channel) return undefined;
            const sender = running.find((r) => auth?.endsWith(`-${r.name}`));
            if (!sender) return undefined;
            cut.add(`${channelKey(ref)} ${date}`);
            victim = takeDown(sender);
            return "hang" as const;
          };
          if (ref.platform === "discord")
            discord.overrides.unshift((r) => hang(r.authorization, r.path.split("/")[2]));
          else web.overrides.unshift((c) => hang(c.authorization, c.params.channel));
          await runTo(due + 2 * MINUTE);
          (ref.platform === "discord" ? discord.overrides : web.overrides).shift();
          expect(victim, `a send to ${channelKey(ref)} was under way at ${date}`).toBeDefined();
          await victim;
          if (action.at + action.downMs > now) await runTo(action.at + action.downMs);
          await bringUp();
          continue;
        }
        await runTo(action.at + action.downMs);
        await bringUp();
      }
      await runTo(TO);
      await Promise.all(running.map((r) => kill(r)));
      await Promise.all(all.map((r) => r.closed));

      const lines = all.flatMap((r) => r.log.lines);
      const counts = { sent: 0, missed: 0, cut: 0 };
      const sentKeys = new Set<string>();
      for (const channel of channels) {
        const key = channelKey(channel);
        for (const due of dueTimes(channel, FROM, TO - HOUR)) {
          const date = isoDate(calendarDay(new Date(due), channel.timeZone));
          const record = await store.post(channel, date);
          const what = `${key} ${date} (seed ${seed})`;
          if (record?.status === "sent") sentKeys.add(`${key} ${date}`);
          if (cut.has(`${key} ${date}`)) {
            expect(record?.status, what).toBe("unknown");
            expect(loggedAsNotMade(lines, key, date), `${what} logged`).toBe(true);
            counts.cut += 1;
            continue;
          }
          const expected = expectedOutcome(seenAt(blind, due) - due, GRACE);
          if (expected === "sent") {
            expect(record?.status, what).toBe("sent");
            counts.sent += 1;
          } else if (expected === "skipped") {
            expect(record?.status, what).toBe("skipped");
            expect(record?.detail, what).toMatch(/ONTHISDAY_GRACE/);
            expect(loggedAsNotMade(lines, key, date), `${what} logged as not made`).toBe(true);
            counts.missed += 1;
          } else expect(["sent", "skipped"], what).toContain(record?.status);
        }
      }

      // What the platforms received, by channel and local date: never two, and just the days
      // the post log says were sent. Discord's attempts are counted too, since its fake, as
      // Discord does, would drop a second send with the same nonce.
      const received = new Map<string, number>();
      const count = (key: string) => received.set(key, (received.get(key) ?? 0) + 1);
      const byNonce = new Map(
        channels.flatMap((c) =>
          dueTimes(c, FROM, TO).map((due) => {
            const date = isoDate(calendarDay(new Date(due), c.timeZone));
            return [postNonce(c, date), `${channelKey(c)} ${date}`] as const;
          }),
        ),
      );
      for (const message of discord.messages) count(String(byNonce.get(String(message.nonce))));
      for (const { channel, at } of slackPosts) {
        const timing = channels.find((c) => c.platform === "slack" && c.channel === channel);
        if (!timing) throw new Error(`a post to a channel nobody subscribed: ${channel}`);
        const due = dueTimes(timing, at - DAY, at).at(-1) ?? 0;
        const key = `slack:${channel} ${isoDate(calendarDay(new Date(due), timing.timeZone))}`;
        if (!cut.has(key)) count(key);
      }
      const twice = [...received].filter(([, n]) => n > 1);
      expect(twice, `posted more than once (seed ${seed})`).toEqual([]);
      expect(new Set(received.keys())).toEqual(sentKeys);
      const attempts = new Map<string, number>();
      for (const r of discord.requests.all) {
        const nonce = (r.body as { nonce?: string } | undefined)?.nonce;
        if (r.method === "POST" && nonce) attempts.set(nonce, (attempts.get(nonce) ?? 0) + 1);
      }
      expect(
        [...attempts].filter(([, n]) => n > 1),
        `Discord sends repeated (seed ${seed})`,
      ).toEqual([]);

      // Every replica that stopped was killed by the test, and none logged an error.
      expect(crashed).toEqual([]);
      expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
      // The plan did what it is for.
      expect(actions.filter((a) => a.kind === "kill").length).toBeGreaterThanOrEqual(3);
      expect(counts.sent).toBeGreaterThan(55);
      expect(counts.missed).toBeGreaterThan(0);
      expect(counts.cut).toBeGreaterThan(0);
    },
  );
});
