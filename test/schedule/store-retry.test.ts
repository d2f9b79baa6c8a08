import { describe, expect, it } from "vitest";
import { persist, type RetryClock } from "../../src/schedule/store-retry.ts";
import { StoreUnavailableError } from "../../src/store/store-errors.ts";
import { capturedLogger } from "../support/captured-logger.ts";

// A store step the scheduler cannot do without is tried again while the store fails, within the
// post's grace window, and never once the bot is stopping, unless it records a send's outcome.

function clock(stopAfterFirstFailure: boolean) {
  let t = Date.parse("2026-10-30T08:00:00Z");
  let stopping = false;
  const fake: RetryClock = {
    now: () => new Date(t),
    sleep: async (ms) => {
      t += ms;
      if (stopAfterFirstFailure) stopping = true;
    },
    stopping: () => stopping,
  };
  return fake;
}

/** As the store rejects: StoreUnavailableError, locked (busy) or broken. */
const failingTwice = (busy = true) => {
  let calls = 0;
  const step = async () => {
    calls += 1;
    const reason = busy ? "locked by another connection" : "database disk image is malformed";
    if (calls <= 2) throw new StoreUnavailableError("/state/barents.sqlite", reason, busy);
    return "done";
  };
  return { step, calls: () => calls };
};

describe("persist", () => {
  it("tries again until the step works, warning once and then quietly", async () => {
    const { logger, lines } = capturedLogger("debug");
    const { step, calls } = failingTwice();
    const deadline = Date.parse("2026-10-30T09:00:00Z");
    expect(await persist("claiming the post", step, deadline, clock(false), logger)).toEqual({
      value: "done",
    });
    expect(calls()).toBe(3);
    const tries = lines.filter((l) => l.msg === "claiming the post failed; trying again");
    expect(tries.map((l) => l.level)).toEqual([40, 20]);
  });

  it("gives up, with an error logged, when the next try would come after the deadline", async () => {
    const { logger, lines } = capturedLogger("debug");
    const { step, calls } = failingTwice();
    const deadline = Date.parse("2026-10-30T08:00:00.500Z");
    expect(
      await persist("claiming the post", step, deadline, clock(false), logger),
    ).toBeUndefined();
    expect(calls()).toBe(1);
    expect(lines.some((l) => l.level === 50)).toBe(true);
  });

  it("makes no further try once the bot is stopping", async () => {
    const { logger } = capturedLogger("debug");
    const { step, calls } = failingTwice();
    const deadline = Date.parse("2026-10-30T09:00:00Z");
    expect(await persist("claiming the post", step, deadline, clock(true), logger)).toBeUndefined();
    expect(calls()).toBe(1);
  });

  it("still records a send's outcome while stopping, when asked to", async () => {
    const { logger } = capturedLogger("debug");
    const { step, calls } = failingTwice();
    const deadline = Date.parse("2026-10-30T09:00:00Z");
    const recorded = await persist("recording", step, deadline, clock(true), logger, true);
    expect(recorded).toEqual({ value: "done" });
    expect(calls()).toBe(3);
  });

  it("gives a broken store up at once while stopping, even when recording an outcome", async () => {
    // The scheduler's waits end at once while it stops, so retrying a store that fails without
    // waiting (a damaged file) was a loop of promises alone: it starved every timer, the
    // shutdown limit's too, and SIGTERM never ended the process.
    const { logger, lines } = capturedLogger("debug");
    const { step, calls } = failingTwice(false);
    const deadline = Date.parse("2026-10-30T09:00:00Z");
    const recorded = await persist("recording", step, deadline, clock(true), logger, true);
    expect(recorded).toBeUndefined();
    expect(calls()).toBe(2);
    expect(lines.at(-1)).toMatchObject({
      level: 50,
      msg: "recording failed and the bot is stopping, and the store is broken rather than locked; given up",
    });
  });
});
