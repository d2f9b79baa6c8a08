import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.ts";

// Bolt, its WebClient and its Socket Mode client all log through this, so their lines land in
// our structured log at our LOG_LEVEL instead of on stdout. Anything shaped like a Slack token
// is blanked first: Bolt's debug lines include request headers and payloads.

const TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
const BEARER = /\bBearer\s+\S+/gi;

/** The text with anything that looks like a Slack token or a bearer credential blanked. */
export function redactTokens(text: string): string {
  return text.replace(BEARER, "Bearer [redacted]").replace(TOKEN, "[redacted]");
}

function describe(part: unknown): string {
  if (typeof part === "string") return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/**
 * A redacted copy of an error. It keeps the error's class, so the log still names it
 * (WebAPIPlatformError), but only its message, stack and code: fields such as a failed
 * request's `data` could carry what was sent.
 */
function redactError(error: Error): Error {
  const code = (error as { code?: unknown }).code;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  return Object.assign(copy, {
    message: redactTokens(error.message),
    stack: error.stack && redactTokens(error.stack),
    ...(typeof code === "string" ? { code } : {}),
  });
}

const TO_BOLT: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** A Bolt logger writing into `logger` (pino). LOG_LEVEL rules: Bolt's setLevel is ignored. */
export function boltLogger(logger: Logger): BoltLogger {
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      if (!logger.isLevelEnabled(level)) return;
      const error = parts.find((p): p is Error => p instanceof Error);
      const message = redactTokens(parts.map(describe).join(" "));
      logger[level](error ? { err: redactError(error) } : {}, message);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // Bolt calls setLevel(INFO) on any logger it is given; the operator's LOG_LEVEL wins.
    setLevel: () => {},
    getLevel: () => TO_BOLT[logger.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
