import { LogLevel } from "@slack/bolt";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { boltLogger, redactTokens } from "../../../src/adapters/slack/bolt-logger.ts";

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, bolt: boltLogger(logger) };
}

describe("Bolt's logger, routed into ours", () => {
  it("writes Bolt's lines as structured log lines at the matching level", () => {
    const { lines, bolt } = capture("debug");
    bolt.warn("Failed to parse", "the request", { status: 400 });
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'Failed to parse the request {"status":400}' }),
    ]);
  });

  it("blanks anything shaped like a Slack token, in messages and in errors", () => {
    const { lines, bolt } = capture("debug");
    bolt.debug("headers: Authorization: Bearer xoxb-123-456-abcdef");
    bolt.error(new Error("bad token xapp-1-A1-2-secret"));
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/xoxb-|xapp-|abcdef|secret/);
    expect(lines[1]).toMatchObject({ level: 50, err: { type: "Error" } });
  });

  it("keeps to LOG_LEVEL: Bolt cannot raise or lower it", () => {
    const { lines, bolt } = capture("warn");
    bolt.setLevel(LogLevel.DEBUG);
    bolt.info("chatty");
    bolt.debug("chattier");
    expect(lines).toEqual([]);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    expect(capture("silent").bolt.getLevel()).toBe(LogLevel.ERROR);
    expect(capture("trace").bolt.getLevel()).toBe(LogLevel.DEBUG);
  });

  it("redacts user, bot, app and refresh tokens alike", () => {
    for (const token of ["xoxb-1-2-x", "xoxp-1-2-x", "xapp-1-A-2-x", "xoxe-1-x", "xoxe.xoxp-1-x"]) {
      expect(redactTokens(`t=${token};`)).not.toContain("-x");
    }
  });
});
