import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import { defineCommand } from "../../src/command/declaration.ts";
import { resolveOptions } from "../../src/command/resolve-options.ts";
import { findCommand } from "../../src/command/run-command.ts";
import { UsageError } from "../../src/command/usage-error.ts";
import type { CommandCall } from "../../src/reply/reply.ts";
import { reply } from "../../src/reply/reply.ts";
import { formatCall, parseLine } from "../../src/text/grammar.ts";

const answer = () => reply("answer", "ok");

const commands = [
  defineCommand({
    name: "timeline",
    description: "Events in date order",
    options: [
      { name: "from", description: "First year", type: "integer", example: "1990" },
      { name: "to", description: "Last year", type: "integer", example: "2000" },
      { name: "topic", description: "A topic", type: "string", example: "vardø" },
      { name: "person", description: "A person", type: "string", example: "støre" },
      {
        name: "page",
        description: "Which page",
        type: "integer",
        positional: false,
        example: "2",
      },
    ],
    examples: ["/timeline 1990 2000"],
    handle: answer,
  }),
  defineCommand({
    name: "who",
    description: "Who a person is",
    options: [
      { name: "name", description: "A name", type: "string", required: true, example: "berg" },
      {
        name: "page",
        description: "Which page",
        type: "integer",
        positional: false,
        example: "2",
      },
    ],
    examples: ["/who berg"],
    handle: answer,
  }),
  defineCommand({
    name: "expulsions",
    description: "Expulsions of a year",
    options: [{ name: "year", description: "A year", type: "integer", example: "2023" }],
    examples: ["/expulsions 2023"],
    handle: answer,
  }),
  defineCommand({
    name: "help",
    description: "Every command",
    options: [],
    examples: ["/help"],
    handle: answer,
  }),
];

const parse = (line: string) => parseLine(line, commands);

