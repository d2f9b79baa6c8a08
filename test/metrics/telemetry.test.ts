import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/metrics/registry.ts";
import { createTelemetry } from "../../src/metrics/telemetry.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { parseExposition, sampleValue } from "../support/prometheus.ts";

// One line per answered command, the same on every platform; what people typed only at debug.

const answered = {
  platform: "slack" as const,
  command: "who",
  outcome: "answer" as const,
  ms: 3.2,
  id: "13345224609.738474920.8088930838d88f008e0",
  options: { name: "Anniken Huitfeldt" },
};

describe("the per-command log line", () => {
  it("says platform, command, outcome, milliseconds and id at info, without the option values", () => {
    const { logger, lines, raw } = capturedLogger("info");
    createTelemetry(logger).answered(answered);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "command answered",
      platform: "slack",
      command: "who",
      outcome: "answer",
      ms: 3.2,
      id: answered.id,
    });
    expect(lines[0]).not.toHaveProperty("options");
    expect(raw.join("")).not.toContain("Huitfeldt");
  });

  it("adds the option values when debug is on, still as the one line", () => {
    const { logger, lines } = capturedLogger("debug");
    createTelemetry(logger).answered(answered);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: "command answered",
        options: { name: "Anniken Huitfeldt" },
      }),
    ]);
  });

  it("counts the answer when metrics are on, and logs nothing for autocomplete", async () => {
    const { logger, lines } = capturedLogger("debug");
    const metrics = createMetrics({ processMetrics: false });
    const telemetry = createTelemetry(logger, metrics);
    telemetry.answered(answered);
    telemetry.autocompleted({ platform: "discord", command: "who", ms: 1 });
    const seen = parseExposition(await metrics.text());
    expect(
      sampleValue(seen, "barents_replies_total", {
        platform: "slack",
        command: "who",
        outcome: "answer",
      }),
    ).toBe(1);
    expect(
      sampleValue(seen, "barents_autocomplete_total", { platform: "discord", command: "who" }),
    ).toBe(1);
    expect(lines.map((l) => l.msg)).toEqual(["command answered"]);
  });
});
