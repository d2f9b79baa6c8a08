import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { type RunningGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.ts";
import { errorLog } from "../../../src/boot.ts";
import { loadConfig } from "../../../src/config.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import { decodeCall } from "../../../src/reply/call-codec.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems, shownText } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import { boom } from "../../support/failing-command.ts";
import {
  FAKE_DISCORD as F,
  type FakeDiscord,
  type RestRequest,
  startFakeDiscord,
} from "../../support/fake-discord.ts";
import { memoryDesk } from "../../support/schedule.ts";
import { buttonPress } from "./interactions.ts";
import { botAuthor, gatewayMessage, LEGACY_MENTION, MENTION } from "./messages.ts";

// Mentions and DMs end to end: the real discord.js Client, logged in to the loopback fake,
// receives MESSAGE_CREATE dispatches and answers each message meant for it with a reply
// (POST /channels/:id/messages with message_reference), and nothing else. One login for the file.

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.mentions-token-never-logged";

let fake: FakeDiscord;
let gateway: RunningGateway;
const captured = capturedLogger();
const desk = memoryDesk(["discord"]);

beforeAll(async () => {
  fake = await startFakeDiscord();
  const ctx = { ...bundledContext(), commands: [...COMMANDS, boom], schedule: desk };
  const started: Started = {
    config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api, LOG_LEVEL: "info" }),
    ctx,
    logger: captured.logger,
    log: errorLog(captured.logger),
  };
  gateway = await startDiscordGateway(started);
});

afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

type Posted = DiscordMessage & {
  message_reference?: Record<string, unknown>;
  allowed_mentions: Record<string, unknown>;
  nonce?: string;
};

/** Sends `message` over the gateway and resolves with the reply the bot posts to it. */
async function ask(message: ReturnType<typeof gatewayMessage>): Promise<RestRequest> {
  fake.dispatch("MESSAGE_CREATE", message as unknown as Record<string, unknown>);
  return fake.replyTo(message.id);
}

/** The reply's message, checked against every Discord limit on the way. */
function posted(request: RestRequest): Posted {
  const body = request.body as Posted;
  expect(limitProblems(body)).toEqual([]);
  return body;
}

/**
 * Sends messages the bot must not answer, then one it must, in the same channel: once that one
 * is answered, any answer to the others would have been posted before it.
 */
async function expectIgnored(...messages: Array<ReturnType<typeof gatewayMessage>>) {
  for (const m of messages)
    fake.dispatch("MESSAGE_CREATE", m as unknown as Record<string, unknown>);
  await ask(gatewayMessage(`${MENTION} help`));
  const repliedTo = fake.requests.all.map(
    (r) => (r.body as { nonce?: unknown } | undefined)?.nonce,
  );
  for (const m of messages) expect(repliedTo).not.toContain(m.id);
}

describe("Discord mentions: intents", () => {
  it("identifies with Guilds, GuildMessages and DirectMessages only: no privileged intent", () => {
    const wanted =
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
    expect(fake.identifies.all.map((i) => i.intents)).toEqual([wanted]);
    expect(wanted & GatewayIntentBits.MessageContent).toBe(0);
  });
});

describe("Discord mentions: a message that mentions the bot", () => {
  it("is answered as a reply to it, pinging nobody", async () => {
    const question = gatewayMessage(`${MENTION} who huitfeldt`);
    const request = await ask(question);
    expect(request.path).toBe(`/channels/${F.channelId}/messages`);
    expect(request.authorization).toBe(`Bot ${TOKEN}`);
    const reply = posted(request);
    expect(reply.embeds[0]?.title).toBe("Anniken Huitfeldt");
    expect(reply.message_reference).toEqual({
      message_id: question.id,
      channel_id: F.channelId,
      guild_id: F.guildId,
      fail_if_not_exists: false,
    });
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.flags).toBeUndefined();
  });

  it("takes the older <@!id> form of the mention, and a slash before the command", async () => {
    const legacy = posted(await ask(gatewayMessage(`${LEGACY_MENTION} expulsions 2023`)));
    expect(legacy.embeds[0]?.title).toBe("Expulsions in 2023");
    const slashed = posted(await ask(gatewayMessage(`${MENTION}   /who   huitfeldt `)));
    expect(slashed.embeds[0]?.title).toBe("Anniken Huitfeldt");
  });

  it("searches words that are not a command, in a mention and in a DM", async () => {
    const mentioned = posted(await ask(gatewayMessage(`${MENTION} frode berg`)));
    expect(mentioned.embeds[0]?.title).toBe("Search: frode berg");
    expect(JSON.stringify(mentioned.embeds)).toContain("**Frode Berg**");
    const direct = posted(await ask(gatewayMessage("kirkenes", { dm: true })));
    expect(direct.embeds[0]?.title).toBe("Search: kirkenes");
  });

  it("answers the bot's mention alone with the help", async () => {
    const text = shownText(posted(await ask(gatewayMessage(MENTION))));
    for (const c of COMMANDS) expect(text).toContain(`/${c.name}`);
  });

  it("answers a line it cannot read with the usage and an example, for all to see", async () => {
    const reply = posted(await ask(gatewayMessage(`${MENTION} who name:"Jonas Gahr`)));
    expect(reply.embeds[0]?.title).toBe("⚠ A quote is opened but never closed.");
    expect(shownText(reply)).toContain("Example:");
    expect(reply.flags).toBeUndefined();
    const badYear = posted(await ask(gatewayMessage(`${MENTION} expulsions year:soon`)));
    expect(badYear.embeds[0]?.title).toMatch(/^⚠ /);
  });

  it("answers a failing command with an apology and logs it", async () => {
    const reply = posted(await ask(gatewayMessage(`${MENTION} boom`)));
    expect(reply.embeds[0]?.title).toBe("✖ Something went wrong on our side.");
    expect(captured.lines).toContainEqual(
      expect.objectContaining({ level: 50, msg: "command failed", command: "boom" }),
    );
  });

  it("never turns the question's words into a mention", async () => {
    const reply = posted(await ask(gatewayMessage(`${MENTION} who @everyone <@123>`)));
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(shownText(reply)).not.toMatch(/@everyone|<@123>/);
  });

  it("refuses, rather than trusts, a change to the channel's daily posts", async () => {
    // A message does not say whether its author holds Manage Channels; the slash command does.
    const reply = posted(await ask(gatewayMessage(`${MENTION} onthisday subscribe`)));
    expect(reply.embeds[0]?.title).toBe(
      "⚠ Only people with the Manage Channels permission can change this channel's daily posts.",
    );
    expect(desk.changes).toBe(0);
    const status = posted(await ask(gatewayMessage(`${MENTION} onthisday status`)));
    expect(status.embeds[0]?.title).not.toMatch(/^⚠ /);
  });
});

