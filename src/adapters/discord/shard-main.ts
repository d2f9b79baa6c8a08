import { serve } from "../../serve.ts";
import { startUp } from "../../startup.ts";

// One shard's process, spawned by the ShardingManager (shards.ts) with SHARDS and SHARD_COUNT
// in its environment, which discord.js's Client reads. A shard holds one gateway connection and
// answers the interactions on it; Slack, the HTTP server and the scheduler stay with the
// manager, so the day's posts are made once however many shards run. Subscription commands
// typed on a shard still reach the shared store, where the manager's scheduler finds them.

const base = startUp();
const shard = process.env.SHARDS ?? "?";
const started = {
  ...base,
  // Metrics and /readyz are the manager's: a shard opening METRICS_PORT too would find it taken.
  config: {
    ...base.config,
    SCHEDULER: "off" as const,
    DISCORD_SHARDS: undefined,
    METRICS: "off" as const,
    METRICS_PORT: undefined,
  },
  logger: base.logger.child({ shard }),
};

try {
  const running = await serve(started, { discord: "gateway" });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void running
      .stop()
      .catch(() => {})
      .then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // The manager gone (its IPC channel closed) means nobody will stop this shard: stop now.
  process.once("disconnect", stop);
} catch (error) {
  started.logger.error({ err: error }, "Discord shard failed to start");
  process.exit(1);
}
