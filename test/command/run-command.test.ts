import { describe, expect, it, vi } from "vitest";
import { type CommandContext, defineCommand } from "../../src/command/declaration.ts";
import { findCommand, runCommand, usageReply } from "../../src/command/run-command.ts";
import { UsageError } from "../../src/command/usage-error.ts";
import { EventIndex } from "../../src/core/event-index.ts";
import { reply } from "../../src/reply/reply.ts";
import { tinyDataset } from "../fixtures/tiny-dataset.ts";
import { atOnce } from "../support/context.ts";

const SECRET = "connection refused at db.internal:5432";

const timeline = defineCommand({
  name: "timeline",
  description: "Events in date order",
  options: [
    { name: "from", description: "First year", type: "integer", min: 800, example: "1990" },
  ],
  examples: ["/timeline 1990"],
  handle: (_ctx, { from }) => reply("answer", `Timeline from ${from ?? "the start"}`),
});

const expulsions = defineCommand({
  name: "expulsions",
  description: "Expulsions of a year",
  options: [{ name: "year", description: "A year", type: "integer", example: "2023" }],
  examples: ["/expulsions 2023"],
  handle: () => {
    throw new UsageError("No expulsions in 1066.", "/expulsions 2023");
  },
});

const broken = defineCommand({
  name: "broken",
  description: "Always fails",
  options: [],
  examples: ["/broken"],
  handle: () => {
    throw new Error(SECRET);
  },
});

const ctx: CommandContext = {
  index: new EventIndex(tinyDataset()),
  now: () => new Date("2026-10-30T11:00:00Z"),
  timeZone: "Europe/Oslo",
  commands: [timeline, expulsions, broken],
};

describe("runCommand", () => {
  it("runs the handler with the resolved options and returns its reply", () => {
    const answer = atOnce(runCommand(ctx, { command: "timeline", options: { from: "1990" } }));
    expect(answer).toMatchObject({ kind: "answer", title: "Timeline from 1990" });
  });

  it("finds the command with or without a slash, in any case", () => {
    expect(atOnce(runCommand(ctx, { command: "/Timeline", options: {} })).title).toBe(
      "Timeline from the start",
    );
  });

  describe("an unknown command", () => {
    it("is a usage reply suggesting the closest command", () => {
      const answer = atOnce(runCommand(ctx, { command: "timline", options: {} }));
      expect(answer.kind).toBe("usage");
      expect(answer.title).toBe("There is no command /timline.");
      expect(answer.body).toContain("Did you mean /timeline?");
      expect(answer.suggestions).toEqual([
        { label: "/timeline", call: { command: "timeline", options: {} } },
      ]);
    });

    it("suggests a command whose name starts with what was typed", () => {
      const answer = atOnce(runCommand(ctx, { command: "expul", options: {} }));
      expect(answer.body[0]).toBe("Did you mean /expulsions?");
    });

    it("names every command, and shows /help, when nothing is close", () => {
      const answer = atOnce(runCommand(ctx, { command: "qqqxxzz", options: {} }));
      expect(answer.kind).toBe("usage");
      expect(answer.body[0]).toMatch(/^The commands are \/\w+/);
      expect(answer.body).toContain("Example: /help");
      expect(answer.suggestions).toEqual([]);
    });

    it("quotes a long unknown name back short", () => {
      const answer = atOnce(runCommand(ctx, { command: "z".repeat(500), options: {} }));
      expect(answer.title.length).toBeLessThan(60);
    });
  });

  describe("bad input", () => {
    it("turns a UsageError from option checking into a usage reply with an example", () => {
      const answer = atOnce(runCommand(ctx, { command: "timeline", options: { from: "abc" } }));
      expect(answer.kind).toBe("usage");
      expect(answer.title).toBe('"abc" is not a whole number for from.');
      expect(answer.body).toEqual(["Example: /timeline 1990"]);
    });

    it("turns a UsageError thrown by a handler into a usage reply with an example", () => {
      const answer = atOnce(runCommand(ctx, { command: "expulsions", options: { year: 1066 } }));
      expect(answer.kind).toBe("usage");
      expect(answer.title).toBe("No expulsions in 1066.");
      expect(answer.body).toEqual(["Example: /expulsions 2023"]);
    });
  });

  describe("a failure on our side", () => {
    it("is an error reply that does not show the error to the person", () => {
      const answer = atOnce(runCommand(ctx, { command: "broken", options: {} }));
      expect(answer.kind).toBe("error");
      expect(JSON.stringify(answer)).not.toContain(SECRET);
      expect(JSON.stringify(answer)).not.toContain("db.internal");
    });

    it("sends the error to the log with the command's name", () => {
      const log = vi.fn();
      atOnce(runCommand(ctx, { command: "/BROKEN", options: {} }, log));
      expect(log).toHaveBeenCalledTimes(1);
      const [message, context] = log.mock.calls[0] ?? [];
      expect(message).toBe("command failed");
      expect(context).toMatchObject({ command: "broken" });
      expect((context as { error: Error }).error.message).toBe(SECRET);
    });

    it("does not log bad input", () => {
      const log = vi.fn();
      atOnce(runCommand(ctx, { command: "timeline", options: { from: "abc" } }, log));
      atOnce(runCommand(ctx, { command: "expulsions", options: {} }, log));
      atOnce(runCommand(ctx, { command: "nothing", options: {} }, log));
      expect(log).not.toHaveBeenCalled();
    });

    it("never throws, even without a log", () => {
      expect(() => atOnce(runCommand(ctx, { command: "broken", options: {} }))).not.toThrow();
    });
  });
});

describe("findCommand", () => {
  it("finds a command by name, ignoring a leading slash and case", () => {
    expect(findCommand(ctx.commands, "/EXPULSIONS")?.name).toBe("expulsions");
    expect(findCommand(ctx.commands, "nothing")).toBeUndefined();
  });
});

describe("usageReply", () => {
  it("shows the problem as the title and the example in the body", () => {
    expect(usageReply(new UsageError("Bad.", "/help"))).toMatchObject({
      kind: "usage",
      title: "Bad.",
      body: ["Example: /help"],
    });
  });

  it("leaves the body empty when there is no example", () => {
    expect(usageReply(new UsageError("Bad.")).body).toEqual([]);
  });
});
