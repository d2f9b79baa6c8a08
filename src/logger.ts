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

/** pino's level number for warn: lines at or above it are written at once. */
const WARN = 40;

/**
 * Lines for `write`, gathered over one turn of the event loop and written together at its end,
 * save warnings and worse, which go out at once (after what is waiting, to keep the order), as
 * does everything waiting when the process exits.
 *
 * Why: a Discord HTTP request's one info line ("command answered") was one write(2) to stderr
 * each, a tenth of a request's time at load (issue 15, --cpu-prof). Gathered, the requests
 * answered in one turn share one write. pino's own asynchronous destination
 * (pino.destination({ sync: false }), on sonic-boom) would do the same on a worker thread, but
 * it fsyncs at exit (sonic-boom's flushSync), which cost `ask` 90 ms of its half second when
 * stderr was a file. The loss is what pino's docs give for theirs: lines of the turn under way
 * when the process is killed outright (SIGKILL, a crash of Node itself); on process.exit() and
 * on an uncaught exception Node still emits 'exit', and a fatal line is written before either.
 * Reads the level from pino's stream metadata (Symbol.for("pino.metadata"), as pino's own
 * multistream does).
 */
export function batchedLines(write: (text: string) => void): pino.DestinationStream & {
  flush(): void;
  lastLevel?: number;
} {
  let waiting = "";
  const flush = () => {
    if (!waiting) return;
    const text = waiting;
    waiting = "";
    write(text);
  };
  process.on("exit", flush);
  return {
    [Symbol.for("pino.metadata")]: true,
    flush,
    write(line: string) {
      if (!waiting) setImmediate(flush);
      waiting += line;
      if ((this.lastLevel ?? WARN) >= WARN) flush();
    },
  };
}

let stderr: pino.DestinationStream | undefined;

/**
 * Lines go to process.stderr, which Node writes synchronously to files and pipes on Linux,
 * gathered as batchedLines says; every logger of the process shares one batch, so lines stay in
 * order.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  stderr ??= batchedLines((text) => process.stderr.write(text));
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } }, destination ?? stderr);
}
