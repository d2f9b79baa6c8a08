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
    expect(stdout).toContain('Usage: npm run ask -- [--json] "<command line>"');
    expect(stdout).not.toContain("There is no command");
  });

  it("exits 2 for an unknown command and for no command at all", () => {
    expect(ask("/nope").status).toBe(2);
    const none = ask();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Usage: npm run ask/);
  });
});
