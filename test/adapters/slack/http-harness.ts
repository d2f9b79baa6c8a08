import type { Server } from "node:http";
import { COMMANDS } from "../../../commands/index.ts";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/app.ts";
import type { Command } from "../../../src/command/declaration.ts";
import { loadConfig } from "../../../src/config.ts";
import { close, createHttpServer, listen } from "../../../src/http/server.ts";
import { createLogger, type Logger } from "../../../src/logger.ts";
import type { Started } from "../../../src/startup.ts";
import { bundledContext } from "../../support/context.ts";
import { type FakeWebApi, slackSignature } from "../../support/fake-slack.ts";

// The real Bolt App in HTTP mode on the bot's one HTTP server, as the HTTP tests start it, and
// requests signed as Slack signs them.

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-1111-2222-fakebottoken";

export interface RunningHttpSlack {
  base: string;
  slack: RunningSlack;
  stop(): Promise<void>;
}

/** Starts Slack over HTTP against a fake Web API, with these settings and commands. */
export async function startHttpSlack(
  web: FakeWebApi,
  env: Record<string, string> = {},
  commands: readonly Command[] = COMMANDS,
  logger: Logger = createLogger("silent"),
): Promise<RunningHttpSlack> {
  const started: Started = {
    config: loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: web.url,
      LOG_LEVEL: "silent",
      ...env,
    }),
    ctx: { ...bundledContext(), commands },
    logger,
    log: () => {},
  };
  const slack = await startSlack(started, { retryConfig: { retries: 0 } });
  if (!slack.route) throw new Error("HTTP mode gave no route");
  const server: Server = createHttpServer([slack.route], logger);
  const { port } = await listen(server, 0, "127.0.0.1");
  return {
    base: `http://127.0.0.1:${port}`,
    slack,
    stop: async () => {
      await close(server);
      await slack.stop();
    },
  };
}

/** A raw body signed as Slack signs it, with any content type and extra headers. */
export function signed(base: string, raw: string, contentType: string, headers = {}) {
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: { "content-type": contentType, ...slackSignature(SECRET, raw), ...headers },
    body: raw,
  });
}

/** A signed form post, as Slack sends commands and button presses. */
export function signedPost(base: string, form: Record<string, string>, headers = {}) {
  return signed(
    base,
    new URLSearchParams(form).toString(),
    "application/x-www-form-urlencoded",
    headers,
  );
}

/** A signed JSON post, as Slack sends Events API requests. */
export function signedJson(base: string, body: unknown) {
  return signed(base, JSON.stringify(body), "application/json");
}
