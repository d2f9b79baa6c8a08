import { describe, expect, it } from "vitest";
import { MAX_RECORDS, parseSynthArgs } from "../../src/synth/options.ts";

const refusal = (argv: string[]) => {
  const parsed = parseSynthArgs(argv);
  if (parsed.kind !== "error") throw new Error(`expected a refusal, got ${parsed.kind}`);
  return parsed.message;
};

const base = ["--events", "500", "--people", "100", "--out", "/tmp/x"];

describe("parseSynthArgs", () => {
  it("reads the three required flags and defaults the seed", () => {
    expect(parseSynthArgs(base)).toEqual({
      kind: "run",
      args: { events: 500, people: 100, out: "/tmp/x", seed: 1 },
    });
  });

  it("takes --flag=value as well as --flag value, in any order", () => {
    expect(parseSynthArgs(["--seed=7", "--out=/tmp/y", "--people=2", "--events", "3"])).toEqual({
      kind: "run",
      args: { events: 3, people: 2, out: "/tmp/y", seed: 7 },
    });
  });

  it("answers --help and -h with a request for the usage", () => {
    expect(parseSynthArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseSynthArgs([...base, "-h"])).toEqual({ kind: "help" });
  });

  it("suggests the flag meant by a typo", () => {
    expect(refusal(["--evnts", "5"])).toBe("unknown option --evnts; did you mean --events?");
    expect(refusal(["--colour", "red"])).toBe("unknown option --colour");
  });

  it("names a missing flag or value", () => {
    expect(refusal(["--events", "5", "--people", "2"])).toBe("--out is required");
    expect(refusal(["--events", "--people", "2"])).toBe("--events needs a value");
    expect(refusal([...base.slice(0, 4), "--out"])).toBe("--out needs a value");
    expect(refusal([...base.slice(0, 4), "--out="])).toBe("--out needs a folder name");
  });

  it("refuses counts that are not whole numbers in range, quoting what was typed", () => {
    for (const bad of ["0", "-3", "1.5", "1e5", "lots", String(MAX_RECORDS + 1)]) {
      expect(refusal(["--events", bad, "--people", "1", "--out", "d"])).toBe(
        `--events takes a whole number from 1 to ${MAX_RECORDS}, not "${bad}"`,
      );
    }
    expect(refusal([...base, "--seed", "4294967296"])).toContain("--seed takes a whole number");
  });

  it("refuses a value without a flag and a flag given twice", () => {
    expect(refusal(["500"])).toBe('unexpected "500": every value follows an option');
    expect(refusal([...base, "--events", "2"])).toBe("--events is given twice");
  });
});
