import { describe, expect, it } from "vitest";
import { helpText, readArgs, type Tool, usageText } from "../../src/cli/tool-args.ts";

const tool = {
  script: "demo:tool",
  about: "Does the demo thing.",
  synopsis: "--out <dir> [--dry-run] [<name>]",
  options: {
    out: { type: "string", value: "<dir>", description: "where to write\ncreated if missing" },
    "dry-run": { type: "boolean", description: "write nothing" },
    url: { type: "string", description: "a URL", missing: "--url needs the address to call" },
  },
  positionals: 1,
  example: "npm run demo:tool -- --out /tmp/x",
  notes: "Reads DEMO_DIR.",
  exits: { done: "done", failed: "it failed" },
} satisfies Tool;

const problem = (argv: string[]) => {
  const read = readArgs(tool, argv);
  if (read.kind !== "usage") throw new Error(`expected a usage error, got ${read.kind}`);
  return read.problem;
};

describe("readArgs", () => {
  it("reads options in either form and the positional", () => {
    expect(readArgs(tool, ["--out=/a", "--dry-run", "x"])).toEqual({
      kind: "run",
      values: { out: "/a", "dry-run": true },
      positionals: ["x"],
    });
    expect(readArgs(tool, ["name", "--out", "/b"])).toMatchObject({ values: { out: "/b" } });
  });

  it("answers --help and -h wherever they stand, even beside a mistake", () => {
    for (const argv of [["--help"], ["-h"], ["--bogus", "-h"], ["x", "--help"]])
      expect(readArgs(tool, argv)).toEqual({ kind: "help" });
  });

  it("names an unknown option, suggesting the one meant", () => {
    expect(problem(["--ot", "/a"])).toBe("unknown option --ot; did you mean --out?");
    expect(problem(["--colour"])).toBe("unknown option --colour");
    expect(problem(["-x"])).toBe("unknown option -x");
  });

  it("names a missing value, in the tool's words where it has them", () => {
    expect(problem(["--out"])).toBe("--out needs a value");
    expect(problem(["--out", "--dry-run"])).toBe("--out needs a value");
    expect(problem(["--url"])).toBe("--url needs the address to call");
  });

  it("takes a value with one leading dash, as a negative number is written", () => {
    expect(readArgs(tool, ["--out", "-3"])).toMatchObject({ values: { out: "-3" } });
  });

  it("refuses a value on a switch, an option given twice and one argument too many", () => {
    expect(problem(["--dry-run=yes"])).toBe("--dry-run takes no value");
    expect(problem(["--out", "a", "--out=b"])).toBe("--out is given twice");
    expect(problem(["a", "b"])).toBe('unexpected "b": it takes one argument');
    expect(readArgs({ ...tool, positionals: 0 }, ["a"])).toEqual({
      kind: "usage",
      problem: 'unexpected "a": every value follows an option',
    });
  });

  it("leaves what follows -- to the tool, as positionals", () => {
    expect(readArgs(tool, ["--", "--out"])).toMatchObject({ positionals: ["--out"] });
  });
});

describe("helpText", () => {
  it("gives usage, aligned options, an example, the notes and the three exit codes", () => {
    expect(helpText(tool)).toBe(
      [
        "Does the demo thing.",
        "",
        "Usage: npm run demo:tool -- --out <dir> [--dry-run] [<name>]",
        "",
        "Options:",
        "  --out <dir>  where to write",
        "               created if missing",
        "  --dry-run    write nothing",
        "  --url        a URL",
        "  -h, --help   this text",
        "",
        "Example:",
        "  npm run demo:tool -- --out /tmp/x",
        "",
        "Reads DEMO_DIR.",
        "",
        "Exit codes: 0 done, 1 it failed, 2 a usage error.",
        "",
      ].join("\n"),
    );
  });
});

describe("usageText", () => {
  it("names the problem in one line, then the usage, an example and where the help is", () => {
    expect(usageText(tool, "unknown option --x")).toBe(
      [
        "demo:tool: unknown option --x",
        "Usage: npm run demo:tool -- --out <dir> [--dry-run] [<name>]",
        "Example: npm run demo:tool -- --out /tmp/x",
        "More: npm run demo:tool -- --help",
        "",
      ].join("\n"),
    );
    expect(usageText(tool)).toMatch(/^Usage: /);
  });
});
