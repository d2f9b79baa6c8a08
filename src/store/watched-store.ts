import type { Logger } from "../logger.ts";
import type { ScheduleStore } from "./schedule-store.ts";
import { StoreUnavailableError } from "./store-errors.ts";

// A store that remembers whether its last call worked, so a store that cannot be read is a
// visible state (/healthz, /onthisday-status) rather than only a line in the log. The log gets
// one line when the store goes bad and one when it comes back, not one per failed call.

export type StoreHealth =
  | { ok: true }
  | {
      ok: false;
      /** What went wrong, without the file's path: safe for /healthz and replies. */
      reason: string;
      /** When the first of the failures in a row happened, ISO 8601. */
      since: string;
    };

export interface WatchedStore {
  store: ScheduleStore;
  health(): StoreHealth;
}

const reasonOf = (error: unknown) =>
  error instanceof StoreUnavailableError
    ? error.reason
    : error instanceof Error
      ? error.message
      : String(error);

/** Wraps `store` so that every call's outcome updates health(). */
export function watchStore(
  store: ScheduleStore,
  logger: Logger,
  now: () => Date = () => new Date(),
): WatchedStore {
  let health: StoreHealth = { ok: true };
  const failed = (error: unknown) => {
    if (health.ok) {
      health = { ok: false, reason: reasonOf(error), since: now().toISOString() };
      logger.error({ err: error }, "schedule store unavailable");
    } else health = { ...health, reason: reasonOf(error) };
  };
  const worked = () => {
    if (health.ok) return;
    logger.info({ since: health.since }, "schedule store available again");
    health = { ok: true };
  };
  // A Proxy rather than a copy of each method, so a store written as a class works too.
  const watched = new Proxy(store, {
    get(target, name, receiver) {
      const member: unknown = Reflect.get(target, name, receiver);
      if (typeof member !== "function" || name === "close") return member;
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await member.apply(target, args);
          worked();
          return result;
        } catch (error) {
          failed(error);
          throw error;
        }
      };
    },
  });
  return { store: watched, health: () => health };
}