function usageError(line: string): UsageError {
  try {
    parse(line);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(line)} to be refused`);
}

describe("parseLine", () => {
  describe("the command", () => {
    it("reads a command with no options", () => {
      expect(parse("/help")).toEqual({ command: "help", options: {} });
    });

    it("makes the leading slash optional", () => {
      expect(parse("expulsions 2023")).toEqual(parse("/expulsions 2023"));
      expect(parse("expulsions 2023")).toEqual({
        command: "expulsions",
        options: { year: "2023" },
      });
    });

    it("reads the command name in any case", () => {
      expect(parse("/TimeLine 1990")).toEqual({ command: "timeline", options: { from: "1990" } });
    });

    it("returns null for a blank line", () => {
      expect(parse("")).toBeNull();
      expect(parse("   \t ")).toBeNull();
    });

    it("returns an unknown command with no options, for runCommand to report", () => {
      expect(parse("/timline 1990 topic:x")).toEqual({ command: "timline", options: {} });
      expect(parse("/Nothing")).toEqual({ command: "nothing", options: {} });
    });

    it("refuses a line that starts with an option instead of a command", () => {
      expect(usageError("year:2023").message).toContain("Start with a command");
    });
  });

  describe("positional values", () => {
    it("fill the positional options in declaration order", () => {
      expect(parse("/timeline 1990 2000 vardø støre")).toEqual({
        command: "timeline",
        options: { from: "1990", to: "2000", topic: "vardø", person: "støre" },
      });
    });

    it("never fill an option that is only named", () => {
      const call = parse("/who berg");
      expect(call?.options).toEqual({ name: "berg" });
      expect(call?.options).not.toHaveProperty("page");
    });

    it("skip options already given by name", () => {
      expect(parse("/timeline from:1990 2000 vardø")).toEqual({
        command: "timeline",
        options: { from: "1990", to: "2000", topic: "vardø" },
      });
    });

    it("join leftover words into the last option when it takes text", () => {
      expect(parse("/who jonas gahr støre")).toEqual({
        command: "who",
        options: { name: "jonas gahr støre" },
      });
      expect(parse("/who jonas gahr støre page:2")).toEqual({
        command: "who",
        options: { name: "jonas gahr støre", page: "2" },
      });
    });

    it("can be quoted to hold spaces", () => {
      expect(parse('/timeline 1990 2000 "barents sea"')?.options).toMatchObject({
        topic: "barents sea",
      });
    });

    it("refuses one value too many for a command whose last option is a number", () => {
      const error = usageError("/expulsions 2023 2024");
      expect(error.message).toBe(
        "/expulsions got more values than it takes: “2024” is one too many.",
      );
      expect(error.example).toBe("/expulsions 2023");
    });

    it("refuses any value by position for a command that takes none", () => {
      expect(usageError("/help me").message).toBe("/help takes no values by position.");
    });
  });

  describe("named values", () => {
    it("read name:value", () => {
      expect(parse("/timeline topic:vardø page:2")).toEqual({
        command: "timeline",
        options: { topic: "vardø", page: "2" },
      });
    });

    it("read the option name in any case", () => {
      expect(parse("/expulsions YEAR:2023")).toEqual({
        command: "expulsions",
        options: { year: "2023" },
      });
    });

    it("read a quoted value with spaces", () => {
      expect(parse('/timeline topic:"barents sea" person:"jonas gahr støre"')?.options).toEqual({
        topic: "barents sea",
        person: "jonas gahr støre",
      });
    });

    it("read a value in curly quotes, as phones type them", () => {
      expect(parse("/timeline topic:“barents sea”")?.options).toEqual({ topic: "barents sea" });
      expect(parse("/timeline topic:„barents sea“")?.options).toEqual({ topic: "barents sea" });
      expect(parse('/timeline topic:“barents sea"')?.options).toEqual({ topic: "barents sea" });
    });

    it("read an empty quoted value as empty", () => {
      expect(parse('/timeline topic:""')?.options).toEqual({ topic: "" });
    });

    it("keep options the command does not declare, for resolveOptions to refuse", () => {
      expect(parse("/expulsions colour:red")?.options).toEqual({ colour: "red" });
    });

    it("refuse an option given twice", () => {
      const error = usageError("/timeline topic:vardø topic:moscow");
      expect(error.message).toBe("topic is given twice.");
      expect(error.example).toBe("/timeline 1990 2000");
    });

    it("run an unquoted text value on to the next name:", () => {
      expect(parse("/timeline topic:White Sea from:1500")?.options).toEqual({
        topic: "White Sea",
        from: "1500",
      });
      expect(parse("/timeline person:jonas gahr støre topic:barents sea page:2")?.options).toEqual({
        person: "jonas gahr støre",
        topic: "barents sea",
        page: "2",
      });
    });

    it("run a value on after name: with a space, as after name:value", () => {
      expect(parse("/who name: huitfeldt anniken")?.options).toEqual({
        name: "huitfeldt anniken",
      });
    });

    it("run on even words that look like small numbers: a year or the next name: ends a text value", () => {
      expect(parse("/timeline topic:world war 2")?.options).toEqual({ topic: "world war 2" });
    });

    it("end a quoted value at its closing quote, leaving the words after it bare", () => {
      expect(parse('/timeline topic:"white sea" 1990')?.options).toEqual({
        topic: "white sea",
        from: "1990",
      });
    });

    it("give a named number one word; the words after it fill positionals as before", () => {
      expect(parse("/timeline from:2017 expulsion")?.options).toEqual({
        from: "2017",
        topic: "expulsion",
      });
      expect(parse("/timeline from:1990 2000 barents sea")?.options).toEqual({
        from: "1990",
        to: "2000",
        topic: "barents",
        person: "sea",
      });
      expect(parse("/timeline page:2 vardø")?.options).toEqual({ page: "2", topic: "vardø" });
    });

    it("leave a named option the command does not declare at one word", () => {
      expect(parse("/expulsions colour:red 2023")?.options).toEqual({
        colour: "red",
        year: "2023",
      });
    });

    it("refuse a quote opened but never closed", () => {
      const error = usageError('/who name:"jonas gahr');
      expect(error.message).toBe("A quote is opened but never closed.");
      expect(error.example).toBeTruthy();
      expect(usageError("/who “jonas").message).toBe("A quote is opened but never closed.");
    });
  });
});

describe("formatCall", () => {
  it("writes a call as a line with the command and each option by name", () => {
    expect(formatCall({ command: "timeline", options: { from: 1990, page: 3 } })).toBe(
      "/timeline from:1990 page:3",
    );
    expect(formatCall({ command: "help", options: {} })).toBe("/help");
  });

  it("quotes values with spaces and empty values", () => {
    expect(formatCall({ command: "who", options: { name: "jonas gahr støre" } })).toBe(
      '/who name:"jonas gahr støre"',
    );
    expect(formatCall({ command: "timeline", options: { topic: "" } })).toBe('/timeline topic:""');
  });

  it.each<CommandCall>([
    { command: "timeline", options: { from: 1990, to: 2000, page: 3 } },
    { command: "timeline", options: { topic: "Barents Sea", person: "Jonas Gahr Støre", page: 2 } },
    { command: "timeline", options: { topic: "“quoted” words" } },
    { command: "who", options: { name: "Støre" } },
    { command: "expulsions", options: { year: 2023 } },
    { command: "help", options: {} },
  ])("writes %j so that parseLine reads back the same call", (call) => {
    const parsed = parse(formatCall(call));
    expect(parsed?.command).toBe(call.command);
    const command = findCommand(commands, call.command);
    if (!command || !parsed) throw new Error("not parsed");
    expect(resolveOptions(command, parsed.options)).toEqual(call.options);
  });
});

describe("the grammar with the real commands", () => {
  const real = (line: string) => parseLine(line, COMMANDS);

  it("fills a bare word into the first option that can take it", () => {
    expect(real("/timeline expulsion")).toEqual({
      command: "timeline",
      options: { topic: "expulsion" },
    });
    expect(real("/timeline 2017 2019 vardo")).toEqual({
      command: "timeline",
      options: { from: "2017", to: "2019", topic: "vardo" },
    });
  });

  it("reads several unquoted words as one named value, as typed in the console or Slack", () => {
    expect(real("/timeline topic:White Sea from:1500")).toEqual({
      command: "timeline",
      options: { topic: "White Sea", from: "1500" },
    });
    expect(real("/timeline from:2017 expulsion")).toEqual({
      command: "timeline",
      options: { from: "2017", topic: "expulsion" },
    });
    expect(real("/expulsions 2023 page:2")).toEqual({
      command: "expulsions",
      options: { year: "2023", page: "2" },
    });
    expect(real("/who name:huitfeldt anniken page:2")).toEqual({
      command: "who",
      options: { name: "huitfeldt anniken", page: "2" },
    });
  });

  it("ends a named value at a year that a free number option can take", () => {
    expect(real("/timeline topic:expulsion 2017 2019")).toEqual({
      command: "timeline",
      options: { topic: "expulsion", from: "2017", to: "2019" },
    });
    expect(real("/timeline person:jonas gahr støre 2020")).toEqual({
      command: "timeline",
      options: { person: "jonas gahr støre", from: "2020" },
    });
    // /who takes no number by position, so the number stays part of the name.
    expect(real("/who name:agent 007")).toEqual({
      command: "who",
      options: { name: "agent 007" },
    });
  });

  it("takes option names that are also names of Object's own properties as any other", () => {
    expect(real("/timeline constructor:x")).toEqual({
      command: "timeline",
      options: { constructor: "x" },
    });
  });

  it("still lets a bad value reach the option that names the problem", () => {
    expect(real("/expulsions abc")).toEqual({ command: "expulsions", options: { year: "abc" } });
  });

  it("gives a fraction to a number option next in line, not to the text option after it", () => {
    expect(real("/timeline 2023.5")).toEqual({ command: "timeline", options: { from: "2023.5" } });
    expect(real("/timeline 2017 2019,5")).toEqual({
      command: "timeline",
      options: { from: "2017", to: "2019,5" },
    });
    // Where text comes first, a dotted number is the text's: 30.10 is a day.
    expect(real("/onthisday 30.10")).toEqual({ command: "onthisday", options: { date: "30.10" } });
  });

  it("reads name: value with a space after the colon", () => {
    expect(real("/who name: huitfeldt")).toEqual({
      command: "who",
      options: { name: "huitfeldt" },
    });
    expect(real("/who name: page:2")).toEqual({ command: "who", options: { name: "", page: "2" } });
  });

  it("takes a URL as a value, not as an option called http", () => {
    expect(real("/who http://x.y")).toEqual({ command: "who", options: { name: "http://x.y" } });
  });

  it("folds full-width letters and drops control sequences before reading", () => {
    expect(real("/ｗｈｏ Ｈｕｉｔｆｅｌｄｔ")).toEqual({
      command: "who",
      options: { name: "Huitfeldt" },
    });
    expect(real("/who huit\u001b[31mfeldt")).toEqual({
      command: "who",
      options: { name: "huitfeldt" },
    });
  });

  it("writes leading positional options bare when it knows the command", () => {
    const expulsions = COMMANDS.find((c) => c.name === "expulsions");
    const timeline = COMMANDS.find((c) => c.name === "timeline");
    expect(formatCall({ command: "expulsions", options: { year: 2020 } }, expulsions)).toBe(
      "/expulsions 2020",
    );
    expect(
      formatCall(
        { command: "timeline", options: { from: 2017, topic: "White Sea", page: 2 } },
        timeline,
      ),
    ).toBe('/timeline 2017 topic:"White Sea" page:2');
    expect(real('/timeline 2017 topic:"White Sea" page:2')).toEqual({
      command: "timeline",
      options: { from: "2017", topic: "White Sea", page: "2" },
    });
  });
});
