import { App, type BlockAction, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { Watched } from "../../command/answered.ts";
import type { Route } from "../../http/server.ts";
import { createTelemetry } from "../../metrics/telemetry.ts";
import { ACTION_PATTERN } from "../../render/slack/block-kit.ts";
import { renderSlackMessage } from "../../render/slack/blocks.ts";
import type { Reply } from "../../reply/reply.ts";
import type { Poster } from "../../schedule/delivery.ts";
import type { Started } from "../../startup.ts";
import { boltLogger } from "./bolt-logger.ts";
import { SlackHttpReceiver } from "./http-receiver.ts";
import { imageSharer } from "./image-share.ts";
import {
  buttonListener,
  foreignButtonListener,
  type SlackDeps,
  slashCommandListener,
} from "./listeners.ts";
import {
  directMessageListener,
  mentionListener,
  type PostMessage,
  type SlackMessageEvent,
} from "./message-listeners.ts";
import { installedCommands } from "./names.ts";
import { postingClient, SLACK_CALL_TIMEOUT_MS, slackPoster } from "./post.ts";
import { guardSocketMessages } from "./socket-guard.ts";
import { timedFetch } from "./timed-fetch.ts";

// Slack by Bolt, in either transport with one handling path, as bolt-js's Receiver seam
// intends: Socket Mode when an app-level token is set (Bolt holds the socket), HTTP otherwise.
// In HTTP mode the receiver is Barents' own (./http-receiver.ts), whose route the bot's one HTTP
// server carries as POST /slack/events. Both transports hand Bolt only bodies it can read
// (./payload.ts).

export interface SlackOptions {
  /**
   * The WebClient's retry policy. Tests pass `{ retries: 0 }`: by default a failing Web API is
   * retried for about thirty minutes.
   */
  retryConfig?: webApi.RetryOptions;
}

export interface RunningSlack {
  mode: "socket" | "http";
  /** In HTTP mode, the route the HTTP server must carry for Slack's commands and buttons. */
  route?: Route;
  /** Posts scheduled notes to channels (chat:write; chat:write.public outside joined ones). */
  poster: Poster;
  /** Whether Slack can reach the process: the socket is open; in HTTP mode, always. */
  connected(): boolean;
  /** Closes the socket (Socket Mode); HTTP mode has nothing of its own to close. */
  stop(): Promise<void>;
}

/** WebClient joins the base and the method name, so the base must end with a slash. */
function apiBase(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** The thread a pressed message is in: the message's own thread_ts, or the container's. */
function threadOf(body: BlockAction): string | undefined {
  const ts: unknown = body.message?.thread_ts ?? body.container?.thread_ts;
  return typeof ts === "string" ? ts : undefined;
}

function register(app: App, deps: SlackDeps, post: PostMessage): void {
  // One listener for every command: Slack sends only those the installed manifest declares,
  // and the listener reads which one from its name (the umbrella, or a prefixed command).
  const onCommand = slashCommandListener(deps);
  app.command(/^\//, ({ command, ack, respond }) => onCommand({ command, ack, respond }));
  const onMention = mentionListener(deps);
  app.event("app_mention", ({ event, body, context }) =>
    onMention({
      event: event as SlackMessageEvent,
      post,
      botUserId: context.botUserId,
      eventId: body.event_id,
    }),
  );
  const onDirect = directMessageListener(deps);
  app.event("message", ({ event, body, context }) =>
    onDirect({
      event: event as SlackMessageEvent,
      post,
      botUserId: context.botUserId,
      eventId: body.event_id,
    }),
  );
  const onButton = buttonListener(deps);
  app.action<BlockAction>(ACTION_PATTERN, ({ action, body, ack, respond }) =>
    onButton({
      action: {
        action_id: action.action_id,
        value: action.type === "button" ? action.value : undefined,
      },
      ack,
      respond,
      user: body.user?.id,
      channel: body.channel?.id,
      thread: threadOf(body),
      trigger: body.trigger_id,
    }),
  );
  const onForeign = foreignButtonListener(deps);
  app.action<BlockAction>({ type: "block_actions" }, ({ action, body, ack }) =>
    onForeign({ action, ack, user: body.user?.id, channel: body.channel?.id }),
  );
}

/**
 * Starts Slack: checks the bot token (auth.test), then either connects the socket or returns
 * the HTTP route. Rejects when Slack refuses a token, so start-up can say so and stop.
 */
export async function startSlack(
  started: Started & Watched,
  options: SlackOptions = {},
): Promise<RunningSlack> {
  const { config, ctx, log } = started;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error("SLACK_BOT_TOKEN is not set.");
  const logger = started.logger.child({ platform: "slack" });
  const boltLog = boltLogger(logger);

  // Every outbound call gets a timeout: the WebClient's own (none by default) and respond()'s.
  const clientOptions: webApi.WebClientOptions = {
    timeout: SLACK_CALL_TIMEOUT_MS,
    fetch: timedFetch(SLACK_CALL_TIMEOUT_MS),
  };
  if (config.SLACK_API_URL) clientOptions.slackApiUrl = apiBase(config.SLACK_API_URL);
  if (options.retryConfig) clientOptions.retryConfig = options.retryConfig;
  // Replies to mentions and DMs, like scheduled posts and shared charts, are never repeated on
  // an unknown outcome.
  const client = postingClient(token, { ...clientOptions, logger: boltLog });
  const deps: SlackDeps = {
    ctx,
    log,
    logger,
    prefix: config.SLACK_COMMAND_PREFIX,
    umbrella: config.SLACK_UMBRELLA_COMMAND,
    telemetry: started.telemetry ?? createTelemetry(started.logger),
    shareImage: imageSharer(client, timedFetch(SLACK_CALL_TIMEOUT_MS)),
  };
  // The names the manifest declares: a set Slack would refuse stops start-up, naming the fix.
  installedCommands(ctx.commands, deps.prefix, deps.umbrella);

  const appToken = config.SLACK_APP_TOKEN;
  let receiver: SlackHttpReceiver | SocketModeReceiver;
  if (appToken !== undefined) {
    receiver = new SocketModeReceiver({
      appToken,
      logger: boltLog,
      installerOptions: { clientOptions },
    });
    guardSocketMessages(receiver.client, logger);
  } else {
    if (!config.SLACK_SIGNING_SECRET) {
      throw new Error("SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is needed with SLACK_BOT_TOKEN.");
    }
    receiver = new SlackHttpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, logger });
  }
  const app = new App({
    token,
    logger: boltLog,
    clientOptions,
    // Bolt's default keeps conversation state in memory; Barents keeps none (any replica answers).
    convoStore: false,
    // auth.test runs in init() below, where a refused token fails start-up, rather than from
    // the constructor, where its failure would surface only on the first request.
    deferInitialization: true,
    receiver,
    // Bolt takes a receiver with socketMode only if it is its own SocketModeReceiver.
    ...(appToken !== undefined ? { socketMode: true, appToken } : {}),
  });
  register(app, deps, (message) => client.chat.postMessage(message));
  // The last word on anything a listener or Bolt itself failed at: log it (redacted), never
  // crash. The listeners ack first and tell the person themselves, so nothing is left to send.
  app.error(async (error) => boltLog.error("Slack app error:", error));
  await app.init();

  const poster = slackPoster(client, (reply: Reply) =>
    renderSlackMessage(reply, { prefix: deps.prefix, commands: ctx.commands }),
  );
  if (receiver instanceof SocketModeReceiver) {
    // The client says when the socket opens and when it drops: "close" at once (its own
    // "reconnecting" comes only after a delay of seconds), or "disconnected" for good.
    let open = false;
    receiver.client.on("connected", () => (open = true));
    for (const down of ["close", "disconnecting", "disconnected", "reconnecting"])
      receiver.client.on(down, () => (open = false));
    await app.start();
    return {
      mode: "socket",
      poster,
      connected: () => open,
      stop: async () => void (await app.stop()),
    };
  }
  return {
    mode: "http",
    route: receiver.route,
    poster,
    connected: () => true,
    stop: async () => {},
  };
}
