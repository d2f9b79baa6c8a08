import {
  type APIInteraction,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { describe, expect, it } from "vitest";
import {
  handleInteraction,
  interactionHandling,
  placeOf,
} from "../../../src/adapters/discord/handle-interaction.ts";
import type { InteractionResponse, Responder } from "../../../src/adapters/discord/responses.ts";
import { loadConfig } from "../../../src/config.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import { FAKE_DISCORD as F } from "../../support/fake-discord.ts";
import { memoryDesk } from "../../support/schedule.ts";
import { type Interaction, slashCommand } from "./interactions.ts";

// Where a Discord interaction comes from, as the subscription commands see it: the channel, the
// person, and whether they may manage the channel (from the member's resolved permissions).

const { ManageChannels, SendMessages, ViewChannel, ManageMessages } = PermissionFlagsBits;

function inGuild(permissions: bigint, command = slashCommand("onthisday-status")): Interaction {
  return { ...command, member: { ...command.member, permissions: String(permissions) } };
}

function asApi(interaction: unknown): APIInteraction {
  return interaction as APIInteraction;
}

/** The same command sent in a DM: a user, no member, no guild. */
function inDm(): APIInteraction {
  const { member, guild_id: _guild, guild: _g, ...rest } = slashCommand("onthisday-status");
  return asApi({ ...rest, user: member.user, context: 1 });
}

describe("placeOf", () => {
  it("lets a guild member whose permissions include Manage Channels manage the channel", async () => {
    const place = placeOf(asApi(inGuild(ViewChannel | SendMessages | ManageChannels)));
    expect(place).toEqual({
      platform: "discord",
      channel: F.channelId,
      user: F.userId,
      canManageChannels: true,
    });
  });

  it("does not let a guild member without Manage Channels manage it, whatever else they hold", async () => {
    const place = placeOf(asApi(inGuild(ViewChannel | SendMessages | ManageMessages)));
    expect(place).toMatchObject({ channel: F.channelId, user: F.userId });
    expect(place?.canManageChannels).toBe(false);
  });

  it("reads the permissions of the fixture's ordinary member as lacking Manage Channels", async () => {
    expect(placeOf(asApi(slashCommand("onthisday-status")))?.canManageChannels).toBe(false);
  });

  it("applies no Manage Channels rule in a DM, where there is no member", async () => {
    const place = placeOf(inDm());
    expect(place).toEqual({ platform: "discord", channel: F.channelId, user: F.userId });
    expect(place?.canManageChannels).toBeUndefined();
  });

  it("falls back to channel_id when the channel object is absent", async () => {
    const { channel: _channel, ...rest } = inGuild(ManageChannels);
    expect(placeOf(asApi(rest))?.channel).toBe(F.channelId);
  });

  it("has no place without a channel", async () => {
    const { channel: _channel, channel_id: _id, ...rest } = inGuild(ManageChannels);
    expect(placeOf(asApi(rest))).toBeUndefined();
  });
});

describe("a Discord slash command's place", () => {
  async function subscribe(permissions: bigint) {
    const desk = memoryDesk();
    const handling = interactionHandling({
      config: loadConfig({}),
      ctx: { ...bundledContext(), schedule: desk },
      logger: capturedLogger().logger,
      log: () => {},
    });
    const sent: InteractionResponse[] = [];
    const responder: Responder = {
      initial: async (response) => void sent.push(response),
      editOriginal: async () => {},
      followUp: async () => {},
    };
    const command = slashCommand("onthisday-subscribe", { time: "08:30", timezone: "Europe/Oslo" });
    await handleInteraction(handling, asApi(inGuild(permissions, command)), responder);
    return { desk, sent };
  }

  it("reaches the command, which stores the subscription for the channel and the member", async () => {
    const { desk, sent } = await subscribe(ViewChannel | ManageChannels);
    expect(await desk.store.get({ platform: "discord", channel: F.channelId })).toMatchObject({
      time: "08:30",
      timeZone: "Europe/Oslo",
      by: F.userId,
    });
    expect(sent[0]?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(desk.changes).toBe(1);
  });

  it("carries a member's lack of Manage Channels, so the command refuses and stores nothing", async () => {
    const { desk, sent } = await subscribe(ViewChannel | SendMessages);
    expect(await desk.store.list()).toEqual([]);
    expect(JSON.stringify(sent[0])).toContain("Manage Channels permission");
    // Only the person who tried sees the refusal.
    expect(sent[0]).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
  });
});
