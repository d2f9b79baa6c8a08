import { describe, expect, it } from "vitest";
import { renderSlackMessage } from "../../../src/render/slack/blocks.ts";
import { withCommandPrefix } from "../../../src/render/slack/command-prefix.ts";
import { reply } from "../../../src/reply/reply.ts";
import { ask, bundledContext } from "../../support/context.ts";

const ctx = bundledContext();

describe("command names under SLACK_COMMAND_PREFIX", () => {
  it("renames the commands /help lists, so its advice calls the workspace's real commands", () => {
    const text = JSON.stringify(
      renderSlackMessage(ask(ctx, "/help"), { prefix: "nr-", commands: ctx.commands }),
    );
    for (const name of ["timeline", "expulsions", "who", "onthisday", "help"])
      expect(text).toContain(`/nr-${name}`);
    expect(text).not.toMatch(/[\s"(]\/(timeline|expulsions|who|onthisday)\b/);
  });

  it("renames examples in usage messages", () => {
    const shown = withCommandPrefix(ask(ctx, "/expulsions abc"), "nr-", ctx.commands);
    expect(shown.body.join("\n")).toMatch(/Example: \/nr-expulsions 20\d\d/);
  });

  it("leaves alone what only looks like a command: other names, paths, words, and no prefix", () => {
    const original = reply("answer", "See /whoever and /who/else, a/timeline, /onthisday-x", {
      body: ["/timeline 2017"],
    });
    const shown = withCommandPrefix(original, "nr-", ctx.commands);
    expect(shown.title).toBe(original.title);
    expect(shown.body).toEqual(["/nr-timeline 2017"]);
    expect(withCommandPrefix(original, "", ctx.commands)).toBe(original);
  });
});
