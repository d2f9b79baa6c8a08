import { describe, expect, it } from "vitest";
import { safeText } from "../../src/render/safe-text.ts";
import { renderText } from "../../src/render/text.ts";
import { reply } from "../../src/reply/reply.ts";

const ZWSP = "\u200b";
const MENTIONS = ["@everyone", "@here", "<@123>", "<@!123>", "<!channel>", "<#C1>", "<@&456>"];

/** Whether any raw mention sequence survives in the text. */
function mentionIn(text: string): string | undefined {
  return MENTIONS.find((m) => text.includes(m));
}

describe("safeText", () => {
  it("removes ANSI escape sequences whole", () => {
    expect(safeText("\u001b[31mred\u001b[0m")).toBe("red");
    expect(safeText("\u001b[2J\u001b[1;1Hclear")).toBe("clear");
    expect(safeText("\u001b[?25lhidden cursor")).toBe("hidden cursor");
  });

  it("removes other control characters", () => {
    expect(safeText("bell\u0007 null\u0000 back\u0008space\r")).toBe("bell null backspace");
    expect(safeText("del\u007f")).toBe("del");
  });

  it("removes bidirectional overrides that would reorder what is shown", () => {
    expect(safeText("abc\u202edef\u202c")).toBe("abcdef");
    expect(safeText("\u2066x\u2069")).toBe("x");
  });

  it("keeps newlines and tabs", () => {
    expect(safeText("one\ntwo\tthree")).toBe("one\ntwo\tthree");
  });

  it("keeps a line that starts with a bracket: only ESC starts an escape sequence", () => {
    expect(safeText("a\n[1] b")).toBe("a\n[1] b");
    expect(safeText("x\t]title\n]y")).toBe("x\t]title\n]y");
  });

  it("removes terminal titles and links (OSC) up to their terminator", () => {
    expect(safeText("\u001b]0;pwned\u0007after")).toBe("after");
    expect(safeText("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\")).toBe("link");
  });

  it("keeps ordinary text, letters and punctuation untouched", () => {
    const text = "Vardø — “Støre” met Lavrov; 27 April 2010 (a Tuesday) · 100% <b> a@b.no";
    expect(safeText(text)).toBe(text);
  });

  it.each(MENTIONS)("defuses %s by inserting only a zero-width space", (mention) => {
    const safe = safeText(`hello ${mention} there`);
    expect(safe).not.toContain(mention);
    expect(safe).toContain(ZWSP);
    expect(safe.replaceAll(ZWSP, "")).toBe(`hello ${mention} there`);
  });

  it("defuses mentions in any case", () => {
    expect(safeText("@EVERYONE @Here")).not.toMatch(/@everyone|@here/i);
  });

  it("defuses a mention hidden behind a control character", () => {
    expect(mentionIn(safeText("@every\u0000one <\u0007!channel>"))).toBeUndefined();
  });

  it("is idempotent", () => {
    const once = safeText("\u001b[31m@everyone <!channel>\u0007");
    expect(safeText(once)).toBe(once);
  });
});

describe("renderText keeps data and user text from pinging anyone", () => {
  it("defuses mentions in the title, body, fields, items and sources", () => {
    const text = renderText(
      reply("answer", "Hello @everyone", {
        body: ["<!channel> look"],
        fields: [{ name: "@here", value: "<@123>" }],
        items: [
          {
            when: "<#C1>",
            title: "@everyone again",
            detail: "<!channel>",
            cites: [1],
            evidence: [],
          },
        ],
        sources: [{ n: 1, label: "<!here>", quotes: ["@everyone said"] }],
        showQuotes: true,
      }),
    );
    expect(mentionIn(text)).toBeUndefined();
    expect(text).not.toContain("<!here>");
  });

  it("removes escape sequences from data before they reach a terminal", () => {
    const text = renderText(
      reply("answer", "\u001b[2JTitle", {
        items: [{ when: "2023", title: "\u001b[31mRed", cites: [], evidence: [] }],
      }),
    );
    expect(text).not.toContain("\u001b");
  });

  it("defuses mentions in suggested calls", () => {
    const text = renderText(
      reply("empty", "No match", {
        suggestions: [{ label: "x", call: { command: "who", options: { name: "@everyone" } } }],
      }),
    );
    expect(mentionIn(text)).toBeUndefined();
  });

  it("defuses mentions carried in the paging calls", () => {
    const text = renderText(
      reply("answer", "Timeline", {
        paging: {
          page: 2,
          pages: 3,
          total: 20,
          call: { command: "timeline", options: { topic: "@everyone", person: "<!channel>" } },
        },
      }),
    );
    expect(mentionIn(text)).toBeUndefined();
  });
  it("removes terminal title and hyperlink sequences (OSC) along with their payload", () => {
    const esc = String.fromCharCode(27);
    const bel = String.fromCharCode(7);
    expect(safeText(`a${esc}]0;pwned${bel}b`)).toBe("ab");
    expect(safeText(`a${esc}]8;;http://x${esc}\\link${esc}]8;;${esc}\\b`)).toBe("alinkb");
  });
});
