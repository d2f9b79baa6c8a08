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

export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } }, destination);
}
