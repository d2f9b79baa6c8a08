import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { runScript } from "../support/process.ts";

const ask = (...args: string[]) => runScript("src/adapters/ask.ts", args);

describe("npm run ask", () => {
  it("prints one reply as plain text and exits 0", () => {
    const { status, stdout, stderr } = ask("/expulsions 2023");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Expulsions in 2023\n/);
    expect(stdout).toContain(
      "Norway expelled 15 Russian intelligence officers; Russia answered by expelling 10",
    );
    expect(stdout).toContain("Sources:");
    expect(stderr).toBe("");
  });

  it("takes the command without its slash and in any case", () => {
    expect(ask("WHO", "huitfeld").stdout).toMatch(/^Anniken Huitfeldt\n/);
  });

  it("prints the reply model with --json", () => {
    const { status, stdout } = ask("--json", "/who giammaria");
    expect(status).toBe(0);
    const reply = JSON.parse(stdout);
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Mikhail Mikushin");
    expect(reply.sources[0].quotes.length).toBeGreaterThan(0);
  });

  it("prints a usage error's message and exits 2, without a stack trace", () => {
    const { status, stdout } = ask("/onthisday 02-30");
    expect(status).toBe(2);
    expect(stdout).toBe("⚠ There is no 30 February.\n\nExample: /onthisday 10-30\n");
  });

  it("takes -h for help, not for a command", () => {
    const { status, stdout } = ask("-h");
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: npm run ask -- [--json] [--png <file>] "<command line>"');
    expect(stdout).not.toContain("There is no command");
  });

  it("exits 2 for an unknown command and for no command at all", () => {
    expect(ask("/nope").status).toBe(2);
    const none = ask();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Usage: npm run ask/);
  });

  it("writes a chart's picture with --png, and says how to get it without", () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-ask-png-"));
    try {
      const file = join(dir, "chart.png");
      const drawn = ask("--png", file, "/chart expulsions");
      expect(drawn.status).toBe(0);
      expect(drawn.stdout).toContain("[Picture: expulsions-2020-2023.png] Bar chart of people");
      expect(drawn.stderr).toMatch(/^Wrote the picture to .*chart\.png \(\d+×\d+\)\.\n$/);
      expect(PNG.sync.read(readFileSync(file)).width).toBeGreaterThan(800);

      const told = ask("/chart expulsions");
      expect(told.stdout).toContain(
        "To get the picture: npm run ask -- --png expulsions-2020-2023.png '/chart expulsions'",
      );
      const json = JSON.parse(ask("--json", "/chart expulsions").stdout);
      expect(json.image.png).toMatch(/^\d+ bytes$/);

      const unwritable = ask("--png", join(dir, "no-such-folder", "x.png"), "/chart expulsions");
      expect(unwritable.status).toBe(1);
      expect(unwritable.stderr).toMatch(/^Could not write .*x\.png: ENOENT/m);
      expect(unwritable.stderr).not.toMatch(/\n\s+at /);

      const none = ask("--png", file, "/who huitfeldt");
      expect(none.stderr).toBe("This reply has no picture; /chart draws one.\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
