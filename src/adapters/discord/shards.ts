import { fileURLToPath } from "node:url";
import { type RESTGetAPIGatewayBotResult, Routes, type Shard, ShardingManager } from "discord.js";
import type { Started } from "../../startup.ts";
import { withDeadline } from "../../with-deadline.ts";
import type { RunningGateway, ShardState } from "./gateway.ts";
import { loggableError } from "./responses.ts";
import { createRest } from "./rest.ts";

// DISCORD_SHARDS: the gateway split over several processes by discord.js's ShardingManager. This
// process stays the manager: it spawns one shard process per shard (shard-main.ts), each with its
// own gateway connection, and keeps Slack, the HTTP server and the one scheduler to itself.

// Beside this module both in src/ (run through tsx) and in dist/ (compiled, one flat folder).
const SHARD_MAIN = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "./shard-main.ts" : "./shard-main.js", import.meta.url),
);
/** Discord lets a bot identify max_concurrency shards per five seconds. */
const IDENTIFY_WINDOW_MS = 5500;
/** A shard that has not said it is ready by then is reported as failed. */
const SHARD_READY_TIMEOUT_MS = 60_000;

/** How many shards to run, and how far apart to start them, from Discord's own advice. */
export async function shardPlan(
  started: Pick<Started, "config">,
): Promise<{ total: number; spawnDelayMs: number }> {
  const { config } = started;
  const rest = createRest(config, config.DISCORD_TOKEN);
  // discord.js's own "auto" asks discord.com directly; asking through our REST honours
  // DISCORD_API_URL, so a proxy (or a test's fake) is asked instead.
  const bot = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const total = config.DISCORD_SHARDS === "auto" ? bot.shards : Number(config.DISCORD_SHARDS);
  const concurrency = Math.max(1, bot.session_start_limit.max_concurrency);
  return { total, spawnDelayMs: Math.ceil(IDENTIFY_WINDOW_MS / concurrency) };
}

/** How long a shard process gets to say its ping before a scrape goes on without it. */
const PING_TIMEOUT_MS = 1000;

/** A shard process's state as the manager knows it, and its ping if it answers in time. */
async function shardState(shard: Shard): Promise<ShardState> {
  const state = shard.ready ? "Ready" : "NotReady";
  const ping = shard.ready
    ? await withDeadline(
        shard.fetchClientValue("ws.ping").catch(() => undefined),
        PING_TIMEOUT_MS,
      )
    : undefined;
  return typeof ping === "number" ? { id: shard.id, state, pingMs: ping } : { id: shard.id, state };
}

/** Spawns every shard and resolves once each has reported its gateway ready. */
export async function startDiscordShards(started: Started): Promise<RunningGateway> {
  const { config } = started;
  const logger = started.logger.child({ platform: "discord" });
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error("DISCORD_TOKEN is needed for Discord shards.");
  const { total, spawnDelayMs } = await shardPlan(started);
  const manager = new ShardingManager(SHARD_MAIN, {
    token,
    totalShards: total,
    mode: "process",
    // Shards run on the same runtime flags as this process (tsx's import hook among them).
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on("shardCreate", (shard: Shard) => {
    shard.on("death", () => logger.warn({ shard: shard.id }, "Discord shard process exited"));
    shard.on("error", (error) =>
      logger.error({ shard: shard.id, err: loggableError(error) }, "Discord shard error"),
    );
  });
  const stop = async () => {
    for (const shard of manager.shards.values()) shard.kill();
  };
  try {
    await manager.spawn({ amount: total, delay: spawnDelayMs, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info({ shards: total }, "Discord shards ready");
  return { stop, shards: () => Promise.all([...manager.shards.values()].map(shardState)) };
}
