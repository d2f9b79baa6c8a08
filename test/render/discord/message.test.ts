import { describe, expect, it } from "vitest";
import { type DiscordMessage, renderDiscord } from "../../../src/render/discord/message.ts";
import { decodeCall } from "../../../src/reply/call-codec.ts";
import { type Paging, type Reply, reply } from "../../../src/reply/reply.ts";
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

const buttons = (m: DiscordMessage) => m.components.flatMap((row) => row.components);

describe("renderDiscord: the layout", () => {
  const message = renderDiscord(full);
  const [main, sources] = message.embeds;

  it("puts the title, body and items in the first embed, items with their citations", () => {
    expect(main?.title).toBe("Timeline · topic: Vardø");
    expect(main?.description).toBe(
      [
        "Events at Vardø, oldest first.",
        "",
        "**1307** — Vardøhus fortress first mentioned [1]\nThe fortress guards the north.",
        "",
        "**June 2017** — Radar at Vardø draws protest [1][2]",
      ].join("\n"),
    );
  });

  it("shows the reply's fields as embed fields, short ones side by side", () => {
    expect(main?.fields).toEqual([
      { name: "Events", value: "12", inline: true },
      { name: "Places", value: "Vardø\nKirkenes", inline: false },
    ]);
  });

  it("lists the numbered sources in a second embed, with quotes when the reply shows them", () => {
    expect(sources?.title).toBe("Sources");
    expect(sources?.description).toBe(
      [
        "**[1]** “Norway–Russia relations”, Example Encyclopedia",
        "> “A quote.”",
        "**[2]** Report on the radar, Example Newswire",
        "> “Another quote.”",
      ].join("\n"),
    );
    const quiet = renderDiscord({ ...full, showQuotes: false }).embeds[1];
    expect(quiet?.description).not.toContain("A quote.");
    expect(quiet?.description).toContain("**[2]** Report on the radar");
  });

  it("says which page this is in the footer", () => {
    expect(main?.footer?.text).toBe("Page 2 of 3 · 20 in all");
  });

  it("never lets anything mention anyone, and sends answers to the channel", () => {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags).toBeUndefined();
    expect(limitProblems(message)).toEqual([]);
  });

  it("is pure: the same reply gives the same message", () => {
    expect(renderDiscord(full)).toEqual(message);
  });
});

describe("renderDiscord: who sees it", () => {
  it.each([
    ["empty", 64],
    ["usage", 64],
    ["error", 64],
  ] as const)("shows a %s reply only to the person who asked", (kind, flags) => {
    const message = renderDiscord(reply(kind, "Not quite.", { body: ["Try /help."] }));
    expect(message.flags).toBe(flags);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("marks usage help and errors in the title", () => {
    expect(renderDiscord(reply("usage", "Bad year.")).embeds[0]?.title).toBe("⚠ Bad year.");
    expect(renderDiscord(reply("error", "Broke.")).embeds[0]?.title).toBe("✖ Broke.");
  });
});

describe("renderDiscord: buttons", () => {
  it("turns paging into Previous and Next, each replaying its page", () => {
    const [row, ...others] = renderDiscord({ ...full, suggestions: [] }).components;
    expect(others).toEqual([]);
    expect(row?.components.map((b) => b.label)).toEqual(["◀ Previous", "Next ▶"]);
    expect(row?.components.map((b) => decodeCall(b.custom_id))).toEqual([
      { command: "timeline", options: { topic: "Vardø", page: 1 } },
      { command: "timeline", options: { topic: "Vardø", page: 3 } },
    ]);
  });

  it("offers no Previous on the first page and no Next on the last", () => {
    const first = renderDiscord({ ...full, suggestions: [], paging: { ...paging, page: 1 } });
    const last = renderDiscord({ ...full, suggestions: [], paging: { ...paging, page: 3 } });
    expect(buttons(first).map((b) => b.label)).toEqual(["Next ▶"]);
    expect(buttons(last).map((b) => b.label)).toEqual(["◀ Previous"]);
  });

  it("has no buttons for a single page", () => {
    const one = renderDiscord({
      ...full,
      suggestions: [],
      paging: { ...paging, page: 1, pages: 1 },
    });
    expect(one.components).toEqual([]);
    expect(one.embeds[0]?.footer).toBeUndefined();
  });

  it("makes suggestions buttons that replay their call, on a row of their own", () => {
    const message = renderDiscord(full);
    expect(message.components).toHaveLength(2);
    const [suggestion] = message.components[1]?.components ?? [];
    expect(suggestion?.label).toBe("Barents Sea");
    expect(decodeCall(suggestion?.custom_id ?? "")).toEqual({
      command: "timeline",
      options: { topic: "Barents Sea" },
    });
  });

  it("keeps to five buttons a row and five rows, and names the rest in the footer", () => {
    const many = {
      ...full,
      suggestions: Array.from({ length: 30 }, (_, i) => ({
        label: `Person ${i} `.repeat(20),
        call: { command: "who", options: { name: `P${i}` } },
      })),
    };
    const message = renderDiscord(many);
    expect(limitProblems(message)).toEqual([]);
    expect(message.components).toHaveLength(5);
    expect(buttons(message)).toHaveLength(2 + 20);
    const footer = message.embeds[0]?.footer?.text ?? "";
    expect(footer).toContain("Also: /who name:P20");
    expect(footer).toContain("Also: /who name:P29");
  });

  it("leaves out a button whose call is too long for a custom_id, and says how to type it", () => {
    const topic = "Kirkenes ".repeat(12).trim();
    const long: Reply = {
      ...full,
      suggestions: [],
      paging: { ...paging, call: { command: "timeline", options: { topic } } },
    };
    const message = renderDiscord(long);
    expect(message.components).toEqual([]);
    expect(message.embeds[0]?.footer?.text).toBe(
      `Page 2 of 3 · 20 in all\nPage 1: /timeline topic:${topic} page:1\nPage 3: /timeline topic:${topic} page:3`,
    );
    expect(limitProblems(message)).toEqual([]);
  });

  it("gives each call one button, so custom_ids stay unique", () => {
    const again = {
      label: "Again",
      call: { command: "timeline", options: { topic: "Vardø", page: 3 } },
    };
    const message = renderDiscord({ ...full, suggestions: [again, again] });
    expect(buttons(message).map((b) => b.label)).toEqual(["◀ Previous", "Next ▶"]);
    expect(limitProblems(message)).toEqual([]);
  });
});

describe("renderDiscord: data and user text", () => {
  const hostile = reply("empty", "No one matches “@everyone <@123>”.", {
    body: ["**bold** and <@&456> and @here", "# not a heading\n> not a quote"],
    items: [
      { when: "<t:0:R>", title: "||spoiler|| [link](https://x.example)", cites: [], evidence: [] },
    ],
    suggestions: [{ label: "@everyone", call: { command: "who", options: { name: "x" } } }],
  });
  const message = renderDiscord(hostile);
  const text = shownText(message);

  it("never contains a working mention", () => {
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<[@#&]/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("escapes markdown, so the message looks as the data reads", () => {
    expect(message.embeds[0]?.description).toContain("\\*\\*bold\\*\\*");
    expect(message.embeds[0]?.description).toContain("\\# not a heading\n\\> not a quote");
    expect(message.embeds[0]?.description).toContain("\\|\\|spoiler\\|\\| \\[link\\]");
  });
});
