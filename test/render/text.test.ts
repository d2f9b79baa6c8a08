import { describe, expect, it } from "vitest";
import { renderText } from "../../src/render/text.ts";
import { type Reply, reply } from "../../src/reply/reply.ts";

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
    { when: "Undated", title: "Uncited line", cites: [], evidence: [] },
  ],
  sources: [
    { n: 1, label: "“Norway–Russia relations”, Example Encyclopedia", quotes: ["A quote."] },
    { n: 2, label: "Report on the radar, Example Newswire", quotes: ["Another quote."] },
  ],
  paging: {
    page: 2,
    pages: 3,
    total: 20,
    call: { command: "timeline", options: { topic: "vardo" } },
  },
  suggestions: [
    { label: "Moscow", call: { command: "timeline", options: { topic: "Barents Sea" } } },
  ],
});

describe("renderText", () => {
  const text = renderText(full);
  const lines = text.split("\n");

  it("starts with the title", () => {
    expect(lines[0]).toBe("Timeline · topic: Vardø");
  });

  it("shows the body, then fields, then items, then paging, suggestions and sources", () => {
    const at = (s: string) => text.indexOf(s);
    const order = [
      "Events at Vardø, oldest first.",
      "Events: 12",
      "• 1307",
      "Page 2 of 3",
      "Try:",
      "Sources:",
    ].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("separates the parts with a blank line", () => {
    expect(lines[1]).toBe("");
    expect(lines[2]).toBe("Events at Vardø, oldest first.");
    expect(lines[3]).toBe("");
  });

  it("shows a field as name: value, indenting a value of several lines under its name", () => {
    expect(text).toContain("Events: 12");
    expect(text).toContain("Places:\n  Vardø\n  Kirkenes");
  });

  it("shows each item with its date, title and cited source numbers, detail indented below", () => {
    expect(text).toContain(
      "• 1307 — Vardøhus fortress first mentioned [1]\n    The fortress guards the north.",
    );
    expect(text).toContain("• June 2017 — Radar at Vardø draws protest [1][2]");
    expect(lines).toContain("• Undated — Uncited line");
  });

  it("shows the page, the total and the calls for the previous and next pages", () => {
    expect(text).toContain(
      "Page 2 of 3 (20 in all) · previous: /timeline topic:vardo page:1 · next: /timeline topic:vardo page:3",
    );
  });

  it("offers only the next page from the first, and only the previous from the last", () => {
    const paging = { pages: 3, total: 20, call: { command: "timeline", options: {} } };
    const first = renderText(reply("answer", "T", { paging: { ...paging, page: 1 } }));
    expect(first).toContain("Page 1 of 3 (20 in all) · next: /timeline page:2");
    expect(first).not.toContain("previous");
    const last = renderText(reply("answer", "T", { paging: { ...paging, page: 3 } }));
    expect(last).toContain("Page 3 of 3 (20 in all) · previous: /timeline page:2");
    expect(last).not.toContain("next:");
  });

  it("shows no paging line for a single page", () => {
    const one = reply("answer", "T", {
      paging: { page: 1, pages: 1, total: 3, call: { command: "timeline", options: {} } },
    });
    expect(renderText(one)).toBe("T");
  });

  it("shows suggestions as calls that can be typed", () => {
    expect(text).toContain('Try: /timeline topic:"Barents Sea"');
  });

  it("lists sources by number without quotes unless quotes are asked for", () => {
    expect(text).toContain(
      "Sources:\n  [1] “Norway–Russia relations”, Example Encyclopedia\n  [2]",
    );
    expect(text).not.toContain("A quote.");
    const quoted = renderText({ ...full, showQuotes: true });
    expect(quoted).toContain(
      "  [1] “Norway–Russia relations”, Example Encyclopedia\n      “A quote.”\n  [2]",
    );
    expect(quoted).toContain("      “Another quote.”");
  });

  it("renders a reply with only a title as just the title", () => {
    expect(renderText(reply("empty", "Nothing on 31 October."))).toBe("Nothing on 31 October.");
  });

  it("marks usage replies with ⚠ and errors with ✖", () => {
    expect(renderText(reply("usage", "There is no 30 February."))).toMatch(/^⚠ There is no 30/);
    expect(renderText(reply("error", "Something went wrong."))).toMatch(/^✖ Something/);
  });

  it("gives the same text for the same reply", () => {
    expect(renderText(full)).toBe(text);
    expect(renderText(structuredClone(full))).toBe(text);
  });

  it("does not change the reply", () => {
    const copy = structuredClone(full);
    renderText(full);
    expect(full).toEqual(copy);
  });
});
