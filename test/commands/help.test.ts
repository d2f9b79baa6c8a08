import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import { answerLine } from "../../src/text/answer-line.ts";
import { ask, askLater, bundledContext } from "../support/context.ts";
import { slackChannelContext } from "../support/schedule.ts";

const ctx = bundledContext();

describe("/help", () => {
  it("lists every command with its usage and an example, in a channel", async () => {
    const reply = await askLater(slackChannelContext(ctx), "/help");
    expect(reply.fields.map((f) => f.name.split(" ")[0])).toEqual(
      COMMANDS.map((c) => `/${c.name}`),
    );
    expect(reply.fields[0]?.name).toBe("/timeline [from] [to] [topic] [person] [page:N]");
    for (const field of reply.fields) expect(field.value).toMatch(/Example: \//);
    expect(reply.body.join(" ")).not.toMatch(/not here/);
  });

  it("lists in the console only the commands that run there, and says where the rest work", () => {
    const reply = ask(ctx, "/help");
    const listed = reply.fields.map((f) => f.name.split(" ")[0]);
    expect(listed).toEqual(COMMANDS.filter((c) => !c.inChannel).map((c) => `/${c.name}`));
    expect(listed).toContain("/onthisday");
    expect(listed).not.toContain("/onthisday-subscribe");
    expect(reply.body).toContain(
      "/onthisday-subscribe, /onthisday-unsubscribe and /onthisday-status work in a Discord or Slack channel, not here; /help onthisday-subscribe tells more.",
    );
  });

  it("mentions subscribing under /help onthisday, saying where it works", async () => {
    const there = ask(ctx, "/help onthisday").fields.find((f) => f.name === "See also");
    expect(there?.value).toContain(
      "/onthisday-subscribe: Post an on-this-day note in this channel every day at a set local time (in a Discord or Slack channel).",
    );
    const inChannel = await askLater(slackChannelContext(ctx), "/help onthisday");
    const also = inChannel.fields.find((f) => f.name === "See also")?.value ?? "";
    expect(also).toMatch(/^\/onthisday-subscribe: /);
    expect(also).not.toContain("(in a Discord or Slack channel)");
  });

  it("still explains a channel's command in the console, saying it works in a channel", () => {
    const reply = ask(ctx, "/help onthisday-subscribe");
    expect(reply.title).toBe("/onthisday-subscribe [time] [timezone]");
    expect(reply.body).toContain("It works in a Discord or Slack channel, not here.");
  });

  it("lists no See also for a command with no relatives", () => {
    expect(ask(ctx, "/help expulsions").fields.map((f) => f.name)).not.toContain("See also");
  });

  it("explains one command's options", () => {
    const reply = ask(ctx, "/help expulsions");
    expect(reply.title).toBe("/expulsions <year> [page:N]");
    expect(reply.fields[0]).toEqual({
      name: "year (required)",
      value: "The year, like 2023. Example: /expulsions 2023",
    });
    expect(reply.fields[1]?.value).toBe("Which page of results. Example: /expulsions 2023 page:1");
  });

  it("explains /topics under /help topics, with examples that list what the index covers", () => {
    const reply = ask(ctx, "/help topics");
    expect(reply.title).toBe("/topics [list] [page:N]");
    expect(reply.fields.at(-1)?.value).toContain("/topics places");
  });

  it("refuses an unknown command by naming the real ones", () => {
    const reply = ask(ctx, "/help nope");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe("There is no command /nope.");
    expect(reply.body[0]).toBe(`The commands are ${COMMANDS.map((c) => `/${c.name}`).join(", ")}.`);
  });

  it("has examples that all work, in a channel that can have daily posts", async () => {
    const inChannel = slackChannelContext(ctx);
    for (const command of COMMANDS) {
      for (const example of command.examples) {
        const reply = await answerLine(inChannel, example);
        expect(reply?.kind, example).toMatch(/^(answer|empty)$/);
      }
    }
  });
});
