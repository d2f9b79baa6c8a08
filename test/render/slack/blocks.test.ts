import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import {
  ACTION_PATTERN,
  type ActionsBlock,
  type SlackBlock,
} from "../../../src/render/slack/block-kit.ts";
import { renderSlack, renderSlackMessage } from "../../../src/render/slack/blocks.ts";
import { decodeCall } from "../../../src/reply/call-codec.ts";
import { type Paging, type Reply, type ReplyItem, reply } from "../../../src/reply/reply.ts";
import { limitProblems, shownText } from "./within-limits.ts";

const paging: Paging = {
  page: 2,
  pages: 3,
  total: 20,
  call: { command: "timeline", options: { topic: "Vardø" } },
};

const full: Reply = reply("answer", "Timeline · topic: Vardø", {
  body: ["Events at Vardø, oldest first."],
  fields: [
    { name: "Events", value: "12" },
    { name: "Places", value: "Vardø\nKirkenes" },
  ],
  items: [
    {
      when: "1307",
      title: "Vardøhus fortress first mentioned",
      detail: "The fortress guards the north.",
      cites: [1],
      evidence: [],
    },
    { when: "June 2017", title: "Radar at Vardø draws protest", cites: [1, 2], evidence: [] },
  ],
  sources: [
    { n: 1, label: "“Norway–Russia relations”, Example Encyclopedia", quotes: ["A quote."] },
    { n: 2, label: "Report on the radar, Example Newswire", quotes: ["Another quote."] },
  ],
  showQuotes: true,
  paging,
  suggestions: [
    { label: "Barents Sea", call: { command: "timeline", options: { topic: "Barents Sea" } } },
  ],
});

const byType = (blocks: SlackBlock[], type: SlackBlock["type"]) =>
  blocks.filter((b) => b.type === type);
const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
const buttons = (blocks: SlackBlock[]) =>
  (byType(blocks, "actions") as ActionsBlock[]).flatMap((b) => b.elements);

function item(i: number, detail = ""): ReplyItem {
  return { when: `${1900 + i}`, title: `Event number ${i}`, detail, cites: [1], evidence: [] };
}

describe("renderSlack: the layout", () => {
  const message = renderSlack(full, { commands: COMMANDS });

  it("opens with the title as a header", () => {
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Timeline · topic: Vardø", emoji: true },
    });
  });

  it("shows the body, then the fields, then one section per item", () => {
    const texts = sectionTexts(message.blocks);
    expect(texts[0]).toBe("Events at Vardø, oldest first.");
    expect(texts[1]).toBe(
      "*1307* — Vardøhus fortress first mentioned [1]\nThe fortress guards the north.",
    );
    expect(texts[2]).toBe("*June 2017* — Radar at Vardø draws protest [1][2]");
    const fields = message.blocks.find((b) => b.type === "section" && b.fields);
    expect(fields).toMatchObject({
      fields: [{ text: "*Events*\n12" }, { text: "*Places*\nVardø\nKirkenes" }],
    });
  });

  it("lists the sources, with their quotes when the reply shows quotes, in a context block", () => {
    const sources = byType(message.blocks, "context").map((b) => JSON.stringify(b));
    const text = sources.find((s) => s.includes("Sources")) ?? "";
    expect(text).toContain("[1] “Norway–Russia relations”, Example Encyclopedia");
    expect(text).toContain("_“A quote.”_");
    const withoutQuotes = renderSlack({ ...full, showQuotes: false });
    expect(shownText(withoutQuotes)).not.toContain("A quote.");
    expect(shownText(withoutQuotes)).toContain("[2] Report on the radar");
  });

  it("marks every text object verbatim, so Slack does not link or parse bare names", () => {
    const json = JSON.stringify(message.blocks);
    expect(json).not.toMatch(/"type":"mrkdwn","text":"[^"]*"}/);
    expect(json.match(/"type":"mrkdwn"/g)?.length).toBe(json.match(/"verbatim":true/g)?.length);
  });

  it("has a plain fallback text of the title and first body line for notifications", () => {
    expect(message.text).toBe("Timeline · topic: Vardø\nEvents at Vardø, oldest first.");
  });

  it("answers in the channel, and keeps empty results, usage and errors to the asker", () => {
    expect(message.response_type).toBe("in_channel");
    for (const kind of ["empty", "usage", "error"] as const) {
      expect(renderSlack({ ...full, kind }).response_type).toBe("ephemeral");
    }
  });

  it("marks usage and error titles like the text renderer", () => {
    expect(renderSlack(reply("usage", "Bad year.")).blocks[0]).toMatchObject({
      text: { text: "⚠ Bad year." },
    });
    expect(renderSlack(reply("error", "Oops.")).text).toBe("✖ Oops.");
  });

  it("is pure: the same reply gives the same message, and the reply is left as it was", () => {
    const before = JSON.stringify(full);
    expect(renderSlack(full, { commands: COMMANDS })).toEqual(message);
    expect(JSON.stringify(full)).toBe(before);
  });
});

