import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import { answerLine } from "../../src/text/answer-line.ts";
import { ask, bundledContext } from "../support/context.ts";
import { slackChannelContext } from "../support/schedule.ts";

const ctx = bundledContext();

describe("/help", () => {
  it("lists every command with its usage and an example", () => {
    const reply = ask(ctx, "/help");
    expect(reply.fields.map((f) => f.name.split(" ")[0])).toEqual(
      COMMANDS.map((c) => `/${c.name}`),
    );
    expect(reply.fields[0]?.name).toBe("/timeline [from] [to] [topic] [person] [page:N]");
    for (const field of reply.fields) expect(field.value).toMatch(/Example: \//);
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
