import { describe, expect, it } from "vitest";
import { defineCommand } from "../../src/command/declaration.ts";
import { clip, exampleCall, resolveOptions } from "../../src/command/resolve-options.ts";
import { UsageError } from "../../src/command/usage-error.ts";
import { reply } from "../../src/reply/reply.ts";

const timeline = defineCommand({
  name: "timeline",
  description: "Events in date order",
  options: [
    {
      name: "from",
      description: "First year",
      type: "integer",
      min: 800,
      max: 2100,
      example: "1990",
    },
    { name: "topic", description: "A topic", type: "string", maxLength: 100, example: "vardø" },
    {
      name: "page",
      description: "Which page",
      type: "integer",
      min: 1,
      max: 1000,
      positional: false,
      example: "2",
    },
  ],
  examples: ["/timeline 1990"],
  handle: () => reply("answer", "Timeline"),
});

const who = defineCommand({
  name: "who",
  description: "Who a person is",
  options: [
    {
      name: "name",
      description: "A name",
      type: "string",
      required: true,
      maxLength: 100,
      example: "huitfeldt",
    },
  ],
  examples: ["/who huitfeldt"],
  handle: () => reply("answer", "Who"),
});

const help = defineCommand({
  name: "help",
  description: "Every command",
  options: [],
  examples: ["/help"],
  handle: () => reply("answer", "Help"),
});

/** The UsageError resolving these options throws; fails the test if they resolve. */
function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("resolveOptions", () => {
  describe("accepts what the declaration allows", () => {
    it("converts integers given as text to numbers and trims strings", () => {
      expect(resolveOptions(timeline, { from: " 1990 ", topic: "  vardø ", page: "2" })).toEqual({
        from: 1990,
        topic: "vardø",
        page: 2,
      });
    });

    it("accepts integers given as numbers, as Discord sends them", () => {
      expect(resolveOptions(timeline, { from: 1990, page: 3 })).toEqual({ from: 1990, page: 3 });
    });

    it("accepts the bounds themselves", () => {
      expect(resolveOptions(timeline, { from: "800" })).toEqual({ from: 800 });
      expect(resolveOptions(timeline, { from: "2100" })).toEqual({ from: 2100 });
    });

    it("leaves out options not given", () => {
      expect(resolveOptions(timeline, {})).toEqual({});
      expect(resolveOptions(help, {})).toEqual({});
    });

    it("treats an empty or blank value as absent", () => {
      expect(resolveOptions(timeline, { from: "", topic: "   ", page: "" })).toEqual({});
    });

    it("accepts a string exactly as long as its limit, counting characters not code units", () => {
      const emoji = "🇳🇴".repeat(50); // 100 characters, 200 code units
      expect(resolveOptions(who, { name: "x".repeat(100) })).toEqual({ name: "x".repeat(100) });
      expect(resolveOptions(who, { name: emoji })).toEqual({ name: emoji });
    });
  });

  describe("refuses what it does not, with a UsageError that names the option and shows an example", () => {
    it("refuses an unknown option, listing the ones the command takes", () => {
      const error = usageError(() => resolveOptions(timeline, { color: "red" }));
      expect(error.message).toBe('/timeline has no option "color"; it takes from, topic, page.');
      expect(error.example).toBe("/timeline 1990");
    });

    it("refuses any option for a command that takes none", () => {
      const error = usageError(() => resolveOptions(help, { page: "2" }));
      expect(error.message).toBe("/help takes no options.");
      expect(error.example).toBe("/help");
    });

    it("refuses a missing required option", () => {
      const error = usageError(() => resolveOptions(who, {}));
      expect(error.message).toBe("/who needs a name.");
      expect(error.example).toBe("/who huitfeldt");
    });

    it("refuses a required option given empty", () => {
      const error = usageError(() => resolveOptions(who, { name: "  " }));
      expect(error.message).toBe("/who needs a name.");
    });

    it("refuses text where a whole number belongs", () => {
      const error = usageError(() => resolveOptions(timeline, { from: "abc" }));
      expect(error.message).toBe('"abc" is not a whole number for from.');
      expect(error.example).toBe("/timeline 1990");
    });

    it("refuses a fraction where a whole number belongs, even given as a number", () => {
      expect(usageError(() => resolveOptions(timeline, { from: "1990.5" })).message).toContain(
        "not a whole number for from",
      );
      expect(usageError(() => resolveOptions(timeline, { from: 1990.5 })).message).toContain(
        "not a whole number for from",
      );
    });

    it("refuses a number above the maximum, stating the bounds", () => {
      const error = usageError(() => resolveOptions(timeline, { from: "99999" }));
      expect(error.message).toBe("from must be between 800 and 2100; 99999 is not.");
      expect(error.example).toBe("/timeline 1990");
    });

    it("refuses a number below the minimum", () => {
      const error = usageError(() => resolveOptions(timeline, { page: 0 }));
      expect(error.message).toBe("page must be between 1 and 1000; 0 is not.");
      expect(error.example).toBe("/timeline 1990 page:2");
    });

    it("refuses an over-long string, giving its length and the limit", () => {
      const error = usageError(() => resolveOptions(who, { name: "x".repeat(2000) }));
      expect(error.message).toBe("name is too long: 2000 characters, at most 100.");
      expect(error.example).toBe("/who huitfeldt");
    });

    it("quotes bad input back short, never whole", () => {
      const error = usageError(() => resolveOptions(timeline, { from: "y".repeat(2000) }));
      expect(error.message.length).toBeLessThan(100);
      expect(error.message).toContain("…");
      const unknown = usageError(() => resolveOptions(timeline, { ["z".repeat(500)]: "1" }));
      expect(unknown.message.length).toBeLessThan(100);
    });
  });
});

describe("exampleCall", () => {
  it("shows a positional option by value and a named one as name:value", () => {
    const [from, , page] = timeline.options;
    expect(exampleCall(timeline, from)).toBe("/timeline 1990");
    expect(exampleCall(timeline, page)).toBe("/timeline 1990 page:2");
  });

  it("adds a named option to the first example, which holds what the command needs", () => {
    const expulsions = defineCommand({
      name: "expulsions",
      description: "Expulsions",
      options: [
        { name: "year", description: "A year", type: "integer", required: true, example: "2023" },
        {
          name: "page",
          description: "Which page",
          type: "integer",
          positional: false,
          example: "1",
        },
      ],
      examples: ["/expulsions 2023"],
      handle: () => reply("answer", "Expulsions"),
    });
    expect(exampleCall(expulsions, expulsions.options[1])).toBe("/expulsions 2023 page:1");
  });

  it("names a positional option that a bare value would not reach", () => {
    const [, topic] = timeline.options;
    expect(exampleCall(timeline, topic)).toBe("/timeline topic:vardø");
  });

  it("falls back to the command's first example, or its bare name", () => {
    expect(exampleCall(timeline)).toBe("/timeline 1990");
    expect(exampleCall({ ...help, examples: [] })).toBe("/help");
  });
});

describe("clip", () => {
  it("leaves short text alone and cuts long text to the limit with an ellipsis", () => {
    expect(clip("short")).toBe("short");
    expect(clip("x".repeat(40))).toBe("x".repeat(40));
    expect(clip("x".repeat(41))).toBe(`${"x".repeat(39)}…`);
    expect([...clip("🇳🇴".repeat(30), 10)]).toHaveLength(10);
  });
});
