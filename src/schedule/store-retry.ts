import { messageOf } from "../error-message.ts";
import type { Logger } from "../logger.ts";
import { isBusy, StoreUnavailableError } from "../store/store-errors.ts";

// A store step the scheduler cannot do without (reading a subscription, claiming, recording an
// outcome) is tried again while the store is locked or failing, as long as the post's grace
// window is open: a store that comes back in time costs a late post, not a lost one.

/** Whether a store failure may pass by itself: the lock another connection holds. */
function mayPass(error: unknown): boolean {
  return error instanceof StoreUnavailableError ? error.busy : isBusy(error);
}

/** Waits between tries: growing, so a store that is down for hours is not hammered. */
const WAITS_MS = [1000, 2000, 5000, 15_000, 60_000];

export interface RetryClock {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** True once the scheduler is stopping: shutdown does not wait on a store. */
  stopping: () => boolean;
}

/**
 * Runs `step`, trying again while it fails and the next try would come before `deadline`.
 * Undefined, with an error logged, when it never worked in time; never rejects. Once the
 * scheduler is stopping no further try is made, unless `evenWhenStopping` and the store is only
 * locked (recording how a send ended is worth waiting for a lock; claiming a post that can no
 * longer be sent is not).
 */
export async function persist<T>(
  what: string,
  step: () => Promise<T>,
  deadline: number,
  clock: RetryClock,
  log: Logger,
  evenWhenStopping = false,
): Promise<{ value: T } | undefined> {
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0 && clock.stopping() && !evenWhenStopping) {
      log.info(`${what}: given up, the bot is stopping`);
      return undefined;
    }
    try {
      return { value: await step() };
    } catch (error) {
      const wait = WAITS_MS[Math.min(attempt, WAITS_MS.length - 1)] ?? 60_000;
      // While stopping, only a locked store is worth another try: a broken one will not mend
      // before the process ends, and with the scheduler's waits cut short by the stop, retrying
      // it was a loop of promises alone, which starved every timer, the shutdown limit's too.
      const stopHere = clock.stopping() && !(evenWhenStopping && mayPass(error));
      if (stopHere || clock.now().getTime() + wait > deadline) {
        const why = stopHere
          ? "the bot is stopping, and the store is broken rather than locked"
          : "the schedule store did not recover within ONTHISDAY_GRACE";
        log.error({ err: error }, `${what} failed and ${why}; given up`);
        return undefined;
      }
      // Warned once; a store down for hours would otherwise log each post every minute, and
      // watchStore's went-bad and came-back lines already carry the state.
      (attempt === 0 ? log.warn : log.debug).call(
        log,
        { reason: messageOf(error), retryInMs: wait },
        `${what} failed; trying again`,
      );
      await clock.sleep(wait);
    }
  }
}
