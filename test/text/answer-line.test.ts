import { describe, expect, it } from "vitest";
import { answerAddressedLine, answerLine } from "../../src/text/answer-line.ts";
import { atOnce, bundledContext } from "../support/context.ts";

// The line every front end shares: the console, `ask`, Slack's umbrella, mentions and DMs.

const ctx = bundledContext();
const answer = (line: string) => atOnce(answerLine(ctx, line));

describe("answerLine", () => {
  it("searches words that do not start with a command", () => {
    const reply = answer("frode berg");
    expect(reply?.title).toBe("Search: frode berg");
    expect(reply?.items.map((i) => i.title)).toContain("Frode Berg");
  });

  it("searches words that start like an option, and takes a page at the end as the search's", () => {
    expect(answer("re: frode berg")?.title).toBe("Search: re: frode berg");
    const second = answer("norwegian diplomats page:2");
    expect(second?.title).toBe("Search: norwegian diplomats");
    expect(second?.paging?.page).toBe(2);
  });

  it("runs a command named with or without its slash", () => {
    expect(answer("expulsions 2023")?.title).toBe(answer("/expulsions 2023")?.title);
    expect(answer("who huitfeldt")?.title).toBe("Anniken Huitfeldt");
  });

  it("treats a line starting with / as a command, so a typo there is named as one", () => {
    expect(answer("/frode")?.title).toBe("There is no command /frode.");
  });

  it("answers nothing to a blank line", () => {
    expect(answer("   ")).toBeNull();
  });
});

describe("answerAddressedLine", () => {
  it("answers a blank line addressed to the bot with the help, and any other as answerLine does", () => {
    expect(atOnce(answerAddressedLine(ctx, "  ")).title).toBe(
      atOnce(answerLine(ctx, "/help"))?.title,
    );
    expect(atOnce(answerAddressedLine(ctx, "frode berg")).title).toBe("Search: frode berg");
  });
});
