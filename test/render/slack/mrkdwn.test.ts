import { describe, expect, it } from "vitest";
import { escapeMrkdwn, unescapeMrkdwn } from "../../../src/render/slack/mrkdwn.ts";

describe("escapeMrkdwn", () => {
  it("turns Slack's three control characters into the entities Slack decodes", () => {
    expect(escapeMrkdwn("Fish & chips <b> a>b")).toBe("Fish &amp; chips &lt;b&gt; a&gt;b");
  });

  it("defuses every kind of mention and link markup", () => {
    const typed = "<!channel> <!here> <!everyone> <@U123> <#C456> <https://evil.example|click>";
    const safe = escapeMrkdwn(typed);
    expect(safe).not.toMatch(/[<>]/);
    expect(safe).toContain("&lt;!channel&gt;");
    expect(safe).toContain("&lt;@U123&gt;");
  });

  it("escapes an ampersand that looks like an entity already, so it shows as typed", () => {
    expect(escapeMrkdwn("&lt;")).toBe("&amp;lt;");
  });

  it("leaves formatting characters and other text alone: nothing but &, < and > is escaped", () => {
    const text = "*bold* _it_ ~s~ `code` @channel #general \"q\" 'a' Vardø — “x”";
    expect(escapeMrkdwn(text)).toBe(text);
  });

  it("drops terminal control sequences but keeps line breaks and tabs", () => {
    expect(escapeMrkdwn("a\u001b[31mred\u001b[0m\nb\tc\u0007")).toBe("ared\nb\tc");
  });
});

describe("unescapeMrkdwn", () => {
  it("turns the entities Slack sends in a command's text back into what was typed", () => {
    expect(unescapeMrkdwn("Fish &amp; Chips &lt;!channel&gt;")).toBe("Fish & Chips <!channel>");
  });

  it("decodes each entity once, so escaping what it gives back restores Slack's text", () => {
    for (const sent of ["&amp;lt;", "a &amp;amp; b", "&lt;@U1&gt; &amp; &gt;"]) {
      expect(escapeMrkdwn(unescapeMrkdwn(sent))).toBe(sent);
    }
  });
});