describe("renderSlack: buttons", () => {
  const message = renderSlack(full, { commands: COMMANDS });

  it("pages with Previous and Next buttons whose values replay the call at that page", () => {
    const context = JSON.stringify(byType(message.blocks, "context"));
    expect(context).toContain("Page 2 of 3 · 20 in all");
    const [previous, next] = buttons(message.blocks);
    expect(previous?.text.text).toBe("◀ Previous");
    expect(decodeCall(previous?.value ?? "")).toEqual({
      command: "timeline",
      options: { topic: "Vardø", page: 1 },
    });
    expect(next?.text.text).toBe("Next ▶");
    expect(decodeCall(next?.value ?? "")).toEqual({
      command: "timeline",
      options: { topic: "Vardø", page: 3 },
    });
  });

  it("offers no Previous on the first page, no Next on the last, nothing for a single page", () => {
    const labels = (page: number, pages: number) =>
      buttons(
        renderSlack({ ...full, suggestions: [], paging: { ...paging, page, pages } }).blocks,
      ).map((b) => b.text.text);
    expect(labels(1, 3)).toEqual(["Next ▶"]);
    expect(labels(3, 3)).toEqual(["◀ Previous"]);
    expect(labels(1, 1)).toEqual([]);
  });

  it("turns suggestions into buttons that answer the suggested call", () => {
    const pick = buttons(message.blocks).find((b) => b.text.text === "Barents Sea");
    expect(decodeCall(pick?.value ?? "")).toEqual({
      command: "timeline",
      options: { topic: "Barents Sea" },
    });
  });

  it("gives every button a distinct action id that the listener's pattern claims", () => {
    const ids = buttons(message.blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ACTION_PATTERN);
  });

  it("leaves out a button whose value would pass 2000 characters, and says what to type instead", () => {
    const long = "x".repeat(2100);
    const message = renderSlack(
      {
        ...full,
        paging: { ...paging, call: { command: "timeline", options: { topic: long } } },
        suggestions: [{ label: "Long", call: { command: "who", options: { name: long } } }],
      },
      { prefix: "nr-", commands: COMMANDS },
    );
    expect(buttons(message.blocks)).toEqual([]);
    const text = shownText(message);
    expect(text).toContain("Previous (page 1): /nr-timeline topic:xxx");
    expect(text).toContain("Next (page 3): /nr-timeline topic:xxx");
    expect(text).toContain("Try: /nr-who xxx");
    expect(limitProblems(message)).toEqual([]);
  });
});

describe("renderSlack: nothing typed or stored can ping or link", () => {
  const evil = "<!channel> <!here> <@U123> <https://evil.example|click> & more";
  const message = renderSlack(
    reply("answer", evil, {
      body: [evil],
      fields: [{ name: evil, value: evil }],
      items: [{ when: evil, title: evil, detail: evil, cites: [1], evidence: [] }],
      sources: [{ n: 1, label: evil, quotes: [evil] }],
      showQuotes: true,
      suggestions: [{ label: evil, call: { command: "who", options: { name: evil } } }],
    }),
  );

  it("escapes &, < and > in every text, the header, the buttons and the fallback included", () => {
    const text = shownText(message);
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&lt;@U123&gt;");
    expect(text).toContain("&amp; more");
    expect(message.text).not.toMatch(/[<>]/);
  });
});

