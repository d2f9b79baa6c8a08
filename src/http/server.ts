import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.ts";

// One HTTP server carries every platform that receives by POST (Discord's interactions, Slack's
// events) plus /healthz, so a deployment opens one port whatever it runs.

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Route {
  method: "GET" | "POST";
  path: string;
  handler: RouteHandler;
}

/** Bigger bodies are refused: no interaction or slash command comes close. */
export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * The client hung up before its body had arrived. Nothing is wrong on our side and nobody is left
 * to answer, so it is logged at debug: at error, with a stack, 500 dropped connections made 500
 * error lines (issue 14, fault 9).
 */
export class RequestAbortedError extends Error {
  override name = "RequestAbortedError";
}

/** The raw request body, which signature checks need byte for byte. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  // Listeners rather than `for await`: the async iterator costs a few promises per request,
  // which shows at thousands of requests a second.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    // Node ends an aborted request with "error" (ECONNRESET, "aborted") and "close", or with
    // "close" alone when the error had no listener; either way "end" never comes.
    req.once("error", () => reject(new RequestAbortedError("the client hung up")));
    req.once("close", () => {
      if (!req.complete) reject(new RequestAbortedError("the client hung up"));
    });
  });
}

/** A request header's value; the first, where a client sent it more than once. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonBytes(res, status, Buffer.from(JSON.stringify(body)));
}

/** JSON already encoded. */
export function sendJsonBytes(res: ServerResponse, status: number, bytes: Buffer): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": bytes.length });
  res.end(bytes);
}

/** How one part of the bot is doing, for /healthz. */
export type HealthCheck = () => { ok: true } | { ok: false; reason: string; since?: string };

/**
 * GET /healthz: 200 while the process serves requests. A part that is not working (the schedule
 * store) makes it "degraded", with the reason, still 200: the commands that do not need that
 * part keep working, and a load balancer that pulled the instance would stop them too, while a
 * restart would not mend a locked or broken file.
 */
function healthRoute(checks: Readonly<Record<string, HealthCheck>>): Route {
  return {
    method: "GET",
    path: "/healthz",
    handler: (_req, res) => {
      const degraded: Record<string, unknown> = {};
      for (const [part, check] of Object.entries(checks)) {
        const { ok, ...why } = check();
        if (!ok) degraded[part] = why;
      }
      sendJson(
        res,
        200,
        Object.keys(degraded).length ? { ok: true, status: "degraded", degraded } : { ok: true },
      );
    },
  };
}

/**
 * A server answering `routes` and GET /healthz (reporting `checks`); anything else is 404, a
 * wrong method 405.
 */
export function createHttpServer(
  routes: readonly Route[],
  logger: Logger,
  checks: Readonly<Record<string, HealthCheck>> = {},
): Server {
  const all = [healthRoute(checks), ...routes];
  // Node waits 60 s for headers and 300 s for a whole request by default; Discord and Slack send
  // a few kilobytes at once, and a client slower than this is hostile or broken.
  return createServer({ headersTimeout: 10_000, requestTimeout: 15_000 }, async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const here = all.filter((r) => r.path === path);
    const route = here.find((r) => r.method === req.method);
    if (!route) {
      if (here.length) res.setHeader("allow", here.map((r) => r.method).join(", "));
      sendJson(res, here.length ? 405 : 404, {
        error: here.length ? "method not allowed" : "not found",
      });
      return;
    }
    try {
      await route.handler(req, res);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        if (!res.headersSent) sendJson(res, 413, { error: "body too large" });
        return;
      }
      if (error instanceof RequestAbortedError) {
        logger.debug({ path }, "client went away mid-request");
        return;
      }
      logger.error({ err: error, path }, "HTTP handler failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  });
}

/** Starts listening; resolves with the address, whose port is the real one when 0 was asked. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Stops accepting and closes idle keep-alive connections; requests under way get `limitMs` to
 * finish, then every connection is closed, so a client that sends its body slowly (or never)
 * cannot hold shutdown up.
 */
export function close(server: Server, limitMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), limitMs);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
