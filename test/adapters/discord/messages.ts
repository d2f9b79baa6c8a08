import type { GatewayMessageCreateDispatchData } from "discord.js";
import { FAKE_DISCORD as F, snowflake } from "../../support/fake-discord.ts";
import { GUILD_MEMBER, person } from "./interactions.ts";

// MESSAGE_CREATE payloads shaped as the gateway sends them without the Message Content intent:
// in a server, with `guild_id` and the author's `member`; in a DM, with neither. Content is only
// ever filled in here for messages Discord would fill it in for (mentions of the bot and DMs),
// or left as Discord leaves it ("") for the rest.

export const botAuthor = {
  id: "100000000000000009",
  username: "OtherBot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
};

export interface MessageShape {
  /** In a server (the default), or a DM. */
  dm?: boolean;
  author?: typeof person | typeof botAuthor;
  type?: number;
  mentions?: Array<{ id: string; username: string; discriminator: string; bot?: boolean }>;
  webhookId?: string;
}

const botUser = { id: F.botId, username: F.botName, discriminator: "0", bot: true };

/** A message with `content`, mentioning the bot when the content starts with its mention. */
export function gatewayMessage(
  content: string,
  shape: MessageShape = {},
): GatewayMessageCreateDispatchData & { guild_id?: string } {
  const mentionsBot = content.includes(`<@${F.botId}>`) || content.includes(`<@!${F.botId}>`);
  const message = {
    id: snowflake(),
    channel_id: shape.dm ? "100000000000000006" : F.channelId,
    author: shape.author ?? person,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: content.includes("@everyone"),
    mentions: shape.mentions ?? (mentionsBot ? [botUser] : []),
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: shape.type ?? 0,
    flags: 0,
    ...(shape.webhookId ? { webhook_id: shape.webhookId } : {}),
    ...(shape.dm
      ? {}
      : {
          guild_id: F.guildId,
          member: GUILD_MEMBER,
        }),
  };
  return message as unknown as GatewayMessageCreateDispatchData & { guild_id?: string };
}

/** The bot's mention as typed today, and in the older nickname form. */
export const MENTION = `<@${F.botId}>`;
export const LEGACY_MENTION = `<@!${F.botId}>`;
