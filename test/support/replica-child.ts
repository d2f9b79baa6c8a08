import FakeTimers from "@sinonjs/fake-timers";

// One bot replica for test/schedule/replicas.slow.test.ts: the real daily-posts pipeline (store
// on STORE_URL, croner jobs, catch-up, claims, send queue) and the real Discord and Slack posters,
// sending to the parent's loopback fakes, on a clock the parent moves over IPC. Only Date and the
// timer functions are faked (@sinonjs/fake-timers, since vitest's copy is not available out here);
// setImmediate, nextTick and microtasks stay real, so pg and HTTP run as they would.
//
// The clock is installed before anything else is loaded, so no module keeps a real setTimeout,
// and the process loads while the parent goes on: it says "loaded", and starts its pipeline
// only when told the instant to start at. After every clock step it waits for the real I/O that
// step set off (queries, connections, sends) to settle, so a step of simulated time is not also a
// race against wall time.
//
// Messages from the parent: {seq, type: "start", at} | {seq, type: "advance", to, stepMs?}
// (stepMs: run the timers in steps of that much; without it, set the clock forward, as the idle
// hours of year.slow.test.ts are skipped). Each is answered {seq, now} once settled.

const clock = FakeTimers.install({
  now: 0,
  toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"],
});

const pending = new Set<Promise<unknown>>();
function track<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  void work.then(
    () => pending.delete(work),
    () => pending.delete(work),
  );
  return work;
}

/** Waits until no query, connection or send is under way for a few turns of the event loop. */
async function settle(): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    if (pending.size > 0) {
      quiet = 0;
      await Promise.allSettled([...pending]);
    } else {
      quiet += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

const { default: pg } = await import("pg");

/** Counts `method`'s calls as under way until their promise or callback says they are done. */
function instrument(name: "query" | "connect"): void {
  const proto = pg.Client.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[name] as (...args: unknown[]) => unknown;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const last = args.at(-1);
    if (typeof last === "function") {
      let done = () => {};
      track(new Promise<void>((resolve) => (done = resolve)));
      args[args.length - 1] = (...result: unknown[]) => {
        done();
        return (last as (...a: unknown[]) => unknown)(...result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) track(result);
    return result;
  };
}
instrument("query");
instrument("connect");

const [{ openDailyPosts }, { createLogger }, { bundledContext }, discord, rest, slack, blocks] =
  await Promise.all([
    import("../../src/schedule/daily-posts.ts"),
    import("../../src/logger.ts"),
    import("./context.ts"),
    import("../../src/adapters/discord/post.ts"),
    import("../../src/adapters/discord/rest.ts"),
    import("../../src/adapters/slack/post.ts"),
    import("../../src/render/slack/blocks.ts"),
  ]);
type Poster = import("../../src/schedule/delivery.ts").Poster;
type ChannelRef = import("../../src/store/schedule-store.ts").ChannelRef;

const env = process.env as Record<string, string>;
const ctx = bundledContext();
const logger = createLogger("info").child({ replica: env.REPLICA });
const counted = (poster: Poster): Poster => ({
  post: (channel, reply, nonce) => track(poster.post(channel, reply, nonce)),
});
const posters = {
  discord: counted(
    discord.discordPoster(
      rest.postingRest({ DISCORD_API_URL: env.DISCORD_API_URL ?? "" }, env.DISCORD_TOKEN ?? ""),
    ),
  ),
  slack: counted(
    slack.slackPoster(
      slack.postingClient(env.SLACK_BOT_TOKEN ?? "", { slackApiUrl: `${env.SLACK_API_URL}/` }),
      (reply) => blocks.renderSlackMessage(reply, { prefix: "", commands: ctx.commands }),
    ),
  ),
};

type Message =
  | { seq: number; type: "start"; at: number }
  | { seq: number; type: "advance"; to: number; stepMs?: number };

async function start(at: number): Promise<void> {
  clock.setSystemTime(at);
  const daily = await openDailyPosts(
    {
      ctx,
      logger,
      config: {
        STATE_DIR: "/nonexistent",
        STORE_URL: env.STORE_URL,
        SCHEDULER: "on",
        ONTHISDAY_CHANNELS: JSON.parse(env.CHANNELS ?? "[]") as ChannelRef[],
        ONTHISDAY_TIME: env.ONTHISDAY_TIME ?? "",
        ONTHISDAY_GRACE: Number(env.ONTHISDAY_GRACE),
        ONTHISDAY_EMPTY: "say",
        BOT_TIMEZONE: env.BOT_TIMEZONE ?? "",
      },
    },
    new Set(["discord", "slack"]),
    {
      spacingMs: 0,
      // Retry and backoff waits run on the fake clock, as the parent moves it.
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
  );
  daily.start(posters);
}

async function advance(to: number, stepMs?: number): Promise<void> {
  if (!stepMs) {
    // setSystemTime moves Date "without firing any timers", and pending timers keep the time
    // they had left (sinonjs.org, fake-timers, set-system-time): croner's, at most 30 s away,
    // then wake in the next stepped stretch and read the new time.
    if (to > Date.now()) clock.setSystemTime(to);
    return;
  }
  while (Date.now() < to) {
    clock.tick(Math.min(stepMs, to - Date.now()));
    await settle();
  }
}

let work = Promise.resolve();
process.on("message", (message: Message) => {
  // One message at a time, in order.
  work = work.then(async () => {
    if (message.type === "start") await start(message.at);
    else await advance(message.to, message.stepMs);
    await settle();
    process.send?.({ seq: message.seq, now: Date.now() });
  });
});
process.send?.({ seq: 0, now: Date.now() });
