import type { Server } from "node:http";
import type { RunningGateway } from "../adapters/discord/gateway.ts";
import type { RunningSlack } from "../adapters/slack/app.ts";
import type { Telemetry } from "../command/answered.ts";
import { metricsPlace, type Transports } from "../config.ts";
import { messageOf } from "../error-message.ts";
import { close, createHttpServer, type HealthCheck, listen, type Route } from "../http/server.ts";
import type { PostTurn } from "../schedule/outcome.ts";
import type { Started } from "../startup.ts";
import type { ScheduleStore } from "../store/schedule-store.ts";
import { StoreUnavailableError } from "../store/store-errors.ts";
import { metricsRoute } from "./metrics-route.ts";
import { Readiness, readyRoute } from "./readiness.ts";
import { createTelemetry } from "./telemetry.ts";

// What a running bot shows its operator, wired once for serve.ts: the per-command log line, the
// metrics (METRICS=on beside the HTTP routes, or METRICS_PORT on a port of their own) and
// readiness. /readyz is served wherever the bot has an HTTP server: beside the platforms' routes
// and on METRICS_PORT's server, which is the only one a gateway or Socket Mode bot has.

export interface Observing {
  telemetry: Telemetry;
  /** For the HTTP server beside the platforms' routes: /readyz, and /metrics with METRICS=on. */
  routes: Route[];
  /** METRICS_PORT's server's port (the real one when 0 was asked); absent without one. */
  port?: number;
  /** Counts each daily post's turn; absent when metrics are off. */
  onPost?: (turn: PostTurn) => void;
  /** The data is loaded and its search index built. */
  dataReady(): void;
  watchStore(store: Pick<ScheduleStore, "ping">, health: HealthCheck): void;
  watchDiscord(gateway: RunningGateway): void;
  watchSlack(slack: Pick<RunningSlack, "mode" | "connected">): void;
  /** The HTTP server carrying the platforms' routes is listening. */
  httpListening(): void;
  stop(): Promise<void>;
}

/** Why a gateway is not ready: the shards not in discord.js's Ready state. */
async function gatewayProblem(gateway: RunningGateway): Promise<string | undefined> {
  const shards = await gateway.shards();
  if (!shards.length) return "no gateway shard is running";
  const down = shards.filter((s) => s.state !== "Ready");
  if (!down.length) return undefined;
  return `gateway not ready: ${down.map((s) => `shard ${s.id} ${s.state}`).join(", ")}`;
}

export async function observe(started: Started, transports: Transports): Promise<Observing> {
  const { config, logger } = started;
  const place = metricsPlace(config);
  // prom-client is loaded only when metrics are on.
  const metrics = place === "none" ? undefined : (await import("./registry.ts")).createMetrics();
  const readiness = new Readiness();
  readiness.waitFor("data", "the search index is being built");
  readiness.waitFor("store", "the schedule store is not open yet");
  const viaHttp = "the HTTP server is not listening yet";
  if (transports.discord)
    readiness.waitFor(
      "discord",
      transports.discord === "gateway" ? "the gateway is connecting" : viaHttp,
    );
  if (transports.slack)
    readiness.waitFor(
      "slack",
      transports.slack === "socket" ? "Socket Mode is connecting" : viaHttp,
    );

  // METRICS_PORT's server answers /healthz too, with the store's health once it is open.
  const checks: Record<string, HealthCheck> = {};
  const ready = readyRoute(readiness);
  const scrape = metrics ? [metricsRoute(metrics)] : [];
  let server: Server | undefined;
  let port: number | undefined;
  if (place === "own" && config.METRICS_PORT !== undefined) {
    const routes = [ready, ...scrape];
    server = createHttpServer(routes, logger, checks);
    port = (await listen(server, config.METRICS_PORT, config.HOST)).port;
    const paths = ["/healthz", ...routes.map((r) => r.path)];
    logger.info({ host: config.HOST, port, paths }, "metrics server listening");
  }
  const own = server;
  return {
    telemetry: createTelemetry(logger, metrics),
    routes: place === "main" ? [ready, ...scrape] : [ready],
    ...(port === undefined ? {} : { port }),
    ...(metrics ? { onPost: (turn: PostTurn) => metrics.posted(turn) } : {}),
    dataReady: () => readiness.ready("data"),
    watchStore(store, health) {
      checks.schedule = health;
      // The reason without the file's path, as /healthz gives it.
      readiness.check("store", () =>
        store.ping().then(
          () => undefined,
          (error: unknown) =>
            error instanceof StoreUnavailableError ? error.reason : messageOf(error),
        ),
      );
    },
    watchDiscord(gateway) {
      metrics?.watchDiscord(() => gateway.shards());
      readiness.check("discord", () => gatewayProblem(gateway));
    },
    watchSlack(slack) {
      metrics?.watchSlack(slack.mode, slack.connected);
      if (slack.mode === "socket")
        readiness.check("slack", () =>
          slack.connected() ? undefined : "the Socket Mode connection is down",
        );
    },
    httpListening() {
      if (transports.discord === "http") readiness.ready("discord");
      if (transports.slack === "http") readiness.ready("slack");
    },
    stop: async () => {
      if (own) await close(own);
    },
  };
}
