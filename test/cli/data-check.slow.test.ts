import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, runScript } from "../support/process.ts";

describe("npm run data:check", () => {
  it("passes the bundled data and says what it holds", () => {
    const { status, stdout } = runScript("src/cli/data-check.ts");
    expect(status).toBe(0);
    expect(stdout).toMatch(/is valid: 4 sources, \d+ people, \d+ events\.\n$/);
  });

  it("lists every problem in a broken folder and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-check-"));
    writeFileSync(join(dir, "sources.json"), "[]");
    writeFileSync(join(dir, "people.json"), "{ not json");
    writeFileSync(
      join(dir, "events.json"),
      JSON.stringify([
        {
          id: "e1",
          date: "1905-10-30",
          title: "t",
          summary: "s",
          kind: "diplomacy",
          citations: [],
        },
      ]),
    );
    const { status, stderr } = runScript("src/cli/data-check.ts", [dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(status).toBe(1);
    expect(stderr).toContain("has 2 problems");
    expect(stderr).toContain("people.json: not valid JSON");
    expect(stderr).toContain(
      'events.json, record 1 (id "e1"), field "citations": every record needs at least one citation',
    );
  });
  it("takes --help for help, not for a folder, and refuses a second folder", () => {
    const help = runScript("src/cli/data-check.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run data:check -- [<data-folder>]");
    const two = runScript("src/cli/data-check.ts", ["data", "more"]);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/^data:check: unexpected "more": it takes one argument\n/);
  });

  it("names a bad setting instead of printing a stack trace", () => {
    const { status, stderr } = runScript(
      "src/cli/data-check.ts",
      [],
      "",
      cleanEnv({ BOT_TIMEZONE: "Mars/Base" }),
    );
    expect(status).toBe(1);
    expect(stderr).toContain("BOT_TIMEZONE: is not an IANA time zone");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
