import { messageOf } from "../error-message.ts";
import { isBusy, StoreUnavailableError } from "./store-errors.ts";

// better-sqlite3 runs every statement on the main thread, so a lock held by another connection
// would stall every request while SQLite's busy handler waits. Instead SQLite waits only a few
// milliseconds (busy_timeout), and a statement that still finds the lock is retried here after
// an asynchronous pause, with backoff: the event loop runs between attempts, so commands that
// never touch the store are not held up by it. (A worker thread would also free the loop, but
// costs a message round trip per call and a second copy of the statements, for no gain in
// the one-process case; issue 16 puts PostgreSQL behind the same async interface.)

export interface BusyRetry {
  /** The store's file, for error messages. */
  path: string;
  /** How long in all to keep trying a locked store before giving up. */
  waitMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** The first pause after a busy statement; each next one doubles, up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 250;

/**
 * Runs a synchronous store operation, retrying it while the store is locked. Every failure
 * becomes a StoreUnavailableError naming the store's file.
 */
export async function withBusyRetry<T>(work: () => T, retry: BusyRetry): Promise<T> {
  let waited = 0;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) {
        throw new StoreUnavailableError(retry.path, messageOf(error), false, error);
      }
      if (waited >= retry.waitMs) {
        const seconds = Math.round(waited / 100) / 10;
        throw new StoreUnavailableError(
          retry.path,
          `locked by another connection (still busy after ${seconds} s)`,
          true,
          error,
        );
      }
      await retry.sleep(pause);
      waited += pause;
    }
  }
}
