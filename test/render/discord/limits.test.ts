import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { DISCORD_LIMITS as L } from "../../../src/render/discord/limits.ts";
import { renderDiscord } from "../../../src/render/discord/message.ts";
import { type Reply, reply } from "../../../src/reply/reply.ts";
import { ask, bundledContext } from "../../support/context.ts";
import { limitProblems, shownText } from "./within-limits.ts";

// No data, however long, makes a message Discord would refuse: the layout gives up detail first,
// then shortens lists with a note, and every bundled answer fits as it is.

const paging = {
  page: 2,
  pages: 40,
  total: 320,
  call: { command: "timeline", options: { topic: "Vardø" } },
};

/** A reply far past every limit: long titles, details, quotes and labels, 30 items, 40 sources. */
function flood(): Reply {
  return reply("answer", "A title far too long ".repeat(30), {
    body: Array.from({ length: 20 }, (_, i) => `Paragraph ${i}. ${"Words in a body. ".repeat(40)}`),
    fields: Array.from({ length: 30 }, (_, i) => ({
      name: `Field ${i} `.repeat(40),
      value: "A value that runs on. ".repeat(80),
    })),
    items: Array.from({ length: 30 }, (_, i) => ({
      when: `${1900 + i}`,
      title: `Event ${i} with a long title `.repeat(12),
      detail: "A sentence of detail. ".repeat(100),
      cites: Array.from({ length: 40 }, (_, n) => n + 1),
      evidence: [],
    })),
    sources: Array.from({ length: 40 }, (_, i) => ({
      n: i + 1,
      label: `“A source with a very long label ${i}”, `.repeat(10),
      quotes: Array.from({ length: 5 }, () => "A quote that goes on. ".repeat(50)),
    })),
    showQuotes: true,
    paging,
    suggestions: Array.from({ length: 12 }, (_, i) => ({
      label: `Suggestion ${i}`,
      call: { command: "who", options: { name: `Name ${i}` } },
    })),
  });
}

describe("renderDiscord: any reply fits", () => {
  it("keeps a reply far over 6000 characters within every limit", () => {
    const huge = flood();
    expect(JSON.stringify(huge).length).toBeGreaterThan(100_000);
    const message = renderDiscord(huge);
    expect(limitProblems(message)).toEqual([]);
    const total = message.embeds
      .flatMap((e) => [
        e.title,
        e.description,
        e.footer?.text,
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ])
      .join("").length;
    expect(total).toBeLessThanOrEqual(L.embedsTotal);
  });

  it("says how much of a list it had to leave out, never cutting one silently", () => {
    const [main, sources] = renderDiscord(flood()).embeds;
    expect(main?.description).toMatch(
      /…and \d+ more not shown: too long for one Discord message\.$/,
    );
    expect(sources?.description).toMatch(/…and \d+ more sources not shown/);
    expect(main?.footer?.text).toMatch(/more fields not shown\./);
    expect(main?.footer?.text).toMatch(/^Page 2 of 40 · 320 in all/);
  });

  it("gives up quotes before item details, and details before items", () => {
    const detail = "Detail. ".repeat(20).trim();
    const some = reply("answer", "Short", {
      items: Array.from({ length: 5 }, (_, i) => ({
        when: `${1900 + i}`,
        title: "An event",
        detail,
        cites: [1],
        evidence: [],
      })),
      sources: [1, 2, 3].map((n) => ({
        n,
        label: "A source",
        quotes: Array.from({ length: 8 }, () => "A quote that goes on. ".repeat(50).trim()),
      })),
      showQuotes: true,
    });
    const [main, sources] = renderDiscord(some).embeds;
    // Every item shown with its detail whole…
    expect(main?.description?.split("\n").filter((l) => l === detail)).toHaveLength(5);
    expect(main?.description).not.toMatch(/…|more not shown/);
    // …while the quotes under the sources were shortened and thinned to make room.
    const quotes = (sources?.description ?? "").split("\n").filter((l) => l.startsWith(">"));
    expect(quotes.length).toBeLessThan(24);
    for (const q of quotes) expect(q).toMatch(/ …”$/);
    expect(sources?.description).toMatch(/^\*\*\[1\]\*\* A source/);
    expect(sources?.description).toContain("**[3]** A source");
  });

  it("keeps every bundled answer within limits", () => {
    const ctx = bundledContext();
    const lines = [
      "/timeline",
      "/timeline page:2",
      "/timeline topic:expulsion",
      "/expulsions 2023",
      "/expulsions 2019",
      "/who huitfeldt",
      "/who a",
      "/onthisday",
      "/onthisday 04-27",
      "/help",
      "/help timeline",
      "/nosuch",
    ];
    for (const line of lines) {
      const message = renderDiscord(ask(ctx, line));
      expect({ line, problems: limitProblems(message) }).toEqual({ line, problems: [] });
    }
  });

  it("shows a single over-long text cut at a sentence, with an ellipsis", () => {
    const long = reply("answer", "Long", { body: ["A sentence that ends. ".repeat(400)] });
    const description = renderDiscord(long).embeds[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(L.description);
    expect(description).toMatch(/ends\. …$/);
  });

  it("names every command in /help", () => {
    const text = shownText(renderDiscord(ask(bundledContext(), "/help")));
    for (const c of COMMANDS) expect(text).toContain(`/${c.name}`);
  });
});
