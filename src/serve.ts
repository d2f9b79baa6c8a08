import type { Server } from "node:http";
import { needsHttpServer, type Transports } from "./config.ts";
import { close, createHttpServer, listen, type Route } from "./http/server.ts";
import { observe } from "./metrics/observe.ts";
import { type DailyPostsOptions, openDailyPosts } from "./schedule/daily-posts.ts";
import type { Poster } from "./schedule/delivery.ts";
import type { Started } from "./startup.ts";
import type { Platform } from "./store/schedule-store.ts";

// Runs every platform that has credentials, side by side in one process, with the daily posts
// they share. Each adapter owns its transport; this file only starts them, gives the POST
// transports one HTTP server, and stops them all on shutdown. Each platform's SDK is loaded only
// when that platform runs.

export interface Running {
  /** The HTTP server's port when one is listening (the real one when PORT=0). */
  port?: number;
  /** METRICS_PORT's server's port, when it has one. */
  metricsPort?: number;
  stop(): Promise<void>;
}

/** The platforms this process can post to: Discord needs its bot token even in HTTP mode. */
function postingPlatforms(started: Started, transports: Transports): Set<Platform> {
  const platforms = new Set<Platform>();
  if (transports.discord && started.config.DISCORD_TOKEN) platforms.add("discord");
  if (transports.slack) platforms.add("slack");
  return platforms;
}

export async function serve(
  base: Started,
  transports: Transports,
  options: DailyPostsOptions = {},
): Promise<Running> {
  const { config, logger } = base;
  const stops: Array<() => Promise<void>> = [];
  let halt: (() => Promise<void>) | undefined;
  const stopAll = async () => {
    // The daily posts stop claiming and start their SHUTDOWN_LIMIT at once, beside the HTTP
    // server's close: one limit from the signal for both, not one after the other.
    void halt?.();
    // Newest first: the HTTP server stops taking requests before its adapters go, and the
    // scheduler stops before the store it writes to closes.
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    // First, so /readyz can say what start-up is waiting for; stopped last.
    const seen = await observe(base, transports);
    stops.push(() => seen.stop());
    // Built before any platform takes a request: at 100k records it takes seconds, longer than
    // Discord lets an interaction wait, and every request queued behind it would wait too.
    const built = performance.now();
    void base.ctx.index.text;
    logger.info({ ms: Math.round(performance.now() - built) }, "search index ready");
    seen.dataReady();
    const onPost = options.onPost ?? seen.onPost;
    const postOptions = onPost ? { ...options, onPost } : options;
    const daily = await openDailyPosts(base, postingPlatforms(base, transports), postOptions);
    stops.push(() => daily.stop());
    halt = () => daily.halt();
    seen.watchStore(daily.desk.store, daily.health);
    // Every adapter's commands reach the same schedule, and report their answers alike.
    const ctx = { ...base.ctx, schedule: daily.desk };
    const started = { ...base, ctx, telemetry: seen.telemetry };
    const posters: Partial<Record<Platform, Poster>> = {};
    const routes: Route[] = [];
    if (transports.slack) {
      const { startSlack } = await import("./adapters/slack/app.ts");
      const slack = await startSlack(started);
      stops.push(() => slack.stop());
      posters.slack = slack.poster;
      if (slack.route) routes.push(slack.route);
      seen.watchSlack(slack);
      logger.info({ mode: transports.slack }, "Slack ready");
    }
    if (transports.discord === "http") {
      const { discordInteractionsRoute } = await import("./adapters/discord/http.ts");
      routes.push(discordInteractionsRoute(started));
    }
    if (transports.discord === "gateway" && config.DISCORD_SHARDS !== undefined) {
      const { startDiscordShards } = await import("./adapters/discord/shards.ts");
      const shards = await startDiscordShards(started);
      stops.push(() => shards.stop());
      seen.watchDiscord(shards);
    } else if (transports.discord === "gateway") {
      const { startDiscordGateway } = await import("./adapters/discord/gateway.ts");
      const gateway = await startDiscordGateway(started);
      stops.push(() => gateway.stop());
      seen.watchDiscord(gateway);
    }
    if (config.DISCORD_TOKEN && transports.discord) {
      const [{ discordPoster }, { postingRest }] = await Promise.all([
        import("./adapters/discord/post.ts"),
        import("./adapters/discord/rest.ts"),
      ]);
      posters.discord = discordPoster(postingRest(config, config.DISCORD_TOKEN));
    }
    let server: Server | undefined;
    let port: number | undefined;
    if (needsHttpServer(transports)) {
      const served = [...routes, ...seen.routes];
      server = createHttpServer(served, logger, { schedule: daily.health });
      const address = await listen(server, config.PORT, config.HOST);
      port = address.port;
      const open = server;
      stops.push(() => close(open, config.SHUTDOWN_LIMIT));
      logger.info(
        { host: config.HOST, port, paths: served.map((r) => r.path) },
        "HTTP server listening",
      );
      seen.httpListening();
    }
    daily.start(posters);
    return { port, metricsPort: seen.port, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
