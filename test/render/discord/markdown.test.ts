import { describe, expect, it } from "vitest";
import { escapeText, fitLabel, fitPlain, fitText } from "../../../src/render/discord/markdown.ts";

const ZWSP = "\u200b";

describe("escapeText: data shown literally", () => {
  it("escapes every markdown sign, so a record cannot restyle the message", () => {
    expect(escapeText("**bold** _it_ `code` ~~gone~~ ||secret||")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\|\\|secret\\|\\|",
    );
  });

  it("escapes headings, subtext, lists, block quotes and masked links", () => {
    expect(
      escapeText("# Big\n-# small\n- item\n1. first\n> quoted\n[click](https://x.example)"),
    ).toBe("\\# Big\n\\-# small\n\\- item\n1\\. first\n\\> quoted\n\\[click\\](https://x.example)");
  });

  it("escapes what only counts at the start of a line only there", () => {
    expect(escapeText("Vardø - 1814. #1 in 3.5")).toBe("Vardø - 1814. #1 in 3.5");
  });

  it("leaves links whole, so they still work", () => {
    expect(escapeText("see https://example.org/a_b*c and a_b")).toBe(
      "see https://example.org/a_b*c and a\\_b",
    );
  });

  it("escapes timestamps and custom emoji, which are markup too", () => {
    expect(escapeText("<t:1700000000:R> <:barents:123>")).toBe(
      "\\<t:1700000000:R\\> \\<:barents:123\\>",
    );
  });

  it("defuses mentions and strips control characters", () => {
    const text = escapeText("hi @everyone and @here, <@123> <@&45> <#6>\u001b[31m red");
    expect(text).toBe(
      `hi @${ZWSP}everyone and @${ZWSP}here, \\<${ZWSP}@123\\> \\<${ZWSP}@&45\\> \\<${ZWSP}#6\\> red`,
    );
  });
});

describe("fitText: long text cut where it reads naturally", () => {
  it("leaves text that fits alone", () => {
    expect(fitText("Short enough.", 100)).toBe("Short enough.");
  });

  it("cuts at a sentence end with an ellipsis", () => {
    const text = "The first sentence is here. The second one runs on and on past the limit.";
    expect(fitText(text, 50)).toBe("The first sentence is here. …");
  });

  it("cuts at a line end before a sentence end", () => {
    expect(fitText("Line one is here.\nLine two. It is long enough to be cut.", 40)).toBe(
      "Line one is here.\nLine two. …",
    );
  });

  it("cuts after a word when there is no boundary near", () => {
    const text = "word ".repeat(40);
    const cut = fitText(text, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toMatch(/^(word )*word…$/);
  });

  it("counts escapes toward the limit and never splits one", () => {
    const cut = fitText("*".repeat(100), 21);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(cut).toMatch(/^(\\\*)+…$/);
  });

  it("never splits an emoji's surrogate pair", () => {
    const cut = fitText("😀".repeat(50), 11);
    expect(cut.length).toBeLessThanOrEqual(11);
    expect(cut).toBe(`${"😀".repeat(4)}…`);
  });

  it("keeps within any limit for any text", () => {
    const texts = ["a".repeat(5000), "_*`~|>#- ".repeat(700), "Sentence. ".repeat(900)];
    for (const text of texts) {
      for (const max of [2, 3, 10, 256, 1024, 4096]) {
        expect(fitText(text, max).length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe("fitPlain and fitLabel: where markdown is not shown", () => {
  it("fitPlain makes footers safe without backslashes", () => {
    expect(fitPlain("Page *2* of @everyone", 100)).toBe(`Page *2* of @${ZWSP}everyone`);
    expect(fitPlain("It was cold. Then the snow came and stayed.", 20)).toBe("It was cold. …");
  });

  it("fitLabel puts a label on one line within its limit", () => {
    expect(fitLabel("Anniken\nHuitfeldt", 80)).toBe("Anniken Huitfeldt");
    const long = fitLabel("x".repeat(200), 80);
    expect(long).toHaveLength(80);
    expect(long.endsWith("…")).toBe(true);
    expect(fitLabel("   ", 80, "Page 2")).toBe("Page 2");
  });
});