describe("Discord mentions: messages that are not for the bot", () => {
  it("ignores server messages that do not start with the bot's mention", async () => {
    await expectIgnored(
      // Without the Message Content intent Discord sends other messages with empty content.
      gatewayMessage(""),
      gatewayMessage(`thanks ${MENTION}`),
      gatewayMessage("@everyone who huitfeldt"),
      gatewayMessage("@here who huitfeldt"),
      gatewayMessage("<@&100000000000000010> who huitfeldt"),
      gatewayMessage("<@100000000000000011> who huitfeldt"),
    );
  });

  it("ignores bots, itself included, and webhooks", async () => {
    await expectIgnored(
      gatewayMessage(`${MENTION} who huitfeldt`, { author: botAuthor }),
      gatewayMessage(`${MENTION} who huitfeldt`, {
        author: { ...botAuthor, id: F.botId, username: F.botName },
      }),
      gatewayMessage(`${MENTION} who huitfeldt`, { webhookId: "100000000000000012" }),
      gatewayMessage("who huitfeldt", { dm: true, author: botAuthor }),
    );
  });

  it("ignores system messages", async () => {
    // 7 is USER_JOIN, 6 CHANNEL_PINNED_MESSAGE, 21 THREAD_STARTER_MESSAGE.
    await expectIgnored(
      gatewayMessage(`${MENTION} who huitfeldt`, { type: 7 }),
      gatewayMessage(`${MENTION} who huitfeldt`, { type: 6 }),
      gatewayMessage(`${MENTION} who huitfeldt`, { type: 21 }),
    );
  });
});

describe("Discord mentions: direct messages", () => {
  it("answers a DM without a mention, with no CHANNEL_CREATE before it", async () => {
    const question = gatewayMessage("who huitfeldt", { dm: true });
    const request = await ask(question);
    expect(request.path).toBe(`/channels/${question.channel_id}/messages`);
    const reply = posted(request);
    expect(reply.embeds[0]?.title).toBe("Anniken Huitfeldt");
    expect(reply.message_reference).toEqual({
      message_id: question.id,
      channel_id: question.channel_id,
      fail_if_not_exists: false,
    });
  });

  it("strips a mention from a DM too, and answers one that is a reply", async () => {
    const reply = posted(await ask(gatewayMessage(`${MENTION} expulsions 2023`, { dm: true })));
    expect(reply.embeds[0]?.title).toBe("Expulsions in 2023");
    const threaded = posted(await ask(gatewayMessage("help", { dm: true, type: 19 })));
    expect(threaded.embeds[0]?.title).toContain("Barents");
  });
});

describe("Discord mentions: buttons on a reply", () => {
  it("turns the page of a mention's /timeline in place", async () => {
    const first = posted(await ask(gatewayMessage(`${MENTION} timeline`)));
    const next = first.components[0]?.components[0];
    expect(next?.label).toBe("Next ▶");
    expect(decodeCall(next?.custom_id ?? "")).toEqual({
      command: "timeline",
      options: { page: 2 },
    });
    const press = buttonPress(next?.custom_id ?? "", { type: 19 });
    const callback = await fake.interact(press);
    const body = callback.body as { type: number; data: DiscordMessage };
    expect(body.type).toBe(7);
    expect(body.data.embeds[0]?.footer?.text).toMatch(/^Page 2 of \d+/);
  });
});

describe("Discord mentions: failures", () => {
  it("logs a reply Discord refuses, and keeps answering", async () => {
    const question = gatewayMessage(`${MENTION} who huitfeldt`);
    fake.overrides.push((r) =>
      (r.body as { nonce?: unknown } | undefined)?.nonce === question.id
        ? { status: 403, body: { message: "Missing Permissions", code: 50013 } }
        : undefined,
    );
    await ask(question);
    await expect
      .poll(() => captured.lines.find((l) => l.message === question.id))
      .toMatchObject({ msg: "Discord reply failed", err: { code: 50013 } });
    expect(posted(await ask(gatewayMessage(`${MENTION} help`)))).toBeDefined();
  });

  it("never logged the token or what anyone wrote", () => {
    const all = captured.raw.join("");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain("huitfeldt");
  });
});
