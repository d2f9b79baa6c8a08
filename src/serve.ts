import type { Server } from "node:http";
import { needsHttpServer, type Transports } from "./config.ts";
import { close, createHttpServer, listen, type Route } from "./http/server.ts";
import type { Started } from "./startup.ts";

// Runs every platform that has credentials, side by side in one process. Each adapter owns its
// transport; this file only starts them, gives the POST transports one HTTP server, and stops
// them all on shutdown. Each platform's SDK is loaded only when that platform runs.

export interface Running {
  /** The HTTP server's port when one is listening (the real one when PORT=0). */
  port?: number;
  stop(): Promise<void>;
}

export async function serve(started: Started, transports: Transports): Promise<Running> {
  const { config, logger } = started;
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    // Newest first, so the HTTP server stops taking requests before its adapters go.
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    const routes: Route[] = [];
    if (transports.slack) {
      const { startSlack } = await import("./adapters/slack/app.ts");
      const slack = await startSlack(started);
      stops.push(() => slack.stop());
      if (slack.route) routes.push(slack.route);
      logger.info({ mode: transports.slack }, "Slack ready");
    }
    if (transports.discord === "http") {
      const { discordInteractionsRoute } = await import("./adapters/discord/http.ts");
      routes.push(discordInteractionsRoute(started));
    }
    if (transports.discord === "gateway") {
      const { startDiscordGateway } = await import("./adapters/discord/gateway.ts");
      const gateway = await startDiscordGateway(started);
      stops.push(() => gateway.stop());
    }
    let server: Server | undefined;
    let port: number | undefined;
    if (needsHttpServer(transports)) {
      server = createHttpServer(routes, logger);
      const address = await listen(server, config.PORT, config.HOST);
      port = address.port;
      const open = server;
      stops.push(() => close(open));
      logger.info(
        { host: config.HOST, port, paths: routes.map((r) => r.path) },
        "HTTP server listening",
      );
    }
    return { port, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
