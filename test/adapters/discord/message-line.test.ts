import { describe, expect, it } from "vitest";
import { replyBody } from "../../../src/adapters/discord/answer-message.ts";
import { messageLine, messagePlace } from "../../../src/adapters/discord/message-line.ts";
import { renderDiscord } from "../../../src/render/discord/message.ts";
import { reply } from "../../../src/reply/reply.ts";
import { FAKE_DISCORD as F } from "../../support/fake-discord.ts";
import { botAuthor, gatewayMessage, LEGACY_MENTION, MENTION } from "./messages.ts";

const line = (message: ReturnType<typeof gatewayMessage>) => messageLine(message, F.botId);

describe("messageLine: what a message asks", () => {
  it("is the words after the bot's leading mention, in either form", () => {
    expect(line(gatewayMessage(`${MENTION} who huitfeldt`))).toBe("who huitfeldt");
    expect(line(gatewayMessage(`  ${LEGACY_MENTION}expulsions 2023 `))).toBe("expulsions 2023");
    expect(line(gatewayMessage(`${MENTION} /who huitfeldt`))).toBe("/who huitfeldt");
  });

  it("is empty for the mention alone, which the help answers", () => {
    expect(line(gatewayMessage(MENTION))).toBe("");
    expect(line(gatewayMessage(`${MENTION}   `))).toBe("");
  });

  it("is the whole of a DM, with or without a mention", () => {
    expect(line(gatewayMessage("who huitfeldt", { dm: true }))).toBe("who huitfeldt");
    expect(line(gatewayMessage(`${MENTION} who huitfeldt`, { dm: true }))).toBe("who huitfeldt");
  });

  it("keeps a later mention of the bot as words", () => {
    expect(line(gatewayMessage(`${MENTION} who ${MENTION}`))).toBe(`who ${MENTION}`);
  });
});

describe("messageLine: messages not for Barents", () => {
  it.each([
    ["empty content, as Discord sends what it does not show the bot", ""],
    ["a later mention", `thanks ${MENTION}`],
    ["@everyone", "@everyone who huitfeldt"],
    ["@here", "@here who huitfeldt"],
    ["a role mention", "<@&100000000000000010> who huitfeldt"],
    ["someone else's mention", "<@100000000000000011> who huitfeldt"],
    ["a mention of an id that only starts with the bot's", `<@${F.botId}7> who`],
  ])("ignores %s in a server", (_, content) => {
    expect(line(gatewayMessage(content))).toBeUndefined();
  });

  it("ignores bots, itself included, and webhooks", () => {
    expect(line(gatewayMessage(`${MENTION} help`, { author: botAuthor }))).toBeUndefined();
    const self = { ...botAuthor, id: F.botId };
    expect(line(gatewayMessage("help", { dm: true, author: self }))).toBeUndefined();
    expect(line(gatewayMessage(`${MENTION} help`, { webhookId: "1" }))).toBeUndefined();
  });

  it("answers what people type (DEFAULT, REPLY) and no system message", () => {
    expect(line(gatewayMessage(`${MENTION} help`, { type: 0 }))).toBe("help");
    expect(line(gatewayMessage(`${MENTION} help`, { type: 19 }))).toBe("help");
    for (const type of [1, 6, 7, 8, 18, 20, 21, 24, 46]) {
      expect(line(gatewayMessage(`${MENTION} help`, { type }))).toBeUndefined();
    }
  });
});

describe("messagePlace", () => {
  it("in a server, counts Manage Channels as not held, since a message cannot show it", () => {
    expect(messagePlace(gatewayMessage(`${MENTION} help`))).toEqual({
      platform: "discord",
      channel: F.channelId,
      user: F.userId,
      canManageChannels: false,
    });
  });

  it("in a DM, has no such rule", () => {
    const place = messagePlace(gatewayMessage("help", { dm: true }));
    expect(place.canManageChannels).toBeUndefined();
  });
});

describe("replyBody", () => {
  it("replies to the message, pings nobody, and drops the interaction-only private flag", () => {
    const question = gatewayMessage(`${MENTION} who`);
    const body = replyBody(question, renderDiscord(reply("usage", "Say who.")));
    expect(body.flags).toBeUndefined();
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.message_reference).toEqual({
      message_id: question.id,
      channel_id: F.channelId,
      guild_id: F.guildId,
      fail_if_not_exists: false,
    });
    expect(body).toMatchObject({ nonce: question.id, enforce_nonce: true });
  });
});
