import {
  DiscordAPIError,
  type GatewayMessageCreateDispatchData,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import { reported, type Telemetry } from "../../command/answered.ts";
import type { CommandContext } from "../../command/declaration.ts";
import type { ErrorLog } from "../../command/run-command.ts";
import type { Logger } from "../../logger.ts";
import { type DiscordMessage, renderDiscord } from "../../render/discord/message.ts";
import { answerRead, readAddressedLine } from "../../text/answer-line.ts";
import { messageLine, messagePlace } from "./message-line.ts";
import { restRequest } from "./outgoing.ts";
import { FAILURE, loggableError } from "./responses.ts";

// A mention or a DM is answered as the console answers a typed line (the same grammar, the same
// commands), rendered by the same Discord renderer, and sent as a reply to the message. Buttons
// in the reply carry their call in custom_id, so pressing one arrives as an ordinary component
// interaction and is handled like a press on any slash-command answer.
//
// Discord facts relied on (docs.discord.com, Message Resource):
// - A reply is a Create Message with `message_reference`; only `message_id` is required, and
//   `fail_if_not_exists` (default true) is turned off so that an answer to a question deleted in
//   the meantime is still sent, as a plain message. Replying needs READ_MESSAGE_HISTORY as well
//   as SEND_MESSAGES; without them Discord refuses, and the refusal is logged.
// - Regular messages parse every mention by default; `allowed_mentions: { parse: [] }` turns them
//   all off, and `replied_user: false` keeps the reply from pinging the person asking.
// - A created message may set only SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE and
//   IS_COMPONENTS_V2; EPHEMERAL is for interactions, so the renderer's "only you can see this" is
//   dropped: a reply is seen by everyone in the channel.
// - A nonce is up to 25 characters; with `enforce_nonce`, a repeated nonce within a few minutes
//   returns the first message instead of posting again. The question's id (a snowflake, at most
//   20 digits) is the nonce, so a send that discord.js retries never answers twice.
// - A picture goes as a file of the same Create Message (multipart, outgoing.ts), shown in the
//   embed through its `attachments` entry.

export interface MessageHandling {
  ctx: CommandContext;
  log: ErrorLog;
  logger: Logger;
  /** REST with the bot token: replies are ordinary channel messages. */
  rest: REST;
  botId: string;
  telemetry?: Telemetry;
}

/** The Create Message body that answers `message` with `rendered`, pinging nobody. */
export function replyBody(
  message: Pick<GatewayMessageCreateDispatchData, "id" | "channel_id" | "guild_id">,
  rendered: DiscordMessage,
): RESTPostAPIChannelMessageJSONBody {
  const { flags: _interactionOnly, files: _sentApart, ...shown } = rendered;
  return {
    ...shown,
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: {
      message_id: message.id,
      channel_id: message.channel_id,
      ...(message.guild_id !== undefined ? { guild_id: message.guild_id } : {}),
      fail_if_not_exists: false,
    },
    nonce: message.id,
    enforce_nonce: true,
  };
}

/** What to log about a message: enough to find it, never what it says. */
function logContext(message: GatewayMessageCreateDispatchData): Record<string, unknown> {
  return {
    message: message.id,
    guild: message.guild_id,
    channel: message.channel_id,
    user: message.author?.id,
  };
}

/** The reply to a line, rendered; "@Barents" alone gets the help. Never throws. */
async function replyTo(
  handling: MessageHandling,
  message: GatewayMessageCreateDispatchData,
  line: string,
  start: number,
): Promise<DiscordMessage> {
  try {
    const ctx = { ...handling.ctx, place: messagePlace(message) };
    const asked = readAddressedLine(ctx, line);
    const arrival = { platform: "discord" as const, start, id: message.id, commands: ctx.commands };
    const answer = () => answerRead(ctx, asked, handling.log);
    return (await reported(handling.telemetry, arrival, asked, answer, renderDiscord)).rendered;
  } catch (error) {
    handling.logger.error(
      { ...logContext(message), err: loggableError(error) },
      "Discord message failed",
    );
    return renderDiscord(FAILURE);
  }
}

/** Discord's code for a request the bot lacks a permission for (JSON Error Codes). */
const MISSING_PERMISSIONS = 50013;

export const NO_ATTACH_FILES =
  "The picture could not be attached: Barents needs the Attach Files permission in this channel.";

/** The reply without its picture, saying why: for a channel where the bot may not upload. */
function withoutPicture(
  body: RESTPostAPIChannelMessageJSONBody,
): RESTPostAPIChannelMessageJSONBody {
  const { attachments: _files, embeds = [], ...rest } = body;
  const shown = embeds.map(({ image: _image, ...embed }) => embed);
  return { ...rest, content: NO_ATTACH_FILES, embeds: shown };
}

/**
 * Answers one MESSAGE_CREATE if it is for Barents, as a reply to it. Never throws: a reply
 * Discord refuses (no permission to send, channel gone) is logged. A picture refused for want of
 * a permission (uploading takes Attach Files in a server, which the invite may not have granted)
 * is dropped, and the reply goes again without it, saying so.
 */
export async function answerMessage(
  handling: MessageHandling,
  message: GatewayMessageCreateDispatchData,
): Promise<void> {
  const start = performance.now();
  const line = messageLine(message, handling.botId);
  if (line === undefined) return;
  const rendered = await replyTo(handling, message, line, start);
  const body = replyBody(message, rendered);
  const files = rendered.files ?? [];
  const post = (json: RESTPostAPIChannelMessageJSONBody, withFiles: typeof files) =>
    handling.rest.post(Routes.channelMessages(message.channel_id), restRequest(json, withFiles));
  try {
    try {
      await post(body, files);
    } catch (error) {
      const refused = error instanceof DiscordAPIError && error.code === MISSING_PERMISSIONS;
      if (files.length === 0 || !refused) throw error;
      handling.logger.warn(logContext(message), "Discord refused the picture; replying without it");
      await post(withoutPicture(body), []);
    }
  } catch (error) {
    handling.logger.warn(
      { ...logContext(message), err: loggableError(error) },
      "Discord reply failed",
    );
  }
}
