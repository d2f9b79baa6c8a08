import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import {
  type Answered,
  commandLabel,
  outcomeOf,
  reported,
  type Telemetry,
} from "../../src/command/answered.ts";
import { reply } from "../../src/reply/reply.ts";

// What every adapter reports about an answer: the same shape, with a command name that is
// always a declared one, so neither a log field nor a metric label grows with what people type.

function recording(): { telemetry: Telemetry; seen: Answered[] } {
  const seen: Answered[] = [];
  return { seen, telemetry: { answered: (a) => void seen.push(a), autocompleted: () => {} } };
}

const arrival = {
  platform: "discord" as const,
  start: performance.now(),
  id: "1",
  commands: COMMANDS,
};

describe("commandLabel", () => {
  it("names declared commands, whatever the case or slash, and nothing else", () => {
    expect(commandLabel(COMMANDS, "/WHO")).toBe("who");
    expect(commandLabel(COMMANDS, "onthisday-subscribe")).toBe("onthisday-subscribe");
    expect(commandLabel(COMMANDS, "frobnicate")).toBe("unknown");
    expect(commandLabel(COMMANDS, "x".repeat(5000))).toBe("unknown");
    expect(commandLabel(COMMANDS, undefined)).toBe("unknown");
    expect(commandLabel(COMMANDS, { name: "who" })).toBe("unknown");
  });
});

describe("outcomeOf", () => {
  it("maps each kind of reply, and a missing one, to an outcome", () => {
    expect(outcomeOf(reply("answer", "a"))).toBe("answer");
    expect(outcomeOf(reply("empty", "a"))).toBe("empty");
    expect(outcomeOf(reply("usage", "a"))).toBe("usage_error");
    expect(outcomeOf(reply("error", "a"))).toBe("failure");
    expect(outcomeOf(undefined)).toBe("failure");
  });
});

describe("reported", () => {
  it("reports a reply that cannot be drawn as a failure, and throws on", async () => {
    const { telemetry, seen } = recording();
    const call = { command: "who", options: {} };
    const draw = () => {
      throw new Error("too long for any message");
    };
    await expect(
      reported(telemetry, arrival, call, () => reply("answer", "A"), draw),
    ).rejects.toThrow("too long");
    expect(seen).toEqual([expect.objectContaining({ command: "who", outcome: "failure" })]);
  });

  it("reports a call's answer with its command, options and id", async () => {
    const { telemetry, seen } = recording();
    const call = { command: "who", options: { name: "huitfeldt" } };
    const made = await reported(
      telemetry,
      arrival,
      call,
      () => reply("answer", "Anniken"),
      (r) => r.title.length,
    );
    expect(made).toEqual({ reply: reply("answer", "Anniken"), rendered: 7 });
    expect(seen).toEqual([
      {
        platform: "discord",
        command: "who",
        outcome: "answer",
        ms: expect.any(Number),
        id: "1",
        options: { name: "huitfeldt" },
      },
    ]);
  });

  it("reports input that could not be read as an unknown command's usage error", async () => {
    const { telemetry, seen } = recording();
    const unreadable = reply("usage", "A quote is opened but never closed.");
    await reported(telemetry, arrival, unreadable, () => unreadable, String);
    expect(seen).toEqual([expect.objectContaining({ command: "unknown", outcome: "usage_error" })]);
    expect(seen[0]).not.toHaveProperty("options");
  });

  it("reports a throw as a failure and throws it on", async () => {
    const { telemetry, seen } = recording();
    const call = { command: "timeline", options: {} };
    await expect(
      reported(telemetry, arrival, call, async () => Promise.reject(new Error("no store")), String),
    ).rejects.toThrow("no store");
    expect(seen).toEqual([expect.objectContaining({ command: "timeline", outcome: "failure" })]);
  });
});
