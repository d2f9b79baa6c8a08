import type { APIInteraction } from "discord.js";
import type { Watched } from "../../command/answered.ts";
import { header, type Route, readBody, sendJson } from "../../http/server.ts";
import type { Started } from "../../startup.ts";
import {
  type HandlingOptions,
  handleInteraction,
  interactionHandling,
} from "./handle-interaction.ts";
import { encodedResponse, type InteractionRef, webhookResponder } from "./responses.ts";
import { createRest } from "./rest.ts";
import { discordPublicKey, isSignedByDiscord } from "./verify.ts";

// HTTP interactions mode: Discord POSTs each interaction to /discord/interactions and takes the
// HTTP response as the initial response. Nothing a request needs is kept from another (answers
// kept for steady calls are the same on every replica), so any number of replicas can sit
// behind one load balancer. Later edits go out through the webhook endpoints.
// Only interactions come this way: messages (mentions of the bot, DMs) reach an app only over the
// gateway (MESSAGE_CREATE is a gateway event), so in this mode Barents does not see them.

export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

/**
 * The most bytes of files answered in the HTTP response itself. Discord takes the response as
 * multipart/form-data like its callback endpoint (Reference › Uploading Files), but reports on
 * its API docs tracker (discord-api-docs issues 5250 and 5925) found such responses failing
 * ("This interaction failed") from about 150 KB, while a deferral and an edit of the original
 * with the file worked at any size. Larger files take that way; a chart is about 70 KB.
 */
export const INLINE_FILE_BYTES = 128 * 1024;

export interface HttpOptions extends HandlingOptions {
  /** The current time in seconds, for the replay window; injected by tests. */
  nowSeconds?: () => number;
}

function isInteraction(value: unknown): value is APIInteraction {
  const v = value as Partial<Record<keyof APIInteraction, unknown>> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.type === "number" &&
    typeof v.id === "string" &&
    typeof v.token === "string" &&
    typeof v.application_id === "string"
  );
}

/** The route answering Discord's interactions, verified with DISCORD_PUBLIC_KEY. */
export function discordInteractionsRoute(
  started: Started & Watched,
  options: HttpOptions = {},
): Route {
  const { config, logger } = started;
  if (!config.DISCORD_PUBLIC_KEY) {
    throw new Error("DISCORD_PUBLIC_KEY is needed for Discord's HTTP interactions.");
  }
  const key = discordPublicKey(config.DISCORD_PUBLIC_KEY);
  const handling = interactionHandling(started, options);
  const rest = createRest(config);
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  logger.info(
    "Discord over HTTP: slash commands and buttons only; answering mentions and DMs needs the gateway (DISCORD_TOKEN without DISCORD_PUBLIC_KEY)",
  );
  return {
    method: "POST",
    path: DISCORD_INTERACTIONS_PATH,
    handler: async (req, res) => {
      const body = await readBody(req);
      const signed = {
        signature: header(req, "x-signature-ed25519"),
        timestamp: header(req, "x-signature-timestamp"),
        body,
      };
      if (!isSignedByDiscord(key, signed, now())) {
        sendJson(res, 401, { error: "invalid request signature" });
        return;
      }
      let interaction: unknown;
      try {
        interaction = JSON.parse(body.toString("utf8"));
      } catch {
        interaction = undefined;
      }
      if (!isInteraction(interaction)) {
        logger.warn("Discord sent a signed body that is not an interaction");
        sendJson(res, 400, { error: "not an interaction" });
        return;
      }
      const ref: InteractionRef = interaction;
      await handleInteraction(handling, interaction, {
        initial: async (response) => {
          const { contentType, bytes } = encodedResponse(response);
          res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
          res.end(bytes);
        },
        initialFileBytes: INLINE_FILE_BYTES,
        ...webhookResponder(rest, ref),
      });
    },
  };
}