describe("renderSlack: any reply fits Slack's limits", () => {
  it("renders a reply far past every limit into a message Slack accepts", () => {
    const huge = reply("answer", "T".repeat(1000), {
      body: Array.from({ length: 60 }, (_, i) => `Body line ${i}. ${"lorem ipsum. ".repeat(400)}`),
      fields: Array.from({ length: 35 }, (_, i) => ({
        name: `Field ${i} ${"n".repeat(3000)}`,
        value: "v".repeat(5000),
      })),
      items: Array.from({ length: 300 }, (_, i) => item(i, "Detail sentence. ".repeat(300))),
      sources: Array.from({ length: 120 }, (_, i) => ({
        n: i + 1,
        label: `Source ${i} ${"s".repeat(2000)}`,
        quotes: Array.from({ length: 20 }, () => "q".repeat(4000)),
      })),
      showQuotes: true,
      paging: { page: 2, pages: 90, total: 900, call: { command: "timeline", options: {} } },
      suggestions: Array.from({ length: 40 }, (_, i) => ({
        label: `Suggestion ${i} ${"l".repeat(200)}`,
        call: { command: "who", options: { name: `n${i}` } },
      })),
    });
    const message = renderSlackMessage(huge, { commands: COMMANDS });
    expect(limitProblems(message)).toEqual([]);
    expect(message.blocks).toHaveLength(50);
    // Cut in the middle, never at the ends: the title and the buttons survive.
    expect(message.blocks[0]?.type).toBe("header");
    expect(buttons(message.blocks).map((b) => b.text.text)).toContain("Next ▶");
    expect(shownText(message)).toContain("Cut to fit one Slack message");
  });

  it("folds items into fewer sections before cutting anything", () => {
    const many = reply("answer", "Many", { items: Array.from({ length: 120 }, (_, i) => item(i)) });
    const message = renderSlackMessage(many);
    expect(limitProblems(message)).toEqual([]);
    const text = shownText(message);
    for (let i = 0; i < 120; i++) expect(text).toContain(`Event number ${i} [1]`);
    expect(text).not.toContain("Cut to fit");
  });

  it("drops quotes a step at a time, keeping every item and source, before cutting", () => {
    // 46 long items need a section each; 40 sources with two long quotes need 4 context
    // blocks, one more than is left, so the second quotes go and everything else stays.
    const quoted = reply("answer", "Quoted", {
      items: Array.from({ length: 46 }, (_, i) => item(i, "Detail. ".repeat(300))),
      sources: Array.from({ length: 40 }, (_, i) => ({
        n: i + 1,
        label: `Source ${i}`,
        quotes: [
          `First quote of ${i}. ${"q".repeat(1400)}`,
          `Second quote of ${i}. ${"q".repeat(1400)}`,
        ],
      })),
      showQuotes: true,
    });
    const message = renderSlackMessage(quoted);
    expect(limitProblems(message)).toEqual([]);
    const text = shownText(message);
    expect(text).not.toContain("Second quote of");
    for (let i = 0; i < 40; i++) {
      expect(text).toContain(`[${i + 1}] Source ${i}`);
      expect(text).toContain(`First quote of ${i}.`);
    }
    for (let i = 0; i < 46; i++) expect(text).toContain(`Event number ${i} [1]`);
    expect(text).not.toContain("Cut to fit");
  });

  it("keeps empty texts out: a reply of only a title is a header and nothing else", () => {
    const message = renderSlackMessage(reply("empty", "Nothing."));
    expect(message.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Nothing.", emoji: true } },
    ]);
    expect(
      limitProblems(renderSlackMessage(reply("answer", "", { body: ["", "\u0007"] }))),
    ).toEqual([]);
  });
});
