import type { GatewayMessageCreateDispatchData } from "discord.js";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { messageLine } from "../../src/adapters/discord/message-line.ts";
import { lineOfMessage } from "../../src/adapters/slack/line.ts";
import { commandOfSlash } from "../../src/adapters/slack/names.ts";
import type { CommandContext } from "../../src/command/declaration.ts";
import type { Reply } from "../../src/reply/reply.ts";
import { answerLine, answerRead, readAddressedLine } from "../../src/text/answer-line.ts";
import { bundledContext } from "../support/context.ts";
import { readPage, type ShownCommand, shownCommands, shownScripts } from "../support/docs.ts";
import { slackChannelContext } from "../support/schedule.ts";

// "No example in the docs rots." Every bot command a page shows on a fenced line runs against the
// bundled data through the path it would take where it is typed (the console, Slack's umbrella
// command, a Discord mention), and none is refused as bad input. Every npm command a page shows
// names a script that exists; examples.slow.test.ts runs the cheap, offline ones for real.

const base = bundledContext();
/** A Slack channel with its own schedule, so the daily-post commands run as they would there. */
const channel = (): CommandContext => slackChannelContext(base);

const SLACK_NAMES = { prefix: "barents-", umbrella: "barents", commands: base.commands };
const BOT_ID = "1100000000000000001";

/** The reply to a line as its way in reads it: the same calls the adapters make. */
async function answer(shown: ShownCommand): Promise<Reply | null> {
  const ctx = channel();
  if (shown.way === "console") return answerLine(ctx, shown.typed);
  let line: string | undefined;
  if (shown.way === "slack") {
    // As slashCommandListener: the slash names the command, or is the umbrella taking a line.
    const [slash = "", ...rest] = shown.typed.split(/\s+/);
    const text = rest.join(" ");
    const name = commandOfSlash(slash, SLACK_NAMES);
    line = name === null ? lineOfMessage(text, SLACK_NAMES) : `/${name} ${text}`;
  } else {
    // As a message in a server that starts with the bot's mention, which Discord writes <@id>.
    const content = shown.typed.replace(/^@Barents/, `<@${BOT_ID}>`);
    const message = {
      author: { id: "1200000000000000002", bot: false },
      type: 0,
      content,
      guild_id: "1300000000000000003",
      channel_id: "1400000000000000004",
    } as unknown as GatewayMessageCreateDispatchData;
    line = messageLine(message, BOT_ID);
  }
  if (line === undefined) return null;
  return answerRead(ctx, readAddressedLine(ctx, line));
}

describe("the bot commands the docs show", () => {
  const shown = shownCommands();

  it("are found on the pages, in every way in", () => {
    expect(shown.some((s) => s.file === "README.md" && s.way === "console")).toBe(true);
    expect(shown.some((s) => s.way === "slack")).toBe(true);
    expect(shown.some((s) => s.way === "mention")).toBe(true);
  });

  it("are read as the bot reads them: bad input is refused on each way in", async () => {
    const bad = (way: ShownCommand["way"], typed: string) =>
      answer({ file: "test", line: 0, way, typed, text: typed });
    expect((await bad("console", "/onthisday 02-30"))?.kind).toBe("usage");
    expect((await bad("slack", "/barents expulsions soon"))?.kind).toBe("usage");
    expect((await bad("slack", "/barents-expulsions soon"))?.kind).toBe("usage");
    expect((await bad("mention", "@Barents expulsions soon"))?.kind).toBe("usage");
  });

  it("each run against the bundled data without being refused", async () => {
    const refused: string[] = [];
    for (const s of shown) {
      const reply = await answer(s);
      if (!reply || reply.kind === "usage" || reply.kind === "error") {
        refused.push(
          `${s.file}:${s.line} ${s.typed}: ${reply?.title ?? "not read as for Barents"}`,
        );
      }
    }
    expect(refused).toEqual([]);
  });

  it("include the README's commands table's examples, which run too", async () => {
    // The table's last column: "`/timeline from:2017 to:2019`, `/timeline topic:expulsion`".
    const rows = readPage("README.md")
      .split("\n")
      .filter((row) => /^\| `\/[a-z]/.test(row));
    const examples = rows.flatMap((row) =>
      [...(row.split("|").at(-2) ?? "").matchAll(/`(\/[^`]+)`/g)].map((m) => m[1] ?? ""),
    );
    expect(examples.length).toBeGreaterThanOrEqual(rows.length);
    const refused: string[] = [];
    for (const typed of examples) {
      const reply = await answerLine(channel(), typed);
      if (!reply || reply.kind === "usage" || reply.kind === "error") refused.push(typed);
    }
    expect(refused).toEqual([]);
  });
});

describe("the npm commands the docs show", () => {
  const shown = shownScripts();
  const scripts = Object.keys(packageJson.scripts);

  it("are found on the pages, the README's two among them", () => {
    const readme = shown.filter((s) => s.file === "README.md").map((s) => s.script);
    expect(readme).toEqual(expect.arrayContaining(["ci", "start", "test", "ask"]));
  });

  it("each name a script package.json has (or npm's own ci)", () => {
    const unknown = shown
      .filter((s) => s.script !== "ci" && !scripts.includes(s.script))
      .map((s) => `${s.file}:${s.line} npm run ${s.script}`);
    expect(unknown).toEqual([]);
  });
});
