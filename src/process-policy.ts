import type { Logger } from "./logger.ts";

// What the bot process does with a failure nothing caught (issue 14, fault 2).
//
// An unhandled rejection is logged at error, with its stack (it is a bug of ours or of a
// library, never a user's mistake), and the process stays up. Every request, timer and job runs
// in a promise of its own, so one that rejects with nobody listening has failed alone: the state
// other requests share was not half-changed by it. Exiting instead, Node's default, let one
// signed request (a Slack body of `null`, through Bolt's unawaited HTTPReceiver closure) take
// Discord, Slack, /healthz and the daily posts down together, as often as it was sent.
//
// An uncaught exception is logged at fatal and the process exits 1, for its supervisor
// (systemd, a container runtime) to start a fresh one. A synchronous throw that reached the top
// unwound through code part-way through a change, and Node's documentation says it is not safe to
// resume after 'uncaughtException'. A restart loses nothing owed: the store's post log keeps each
// day's post to exactly one send, and Slack and Discord retry or re-ask what went unanswered.

/** Installs the policy above on this process; `exit` is injected by tests. */
export function installProcessPolicy(
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection; the process stays up");
  });
  process.on("uncaughtException", (error, origin) => {
    // pino writes to stderr synchronously (pino.destination's default), so the line is out
    // before the exit.
    logger.fatal({ err: error, origin }, "uncaught exception; exiting for a restart");
    exit(1);
  });
}
