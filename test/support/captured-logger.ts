import { createLogger, type Logger } from "../../src/logger.ts";

/** A logger whose lines a test can read back, parsed. */
export function capturedLogger(level = "info"): {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
  raw: string[];
} {
  const raw: string[] = [];
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(level, {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  return { logger, lines, raw };
}
