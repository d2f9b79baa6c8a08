import { pino } from "pino";
import { describe, expect, it } from "vitest";
import {
  type SlackResponse,
  type SlashCommandArgs,
  slashCommandListener,
} from "../../../src/adapters/slack/listeners.ts";
import { shownText } from "../../render/slack/within-limits.ts";
import { bundledContext } from "../../support/context.ts";
import { memoryDesk } from "../../support/schedule.ts";

// The subscription commands through Slack's slash command listener, as Bolt calls it: the
// channel and user Slack names in the command reach the store. No App, no network.

function slack(prefix = "") {
  const desk = memoryDesk();
  const responses: SlackResponse[] = [];
  const listener = slashCommandListener({
    ctx: { ...bundledContext(), schedule: desk },
    log: () => {},
    logger: pino({ level: "silent" }),
    prefix,
    umbrella: "barents",
  });
  const type = (command: SlashCommandArgs["command"]) =>
    listener({
      command,
      ack: async () => {},
      respond: async (message) => void responses.push(message),
    });
  return { desk, responses, type };
}

const team01 = { platform: "slack", channel: "C0TEAM01" } as const;

describe("subscribing a Slack channel by slash command", () => {
  it("stores /onthisday subscribe 08:30 Europe/Oslo for the channel and the person who typed it", async () => {
    const { desk, responses, type } = slack();
    await type({
      command: "/onthisday",
      text: "subscribe 08:30 Europe/Oslo",
      channel_id: "C0TEAM01",
      user_id: "U0ALICE",
    });
    expect(await desk.store.list()).toEqual([
      expect.objectContaining({
        ...team01,
        time: "08:30",
        timeZone: "Europe/Oslo",
        origin: "command",
        by: "U0ALICE",
      }),
    ]);
    expect(await desk.store.changes(team01)).toEqual([
      expect.objectContaining({ action: "subscribe", by: "U0ALICE" }),
    ]);
    expect(desk.changes).toBe(1);
    expect(responses[0]?.response_type).toBe("in_channel");
    expect(shownText(responses[0])).toContain("Daily posts start here");
  });

  it("stores it the same way under a command prefix", async () => {
    const { desk, type } = slack("nr-");
    await type({
      command: "/nr-onthisday",
      text: "subscribe 08:30 Europe/Oslo",
      channel_id: "C0TEAM01",
      user_id: "U0ALICE",
    });
    expect(await desk.store.get(team01)).toMatchObject({ time: "08:30", by: "U0ALICE" });
  });

  it("lets anyone in the channel stop the posts, and records who did", async () => {
    const { desk, type } = slack();
    const at = { channel_id: "C0TEAM01" };
    await type({
      command: "/onthisday",
      text: "subscribe 08:30 Europe/Oslo",
      user_id: "U0ALICE",
      ...at,
    });
    await type({ command: "/onthisday", text: "unsubscribe", user_id: "U0BOB", ...at });
    expect(await desk.store.get(team01)).toBeUndefined();
    expect((await desk.store.changes(team01)).map((c) => [c.action, c.by])).toEqual([
      ["subscribe", "U0ALICE"],
      ["unsubscribe", "U0BOB"],
    ]);
  });

  it("refuses, privately, when Slack names no channel, and stores nothing", async () => {
    const { desk, responses, type } = slack();
    await type({ command: "/onthisday", text: "subscribe 08:30 Europe/Oslo" });
    expect(await desk.store.list()).toEqual([]);
    expect(responses[0]?.response_type).toBe("ephemeral");
    expect(shownText(responses[0])).toContain("run this in the channel that should get them");
  });

  it("quotes a zone typed as a mention back as text: Slack sends it escaped, it leaves escaped", async () => {
    const { desk, responses, type } = slack();
    await type({
      command: "/onthisday",
      text: "subscribe 08:30 &lt;!channel&gt;",
      channel_id: "C0TEAM01",
      user_id: "U0ALICE",
    });
    const shown = shownText(responses[0]);
    expect(shown).toContain("“&lt;!channel&gt;” is not a time zone");
    expect(shown).not.toContain("<!");
    expect(await desk.store.list()).toEqual([]);
  });
});
