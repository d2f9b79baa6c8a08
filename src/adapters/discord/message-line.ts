import { type GatewayMessageCreateDispatchData, MessageType } from "discord.js";
import type { Place } from "../../schedule/desk.ts";

// Which gateway messages Barents answers, and the command line each one holds: a person's own
// words addressed to the bot, either a server message that starts with the bot's mention
// (`@Barents who huitfeldt`) or any direct message. Bots (Barents itself among them), webhooks
// and system messages never get an answer, so two bots cannot keep answering each other.
//
// Discord facts relied on (docs.discord.com: Gateway › Message Content Intent; Message Resource):
// - Apps without the privileged MESSAGE_CONTENT intent get empty `content`, except in DMs with
//   the app, in messages in which the app is mentioned, and in the app's own messages. Both kinds
//   of message answered here are among those exceptions, so Barents never asks for the intent.
// - A user mention is written `<@id>`, or `<@!id>` by older clients (the nickname form).
//   @everyone, @here and role mentions (`<@&id>`) are other forms, and do not address the bot.
// - Types 0 (DEFAULT) and 19 (REPLY) are what people type; the other types are system messages
//   (joins, pins, boosts, thread starters…). A webhook's message carries `webhook_id`.
// - MESSAGE_CREATE has a `guild_id` only in a server; a message without one is a DM.

const TYPED = new Set<number>([MessageType.Default, MessageType.Reply]);
const LEADING_MENTION = /^\s*<@!?(\d+)>/;

/**
 * The line a message asks Barents to answer (empty when it only says "@Barents"), or undefined
 * when the message is not for Barents.
 */
export function messageLine(
  message: GatewayMessageCreateDispatchData,
  botId: string,
): string | undefined {
  const { author } = message;
  if (!author || author.bot || author.system || message.webhook_id) return undefined;
  if (!TYPED.has(message.type)) return undefined;
  const content = message.content ?? "";
  const mention = LEADING_MENTION.exec(content);
  const addressed = mention?.[1] === botId;
  // In a server only a message that starts with the bot's own mention is for it; a DM always is.
  if (!addressed && message.guild_id !== undefined) return undefined;
  return (addressed && mention ? content.slice(mention[0].length) : content).trim();
}

/**
 * Where a message was written and by whom. A message, unlike an interaction, does not say what
 * its author may do in the channel, so in a server Manage Channels counts as not held: commands
 * that change a channel's daily posts are refused there and left to the slash commands, which
 * carry the permission. In a DM there is no such rule.
 */
export function messagePlace(message: GatewayMessageCreateDispatchData): Place {
  const place: Place = {
    platform: "discord",
    channel: message.channel_id,
    user: message.author.id,
  };
  if (message.guild_id !== undefined) place.canManageChannels = false;
  return place;
}
