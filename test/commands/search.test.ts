import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../src/render/discord/message.ts";
import { renderSlack } from "../../src/render/slack/blocks.ts";
import { renderText } from "../../src/render/text.ts";
import { allText, ask, bundledContext } from "../support/context.ts";

const ctx = bundledContext();

describe("/search <words>", () => {
  it.each([
    ["kirkenes", "Embassies and consulates"],
    ["vardo", "Vardø"],
    ["Микушин", "Mikhail Mikushin"],
    ["huitfedlt", "Anniken Huitfeldt"],
    ["monastery", "Vardøhus"],
  ])("finds %s", (query, expected) => {
    const reply = ask(ctx, `/search ${query}`);
    expect(reply.kind).toBe("answer");
    expect(
      reply.items
        .slice(0, 3)
        .map((i) => i.title)
        .join(" | "),
    ).toContain(expected);
  });

  it("says what each hit is, its date at its own precision, and its citation numbers", () => {
    const reply = ask(ctx, "/search frode berg");
    const whens = reply.items.map((i) => i.when);
    expect(whens).toContain("Person");
    expect(whens).toContain("Event · December 2017");
    for (const item of reply.items) expect(item.cites.length).toBeGreaterThan(0);
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it("finds sources by their titles and authors", () => {
    const reply = ask(ctx, "/search wikipedia");
    expect(reply.items[0]?.when).toBe("Source");
    expect(reply.items[0]?.cites).toEqual([1]);
  });

  it("shows a snippet with the matching words marked, on every platform", () => {
    const reply = ask(ctx, "/search monastery");
    const item = reply.items[0];
    expect(item?.snippet?.filter((s) => s.match).map((s) => s.text)).toEqual(["Monastery"]);
    expect(renderText(reply)).toContain("**Monastery**");
    expect(JSON.stringify(renderDiscord(reply))).toContain("**Monastery**");
    expect(JSON.stringify(renderSlack(reply))).toContain("*Monastery*");
  });

  it("pages eight hits at a time, statelessly", () => {
    const first = ask(ctx, "/search norwegian diplomats");
    expect(first.items).toHaveLength(8);
    expect(first.paging).toMatchObject({
      page: 1,
      call: { command: "search", options: { query: "norwegian diplomats" } },
    });
    const second = ask(ctx, '/search "norwegian diplomats" page:2');
    expect(second.paging?.page).toBe(2);
    expect(second.items[0]?.title).not.toBe(first.items[0]?.title);
  });

  it("says when nothing matches and offers the nearest words the index holds", () => {
    const reply = ask(ctx, "/search kirkxnxz");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("Nothing matches “kirkxnxz”.");
    expect(reply.suggestions.map((s) => s.label)).toContain("Kirkenes");
    for (const s of reply.suggestions) expect(ask(ctx, `/search ${s.label}`).kind).toBe("answer");
  });

  it("answers words it cannot use with an example, not an error", () => {
    const reply = ask(ctx, "/search the of");
    expect(reply.kind).toBe("empty");
    expect(allText(reply)).toContain("/search kirkenes");
  });

  it("never lets marked text become markup or a mention", () => {
    const reply = ask(ctx, "/search <!channel> @everyone kirkenes");
    expect(JSON.stringify(renderSlack(reply))).not.toContain("<!channel>");
    expect(JSON.stringify(renderDiscord(reply))).toContain('"parse":[]');
  });
});
