import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { lineOfMessage } from "../../../src/adapters/slack/line.ts";
import type { SlackDeps } from "../../../src/adapters/slack/listeners.ts";
import {
  directMessageListener,
  mentionListener,
  type PostMessage,
  type SlackMessageEvent,
} from "../../../src/adapters/slack/message-listeners.ts";
import type { Answered } from "../../../src/command/answered.ts";
import { bundledContext } from "../../support/context.ts";

// Mentions and direct messages as Bolt hands them over, with chat.postMessage recorded.

const BOT = "U0BOT";
type Posted = Parameters<PostMessage>[0];

function harness() {
  const posted: Posted[] = [];
  const answered: Answered[] = [];
  const deps: SlackDeps = {
    telemetry: { answered: (a) => void answered.push(a), autocompleted: () => {} },
    ctx: bundledContext(),
    log: () => {},
    logger: pino({ level: "silent" }),
    prefix: "barents-",
    umbrella: "barents",
  };
  const post: PostMessage = async (message) => {
    posted.push(message);
  };
  const mention = (event: Partial<SlackMessageEvent>) =>
    mentionListener(deps)({
      event: { type: "app_mention", channel: "C1", user: "U1", ts: "100.1", ...event },
      post,
      botUserId: BOT,
      eventId: "Ev0MENTION",
    });
  const dm = (event: Partial<SlackMessageEvent>) =>
    directMessageListener(deps)({
      event: {
        type: "message",
        channel: "D1",
        channel_type: "im",
        user: "U1",
        ts: "200.1",
        ...event,
      },
      post,
      botUserId: BOT,
    });
  return { posted, answered, mention, dm };
}

const header = (p: Posted | undefined) => JSON.stringify(p?.blocks?.[0]);

describe("a command line in a message", () => {
  const names = { prefix: "barents-", umbrella: "barents", commands: COMMANDS };
  it.each([
    ["<@U0BOT> who is frode berg", "who is frode berg"],
    ["<@U0BOT|barents>: expulsions 2023", "expulsions 2023"],
    ["<@U0BOT> /who huitfeldt", "who huitfeldt"],
    ["<@U0BOT> /barents-who huitfeldt", "who huitfeldt"],
    ["<@U0BOT> /barents expulsions 2023", "expulsions 2023"],
    ["who Fish &amp; Chips", "who Fish & Chips"],
    ["<@U0BOT>", ""],
  ])("reads %j as %j", (text, line) => {
    expect(lineOfMessage(text, names)).toBe(line);
  });
});

describe("what a mention or a DM reports", () => {
  it("one answer each, by the command the line named, with the event's id", async () => {
    const { answered, mention, dm } = harness();
    await mention({ text: "<@U0BOT> who huitfeldt" });
    await dm({ text: 'who name:"Jonas' });
    await dm({ text: "" });
    expect(answered).toEqual([
      expect.objectContaining({
        platform: "slack",
        command: "who",
        outcome: "answer",
        id: "Ev0MENTION",
      }),
      expect.objectContaining({ platform: "slack", command: "unknown", outcome: "usage_error" }),
      expect.objectContaining({ platform: "slack", command: "help", outcome: "answer" }),
    ]);
  });
});

describe("a mention of the app", () => {
  it("answers in a new thread under the message that mentioned it", async () => {
    const h = harness();
    await h.mention({ text: "<@U0BOT> who is frode berg" });
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]).toMatchObject({ channel: "C1", thread_ts: "100.1", unfurl_links: false });
    expect(header(h.posted[0])).toContain("Frode Berg");
  });

  it("answers in the thread it was written in", async () => {
    const h = harness();
    await h.mention({ text: "<@U0BOT> expulsions 2023", ts: "300.5", thread_ts: "300.1" });
    expect(h.posted[0]).toMatchObject({ channel: "C1", thread_ts: "300.1" });
    expect(header(h.posted[0])).toContain("Expulsions in 2023");
  });

  it("alone, shows help; with a bad line, a short usage reply naming an example", async () => {
    const h = harness();
    await h.mention({ text: "<@U0BOT>" });
    await h.mention({ text: "<@U0BOT> expulsions soon" });
    expect(JSON.stringify(h.posted[0])).toContain("/barents-timeline");
    expect(JSON.stringify(h.posted[1])).toContain("Example: /barents-expulsions");
  });

  it("searches words that are not a command", async () => {
    const h = harness();
    await h.mention({ text: "<@U0BOT> frode berg" });
    expect(header(h.posted[0])).toContain("Search: frode berg");
    expect(JSON.stringify(h.posted[0])).toContain("*Frode Berg*");
  });

  it("never answers a bot, itself included", async () => {
    const h = harness();
    await h.mention({ text: "<@U0BOT> help", user: BOT });
    await h.mention({ text: "<@U0BOT> help", bot_id: "B0OTHER" });
    expect(h.posted).toEqual([]);
  });

  it("keeps <!channel> and <@U123> typed by a person from pinging anyone", async () => {
    const h = harness();
    await h.mention({ text: "<@U0BOT> who <!channel> <@U123>" });
    const json = JSON.stringify(h.posted[0]);
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<@U123>");
  });
});

describe("a direct message to the app", () => {
  it("answers in the DM, at the top level", async () => {
    const h = harness();
    await h.dm({ text: "who huitfeldt" });
    expect(h.posted[0]).toMatchObject({ channel: "D1" });
    expect(h.posted[0]?.thread_ts).toBeUndefined();
    expect(header(h.posted[0])).toContain("Anniken Huitfeldt");
  });

  it("searches a DM of plain words", async () => {
    const h = harness();
    await h.dm({ text: "kirkenes" });
    expect(header(h.posted[0])).toContain("Search: kirkenes");
  });

  it("answers in a DM's thread when written in one", async () => {
    const h = harness();
    await h.dm({ text: "/expulsions 2023", ts: "200.9", thread_ts: "200.1" });
    expect(h.posted[0]).toMatchObject({ channel: "D1", thread_ts: "200.1" });
  });

  it("ignores edits, joins, bots' posts, its own posts, and messages outside DMs", async () => {
    const h = harness();
    await h.dm({ text: "who huitfeldt", subtype: "message_changed" });
    await h.dm({ text: "who huitfeldt", subtype: "channel_join" });
    await h.dm({ text: "who huitfeldt", subtype: "bot_message", bot_id: "B0OTHER" });
    await h.dm({ text: "who huitfeldt", user: BOT });
    await h.dm({ text: "who huitfeldt", bot_id: "B0BOT" });
    await h.dm({ text: "who huitfeldt", channel_type: "channel" });
    expect(h.posted).toEqual([]);
  });

  it("turns a failure into an apology in the same place, never a stack trace", async () => {
    const posted: Posted[] = [];
    const deps: SlackDeps = {
      ctx: { ...bundledContext(), commands: [] as never },
      log: () => {},
      logger: pino({ level: "silent" }),
      prefix: "barents-",
      umbrella: "barents",
    };
    // A context whose commands cannot be read: the listener must still answer politely.
    Object.defineProperty(deps.ctx, "commands", {
      get: () => {
        throw new Error("boom");
      },
    });
    await directMessageListener(deps)({
      event: { type: "message", channel: "D1", channel_type: "im", user: "U1", ts: "1.1" },
      post: async (m) => void posted.push(m),
    });
    expect(posted).toEqual([
      expect.objectContaining({ channel: "D1", text: expect.stringMatching(/went wrong/) }),
    ]);
  });
});
