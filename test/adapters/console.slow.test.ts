import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanEnv, ROOT, startScript } from "../support/process.ts";

const start = (input: string, env = cleanEnv()) => startScript("src/main.ts", input, env);
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("npm start without credentials: the console bot", () => {
  it("answers each line typed and leaves cleanly on /quit", async () => {
    const { status, stdout } = await start(
      "/who huitfeld\n/expulsions 2021\n/quit\n/who never-reached\n",
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Barents: Norway–Russia relations, with sources\./);
    expect(stdout).toContain("Anniken Huitfeldt");
    expect(stdout).toContain("No expulsions are recorded for 2021.");
    expect(stdout).not.toContain("never-reached");
    expect(stdout.trimEnd().endsWith("Bye.")).toBe(true);
  });

  it("leaves cleanly at the end of input (Ctrl-D)", async () => {
    const { status, stdout } = await start("/help\n");
    expect(status).toBe(0);
    expect(stdout).toContain("/timeline [from] [to] [topic] [person] [page:N]");
    expect(stdout.trimEnd().endsWith("Bye.")).toBe(true);
  });

  it("keeps going after bad input, blank lines and unknown commands", async () => {
    const { status, stdout } = await start(
      '\n/expulsions abc\n/frobnicate\n/who "unclosed\n/onthisday 10-30\n',
    );
    expect(status).toBe(0);
    expect(stdout).toContain('⚠ "abc" is not a whole number for year.');
    expect(stdout).toContain("⚠ There is no command /frobnicate.");
    expect(stdout).toContain("⚠ A quote is opened but never closed.");
    expect(stdout).toContain("On this day: 30 October");
    expect(stdout).not.toMatch(/\n\s+at /);
  });

  it("refuses to start on broken data, naming the file, record and field, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-data-"));
    made.push(dir);
    for (const file of ["sources.json", "people.json", "events.json"]) {
      writeFileSync(join(dir, file), readFileSync(join(ROOT, "data", file)));
    }
    const events = JSON.parse(readFileSync(join(dir, "events.json"), "utf8"));
    events[1].date = "2023-02-30";
    writeFileSync(join(dir, "events.json"), JSON.stringify(events));
    const { status, stderr, stdout } = await start("", cleanEnv({ DATA_DIR: dir }));
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("Barents cannot start.");
    expect(stderr).toContain(
      `events.json, record 2 (id "${events[1].id}"), field "date": "2023-02-30" is not a calendar day`,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses to start on an unknown time zone", async () => {
    const { status, stderr } = await start("", cleanEnv({ BOT_TIMEZONE: "Mars/Olympus" }));
    expect(status).toBe(1);
    expect(stderr).toContain("BOT_TIMEZONE: is not an IANA time zone");
  });
});
