import { createPublicKey, verify } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { discordInteractionsRoute } from "../adapters/discord/http.ts";
import { createContext, errorLog } from "../boot.ts";
import { loadConfig } from "../config.ts";
import { createHttpServer, listen } from "../http/server.ts";
import { createLogger } from "../logger.ts";
import { createMetrics } from "../metrics/registry.ts";
import { createTelemetry } from "../metrics/telemetry.ts";

// A server for the HTTP load benchmark, in a process of its own so the load generator does not
// share its core: `barents` is the bot's real Discord interactions route on its one HTTP server,
// as an operator runs it: its info line per answered command on stderr and its reply metrics
// counted; `bare` is the floor, a plain node:http server that verifies the Ed25519 signature and
// answers. Both are this one compiled file (build.mjs's bench-http-target), run by the same node
// with the same flags, so the floor differs from Barents only in the work Barents does.
// Prints {"port": N} on stdout once listening. PUBLIC_KEY (64 hex) comes from the environment.

const publicKey = process.env.PUBLIC_KEY ?? "";
// What the bare server answers: a PONG, or (BARE_ANSWER) bytes as many as Barents sends back.
const answer = process.env.BARE_ANSWER ?? '{"type":1}';

function bareServer(): Server {
  const key = createPublicKey({
    key: Buffer.concat([
      Buffer.from("302a300506032b6570032100", "hex"),
      Buffer.from(publicKey, "hex"),
    ]),
    format: "der",
    type: "spki",
  });
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const signature = String(req.headers["x-signature-ed25519"] ?? "");
      const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
      const signed = Buffer.concat([Buffer.from(timestamp), ...chunks]);
      if (!verify(null, signed, key, Buffer.from(signature, "hex"))) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(answer);
    });
  });
}

async function barentsServer(): Promise<Server> {
  const config = loadConfig({ DISCORD_PUBLIC_KEY: publicKey });
  const logger = createLogger(config.LOG_LEVEL);
  const telemetry = createTelemetry(logger, createMetrics());
  const started = { config, ctx: createContext(config), logger, log: errorLog(logger), telemetry };
  return createHttpServer([discordInteractionsRoute(started)], logger);
}

const kind = process.argv[2];
const server = kind === "bare" ? bareServer() : await barentsServer();
if (kind === "bare") {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
} else {
  await listen(server, 0, "127.0.0.1");
}
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
// An orderly exit on a signal, so `--cpu-prof` can write its profile when profiling this server.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
