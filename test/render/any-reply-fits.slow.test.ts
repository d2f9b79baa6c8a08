import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../src/render/discord/message.ts";
import { renderSlackMessage } from "../../src/render/slack/blocks.ts";
import { renderText } from "../../src/render/text.ts";
import { type Reply, type ReplyKind, reply } from "../../src/reply/reply.ts";
import {
  limitProblems as discordProblems,
  shownText as discordShown,
} from "./discord/within-limits.ts";
import { limitProblems as slackProblems, shownText as slackShown } from "./slack/within-limits.ts";

// "No data can make a reply exceed a platform limit": two hundred replies of random shape and
// size, built from awkward text (emoji outside the BMP, combining marks, markup, mentions,
// control codes, long unbroken words), all rendered for Discord and Slack and checked against
// every limit by checkers that know nothing of how the renderers work. Seeded: a failure
// reproduces.

/** mulberry32: small, fast and deterministic, which is all a fuzz seed needs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "Støre ",
  "Вардё ",
  "🇳🇴🇷🇺 ",
  "👩🏽‍⚖️",
  "e\u0301",
  "@everyone ",
  "<!channel> ",
  "<@U123> ",
  "<@&42> ",
  "**bold** ",
  "_x_ ",
  "`code` ",
  "> quote\n",
  "&amp; ",
  "\u001b[31m",
  "\n",
  ". ",
  "a".repeat(120),
  "word ",
  "https://example.org/a_b ",
];

function textOf(next: () => number, maxPieces: number): string {
  const n = Math.floor(next() ** 3 * maxPieces);
  let out = "";
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

const KINDS: ReplyKind[] = ["answer", "empty", "usage", "error"];

function randomReply(next: () => number): Reply {
  const count = (max: number) => Math.floor(next() ** 2 * max);
  const sources = Array.from({ length: count(12) }, (_, i) => ({
    n: i + 1,
    label: textOf(next, 40),
    quotes: Array.from({ length: count(8) }, () => textOf(next, 60)),
  }));
  const total = 1 + count(400);
  const page = 1 + Math.floor(next() * total);
  return reply(KINDS[Math.floor(next() * KINDS.length)] ?? "answer", textOf(next, 30), {
    body: Array.from({ length: count(10) }, () => textOf(next, 200)),
    fields: Array.from({ length: count(30) }, () => ({
      name: textOf(next, 30),
      value: textOf(next, 150),
    })),
    items: Array.from({ length: count(40) }, () => ({
      when: textOf(next, 4),
      title: textOf(next, 40),
      detail: next() < 0.8 ? textOf(next, 120) : undefined,
      cites: sources.filter(() => next() < 0.3).map((s) => s.n),
      evidence: [],
    })),
    sources,
    showQuotes: next() < 0.5,
    paging:
      next() < 0.5
        ? { page, pages: total, total: total * 8, call: { command: "timeline", options: {} } }
        : undefined,
    suggestions: Array.from({ length: count(30) }, () => ({
      label: textOf(next, 20),
      call: { command: "who", options: { name: textOf(next, 40) } },
    })),
  });
}

/** Lone surrogates are not valid Unicode: a platform may reject the whole message. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Rendering hundreds of deliberately huge replies takes seconds on a loaded two-core machine.
describe("any reply fits every platform", { timeout: 30_000 }, () => {
  const next = random(20261122);
  const replies = Array.from({ length: 200 }, () => randomReply(next));

  it("renders every random reply for Discord within its limits, mentions disabled", () => {
    for (const [i, r] of replies.entries()) {
      const message = renderDiscord(r);
      expect(discordProblems(message), `reply ${i}`).toEqual([]);
      expect(LONE_SURROGATE.test(JSON.stringify(message)), `reply ${i}`).toBe(false);
    }
  });

  it("renders every random reply for Slack within its limits", () => {
    for (const [i, r] of replies.entries()) {
      const message = renderSlackMessage(r);
      expect(slackProblems(message), `reply ${i}`).toEqual([]);
      expect(LONE_SURROGATE.test(JSON.stringify(message)), `reply ${i}`).toBe(false);
    }
  });

  it("lets no raw mention or control code through on any platform", () => {
    for (const [i, r] of replies.entries()) {
      // What people see; a button's hidden value may carry anything typed, as data.
      const discord = discordShown(renderDiscord(r));
      const slack = slackShown(renderSlackMessage(r));
      for (const raw of ["@everyone", "<!channel>", "<@U123>", "<@&42>"])
        expect(discord.includes(raw), `reply ${i} on Discord: ${raw}`).toBe(false);
      // Slack notifies only for <!…> and <@…>; a bare "@everyone" is just text there.
      for (const raw of ["<!channel>", "<@U123>", "<@&42>"])
        expect(slack.includes(raw), `reply ${i} on Slack: ${raw}`).toBe(false);
      expect(renderText(r)).not.toContain("\u001b");
      expect(discord).not.toContain("\u001b");
      expect(slack).not.toContain("\u001b");
    }
  });
});
