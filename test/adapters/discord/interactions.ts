import { COMMANDS } from "../../../commands/index.ts";
import type { Command } from "../../../src/command/declaration.ts";
import { FAKE_DISCORD as F, snowflake } from "../../support/fake-discord.ts";

// Interaction payloads shaped as Discord sends them (guild, channel, member, app permissions,
// locales), so discord.js's own processing of INTERACTION_CREATE sees nothing unusual.

/** The person who types, as Discord sends a user inside a payload. */
export const person = {
  id: F.userId,
  username: "person",
  discriminator: "0",
  global_name: "A Person",
  avatar: null,
  public_flags: 0,
};

/** A guild member as Discord sends one inside a payload, without the user or permissions. */
export const GUILD_MEMBER = {
  roles: [],
  nick: null,
  avatar: null,
  premium_since: null,
  joined_at: "2024-01-01T00:00:00.000000+00:00",
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  communication_disabled_until: null,
};

const member = { ...GUILD_MEMBER, user: person, permissions: "2248473465835073" };

function base(type: number, data: Record<string, unknown>) {
  const id = snowflake();
  return {
    id,
    application_id: F.applicationId,
    type,
    data,
    guild_id: F.guildId,
    guild: { id: F.guildId, locale: "en-US", features: [] },
    channel_id: F.channelId,
    channel: {
      id: F.channelId,
      type: 0,
      guild_id: F.guildId,
      name: "general",
      nsfw: false,
      parent_id: null,
      position: 0,
      flags: 0,
      permissions: "2248473465835073",
      last_message_id: null,
      rate_limit_per_user: 0,
      topic: null,
    },
    member,
    token: `interaction-token-${id}`,
    version: 1,
    app_permissions: "2248473465835073",
    locale: "en-GB",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": F.guildId },
    context: 0,
    attachment_size_limit: 10485760,
  };
}

export type Interaction = ReturnType<typeof base>;

function dataOptions(command: Command | undefined, options: Record<string, string | number>) {
  return Object.entries(options).map(([name, value]) => {
    const declared = command?.options.find((o) => o.name === name);
    const integer = declared ? declared.type === "integer" : typeof value === "number";
    return { name, type: integer ? 4 : 3, value };
  });
}

/** A slash command: `/name` with its options. */
export function slashCommand(
  name: string,
  options: Record<string, string | number> = {},
  commands: readonly Command[] = COMMANDS,
): Interaction {
  const command = commands.find((c) => c.name === name);
  return base(2, {
    id: snowflake(),
    name,
    type: 1,
    guild_id: F.guildId,
    options: dataOptions(command, options),
  });
}

/** Someone typing `typed` into option `focus`, with the other options already given. */
export function autocompleteOf(
  name: string,
  focus: string,
  typed: string,
  others: Record<string, string | number> = {},
): Interaction {
  const command = COMMANDS.find((c) => c.name === name);
  const integer = command?.options.find((o) => o.name === focus)?.type === "integer";
  return base(4, {
    id: snowflake(),
    name,
    type: 1,
    guild_id: F.guildId,
    // Discord sends what was typed as a string even for an integer option.
    options: [
      ...dataOptions(command, others),
      { name: focus, type: integer ? 4 : 3, value: typed, focused: true },
    ],
  });
}

/**
 * A press of the button with `customId` on a message the bot sent: by default the answer to a
 * slash command (type 20); `message` changes it, say to a reply to a mention (type 19).
 */
export function buttonPress(customId: string, message: Record<string, unknown> = {}): Interaction {
  const interaction = base(3, { custom_id: customId, component_type: 2 });
  return {
    ...interaction,
    message: {
      id: snowflake(),
      channel_id: F.channelId,
      type: 20,
      content: "",
      author: {
        id: F.botId,
        username: F.botName,
        discriminator: "0",
        global_name: null,
        avatar: null,
        bot: true,
      },
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      application_id: F.applicationId,
      ...message,
    },
  } as Interaction;
}

/** The PING Discord sends to check an HTTP endpoint. */
export function ping() {
  return {
    id: snowflake(),
    application_id: F.applicationId,
    type: 1,
    token: "ping-token",
    version: 1,
  };
}
