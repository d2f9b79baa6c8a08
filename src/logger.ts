import { pino } from "pino";

/** Structured logs on stderr, so that stdout carries only replies. */
export type Logger = pino.Logger;

// Any field that could carry a credential is censored before a log line is written.
const REDACT = [
  "token",
  "*.token",
  "*.*.token",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "*.*.authorization",
  "*.headers.Authorization",
  "botToken",
  "appToken",
  "signingSecret",
  "*.botToken",
  "*.appToken",
  "*.signingSecret",
];

/**
 * Lines go to process.stderr, which Node writes synchronously to files and pipes on Linux, as
 * pino.destination(2) would; but pino.destination flushes with an fsync at exit, which cost
 * `ask` 90 ms of its half second when stderr was a file (measured with --cpu-prof).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = process.stderr,
): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } }, destination);
}
