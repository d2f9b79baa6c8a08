import type { Answered, Autocompleted, Telemetry } from "../command/answered.ts";
import type { Logger } from "../logger.ts";

// The one line per answered command, and the metrics when they are on. Option values are what
// people typed (names, search words), so they join the line only when debug is on.

/** The part of the metrics (registry.ts) that counts replies; absent when metrics are off. */
export interface ReplyCounters {
  answered(answered: Answered): void;
  autocompleted(autocompleted: Autocompleted): void;
}

export function createTelemetry(logger: Logger, counters?: ReplyCounters): Telemetry {
  return {
    answered(answered) {
      counters?.answered(answered);
      const { options, ...line } = answered;
      if (options !== undefined && logger.isLevelEnabled("debug"))
        logger.info({ ...line, options }, "command answered");
      else logger.info(line, "command answered");
    },
    autocompleted(autocompleted) {
      counters?.autocompleted(autocompleted);
    },
  };
}
