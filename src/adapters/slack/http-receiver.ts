import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver } from "@slack/bolt";
import { messageOf } from "../../error-message.ts";
import { header, type Route, readBody, sendJson } from "../../http/server.ts";
import type { Logger } from "../../logger.ts";
import { SLACK_EVENTS_PATH } from "./names.ts";
import { isRecord, parseSlackHttpBody, slackBodyVerdict } from "./payload.ts";
import { isSignedBySlack } from "./verify.ts";

// Slack over HTTP as a Bolt Receiver (bolt-js's transport seam) whose route the bot's one HTTP
// server carries. It replaces Bolt's HTTPReceiver, whose request handling is an async closure
// nobody awaits (HTTPReceiver.handleIncomingEvent): a signed body of `null` threw there and
// stopped the process, an unacknowledged request was held 3001 ms then answered 404 with an
// error logged, and its signature check let future timestamps through. Here the route is awaited
// by the server, the body is checked before Bolt sees it (./payload.ts), and whatever Bolt does
// not acknowledge is acked as soon as its listeners have run.

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The current time in seconds, for the replay window; injected by tests. */
  nowSeconds?: () => number;
}

const FORM = "application/x-www-form-urlencoded";

/** Slack's `ssl_check=1` probe: unsigned, as Bolt accepts it, and answered with an empty 200. */
function isSslCheck(req: IncomingMessage, raw: Buffer): boolean {
  return (
    header(req, "content-type")?.startsWith(FORM) === true &&
    new URLSearchParams(raw.toString("utf8")).get("ssl_check") === "1"
  );
}

/** Writes Bolt's ack: an empty 200, or the listener's answer (text or JSON) as Bolt does. */
function writeAck(res: ServerResponse, response: unknown): void {
  if (response === undefined || response === "") {
    res.writeHead(200).end();
  } else if (typeof response === "string") {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(response);
  } else {
    sendJson(res, 200, response);
  }
}

export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  readonly route: Route;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.route = {
      method: "POST",
      path: SLACK_EVENTS_PATH,
      handler: (req, res) => this.handle(req, res),
    };
  }

  init(app: App): void {
    this.app = app;
  }

  /** Nothing to start or stop: the bot's HTTP server carries the route. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    const raw = await readBody(req);
    if (isSslCheck(req, raw)) {
      res.writeHead(200).end();
      return;
    }
    const now = this.options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
    const signed = {
      signature: header(req, "x-slack-signature"),
      timestamp: header(req, "x-slack-request-timestamp"),
      body: raw,
    };
    if (!isSignedBySlack(this.options.signingSecret, signed, now)) {
      sendJson(res, 401, { error: "invalid request signature" });
      return;
    }
    const body = parseSlackHttpBody(raw.toString("utf8"), header(req, "content-type"));
    // Slack's one-time check of the Events API URL when it is set in the app's settings.
    if (isRecord(body) && body.type === "url_verification" && typeof body.challenge === "string") {
      sendJson(res, 200, { challenge: body.challenge });
      return;
    }
    const verdict = slackBodyVerdict(body);
    if (verdict.kind === "refuse") {
      logger.warn({ problem: verdict.problem }, "Slack sent a signed body Barents cannot read");
      sendJson(res, 400, { error: verdict.problem });
      return;
    }
    if (verdict.kind === "ignore") {
      logger.info({ type: verdict.type }, "nothing in Barents listens for this Slack request");
      writeAck(res, undefined);
      return;
    }
    await this.dispatch(verdict.body, req, res);
  }

  private async dispatch(
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const { logger } = this.options;
    let acked = false;
    const ack = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      writeAck(res, response);
    };
    const retry = header(req, "x-slack-retry-num");
    try {
      // Listener errors never arrive here: Bolt hands them to app.error. A throw is Bolt itself
      // failing to read the body, before any listener ran.
      await this.app?.processEvent({
        body,
        ack,
        retryNum: retry === undefined ? undefined : Number.parseInt(retry, 10),
        retryReason: header(req, "x-slack-retry-reason"),
      });
    } catch (error) {
      const problem = messageOf(error);
      logger.warn({ problem }, "Bolt could not read a signed Slack body");
      if (!acked) sendJson(res, 400, { error: "unreadable request" });
      acked = true;
    }
    if (!acked) {
      // Every listener acks first, so this is a body no listener matched: answer now rather than
      // hold the connection for the 3 s Slack allows.
      logger.info({ type: body.type }, "no Slack listener acknowledged the request");
      await ack();
    }
  }
}
