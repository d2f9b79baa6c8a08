import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ShardState } from "../adapters/discord/gateway.ts";
import type { Answered, Autocompleted } from "../command/answered.ts";
import type { PostTurn } from "../schedule/outcome.ts";

// Every metric Barents exposes, in a registry of its own rather than prom-client's global one:
// each test makes a fresh one, and nothing a dependency registers globally leaks into /metrics.
// Labels hold only values from fixed sets (platforms, declared command names, outcomes, shard
// numbers), never user input or channel ids, so the number of series stays bounded.
// Loaded only when metrics are on: the console and `ask` never import prom-client.

/** The gateway's shards as they are now, read at each scrape. */
export type ShardsView = () => readonly ShardState[] | Promise<readonly ShardState[]>;

export interface Metrics {
  registry: Registry;
  answered(answered: Answered): void;
  autocompleted(autocompleted: Autocompleted): void;
  posted(post: PostTurn): void;
  /** Where the Discord gateway's state comes from; none in HTTP mode. */
  watchDiscord(shards: ShardsView): void;
  watchSlack(transport: "socket" | "http", connected: () => boolean): void;
  /** The exposition, for GET /metrics. */
  text(): Promise<string>;
  contentType: string;
}

const seconds = (ms: number) => ms / 1000;

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const replies = new Counter({
    name: "barents_replies_total",
    help: "Commands answered, by platform, command and outcome (answer, empty, usage_error, failure).",
    labelNames: ["platform", "command", "outcome"] as const,
    registers,
  });
  const replySeconds = new Histogram({
    name: "barents_reply_seconds",
    help: "From a command's arrival to its reply, ready to send.",
    labelNames: ["platform", "command"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers,
  });
  const autocompletes = new Counter({
    name: "barents_autocomplete_total",
    help: "Autocomplete requests answered, by platform and command.",
    labelNames: ["platform", "command"] as const,
    registers,
  });
  const autocompleteSeconds = new Histogram({
    name: "barents_autocomplete_seconds",
    help: "Time to answer an autocomplete request.",
    labelNames: ["platform", "command"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  const posts = new Counter({
    name: "barents_scheduled_posts_total",
    help: "Daily posts whose turn came, by platform and outcome (sent, failed, skipped, stopped).",
    labelNames: ["platform", "outcome"] as const,
    registers,
  });
  const postLag = new Histogram({
    name: "barents_scheduled_post_lag_seconds",
    help: "How long after its due time a daily post was sent.",
    labelNames: ["platform"] as const,
    buckets: [0.5, 1, 5, 15, 60, 300, 900, 3600, 6 * 3600, 24 * 3600],
    registers,
  });

  let discord: ShardsView | undefined;
  const discordShards = async () => (discord ? await discord() : []);
  new Gauge({
    name: "barents_discord_gateway_state",
    help: "1 for the state each gateway shard is in (discord.js's Status: Ready, Reconnecting, …).",
    labelNames: ["shard", "state"] as const,
    registers,
    async collect() {
      this.reset();
      for (const shard of await discordShards())
        this.set({ shard: String(shard.id), state: shard.state }, 1);
    },
  });
  new Gauge({
    name: "barents_discord_gateway_ping_seconds",
    help: "The gateway's last heartbeat round trip, per shard.",
    labelNames: ["shard"] as const,
    registers,
    async collect() {
      this.reset();
      for (const shard of await discordShards())
        if (shard.pingMs !== undefined && shard.pingMs >= 0)
          this.set({ shard: String(shard.id) }, seconds(shard.pingMs));
    },
  });
  new Gauge({
    name: "barents_discord_shards",
    help: "Gateway shards this process runs (0 without the gateway).",
    registers,
    async collect() {
      this.set((await discordShards()).length);
    },
  });

  let slack: { transport: "socket" | "http"; connected: () => boolean } | undefined;
  new Gauge({
    name: "barents_slack_transport",
    help: "1 for the way Slack reaches this process: socket (Socket Mode) or http.",
    labelNames: ["transport"] as const,
    registers,
    collect() {
      this.reset();
      if (slack) this.set({ transport: slack.transport }, 1);
    },
  });
  new Gauge({
    name: "barents_slack_connected",
    help: "1 while Slack can reach this process: the socket is open, or the HTTP route is served.",
    registers,
    collect() {
      this.set(slack?.connected() ? 1 : 0);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    answered({ platform, command, outcome, ms }) {
      replies.inc({ platform, command, outcome });
      replySeconds.observe({ platform, command }, seconds(ms));
    },
    autocompleted({ platform, command, ms }) {
      autocompletes.inc({ platform, command });
      autocompleteSeconds.observe({ platform, command }, seconds(ms));
    },
    posted({ platform, outcome, lagMs }) {
      posts.inc({ platform, outcome });
      if (lagMs !== undefined) postLag.observe({ platform }, seconds(Math.max(0, lagMs)));
    },
    watchDiscord(shards) {
      discord = shards;
    },
    watchSlack(transport, connected) {
      slack = { transport, connected };
    },
    text: () => registry.metrics(),
  };
}
