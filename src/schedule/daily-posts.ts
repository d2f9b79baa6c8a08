import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Started } from "../startup.ts";
import { openStore } from "../store/open-store.ts";
import {
  type ChannelRef,
  channelKey,
  type Platform,
  type ScheduleStore,
  type Subscription,
  type SubscriptionChanges,
} from "../store/schedule-store.ts";
import { type StoreHealth, watchStore } from "../store/watched-store.ts";
import type { Poster } from "./delivery.ts";
import type { ScheduleDesk } from "./desk.ts";
import { Scheduler, type SchedulerOptions } from "./scheduler.ts";

// Daily posts for a running bot: the store STORE_URL names (SQLite under STATE_DIR unless it
// names another), the channels ONTHISDAY_CHANNELS names, the desk the subscription commands use,
// and (unless SCHEDULER=off) the scheduler. The desk is ready before the platforms start, so
// their commands can subscribe; the scheduler starts once the platforms can post.

/** Who the audit log names for changes made from configuration. */
const CONFIG = "ONTHISDAY_CHANNELS";

type ScheduleConfig = Pick<
  Config,
  | "STATE_DIR"
  | "STORE_URL"
  | "SCHEDULER"
  | "ONTHISDAY_CHANNELS"
  | "ONTHISDAY_TIME"
  | "ONTHISDAY_GRACE"
  | "ONTHISDAY_EMPTY"
  | "BOT_TIMEZONE"
> &
  Partial<Pick<Config, "SHUTDOWN_LIMIT">>;

/**
 * Makes the store hold exactly the configured channels as "config" subscriptions: new ones
 * added, changed times moved, paused ones resumed (a restart is how an operator says the
 * problem is fixed), and ones no longer listed removed. Command subscriptions are left alone
 * unless the configuration names their channel, which then takes it over.
 */
export async function applyConfiguredChannels(
  store: ScheduleStore,
  channels: readonly ChannelRef[],
  timing: { time: string; timeZone: string },
  now: Date,
): Promise<void> {
  // One transaction, so replicas starting together with the same configuration take turns and
  // the later ones find nothing to change, rather than interleaving half-applied writes.
  await store.update((held) => configuredChanges(held, channels, timing, now));
}

/** What applyConfiguredChannels changes, decided from the subscriptions held. */
function configuredChanges(
  held: readonly Subscription[],
  channels: readonly ChannelRef[],
  timing: { time: string; timeZone: string },
  now: Date,
): SubscriptionChanges {
  const named = new Set(channels.map(channelKey));
  const byKey = new Map(held.map((sub) => [channelKey(sub), sub]));
  const unsubscribe = held
    .filter((sub) => sub.origin === "config" && !named.has(channelKey(sub)))
    .map((ref) => ({ ref: { platform: ref.platform, channel: ref.channel }, by: CONFIG, at: now }));
  const subscribe = channels
    .filter((ref) => {
      const sub = byKey.get(channelKey(ref));
      const same =
        sub?.origin === "config" &&
        sub.time === timing.time &&
        sub.timeZone === timing.timeZone &&
        !sub.paused;
      return !same;
    })
    .map((ref) => ({
      platform: ref.platform,
      channel: ref.channel,
      ...timing,
      origin: "config" as const,
      by: CONFIG,
      since: now.toISOString(),
    }));
  return { unsubscribe, subscribe };
}

export interface DailyPosts {
  desk: ScheduleDesk;
  /** Whether the schedule store answered its last call; /healthz reports it. */
  health(): StoreHealth;
  /**
   * Starts the scheduler with the platforms' posters; does nothing when SCHEDULER=off. Missed
   * posts are caught up in the background.
   */
  start(posters: Partial<Record<Platform, Poster>>): void;
  /**
   * Begins the scheduler's stop: it claims nothing more, and posts under way get SHUTDOWN_LIMIT
   * from now. Called as shutdown begins, beside the HTTP server's close, not after it.
   */
  halt(): Promise<void>;
  /** Waits for halt() (calling it if nobody has) and closes the store. */
  stop(): Promise<void>;
}

export type DailyPostsOptions = Pick<
  SchedulerOptions,
  "now" | "sleep" | "spacingMs" | "backoffMs" | "onPost"
> & {
  /** How long a store call keeps retrying a locked store (sqlite-store.ts). */
  busyWaitMs?: number;
};

/**
 * Opens the store and readies the desk; `platforms` are those this process can post to.
 * Rejects, naming the file, when the store cannot be opened or is not a Barents store: a bot
 * that started without its schedule would silently post nothing.
 */
export async function openDailyPosts(
  started: Pick<Started, "ctx"> & { config: ScheduleConfig; logger: Logger },
  platforms: ReadonlySet<Platform>,
  options: DailyPostsOptions = {},
): Promise<DailyPosts> {
  const { config, ctx } = started;
  const logger = started.logger.child({ part: "schedule" });
  const now = options.now ?? (() => new Date());
  const opened = await openStore(config, {
    ...(options.busyWaitMs === undefined ? {} : { busyWaitMs: options.busyWaitMs }),
    onConnectionLost: (error) => logger.warn({ err: error }, "schedule store connection lost"),
  });
  const { store, health } = watchStore(opened.store, logger, now);
  const defaults = { time: config.ONTHISDAY_TIME, timeZone: config.BOT_TIMEZONE };
  let scheduler: Scheduler | undefined;
  let halted: Promise<void> | undefined;
  const halt = () => {
    halted ??= scheduler?.stop(config.SHUTDOWN_LIMIT) ?? Promise.resolve();
    return halted;
  };
  try {
    await applyConfiguredChannels(store, config.ONTHISDAY_CHANNELS, defaults, now());
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    desk: { store, platforms, defaults, changed: () => void scheduler?.sync() },
    health,
    start(posters) {
      if (config.SCHEDULER === "off") {
        logger.info("scheduler off (SCHEDULER=off): another process posts");
        return;
      }
      scheduler = new Scheduler({
        ...options,
        store,
        index: ctx.index,
        posters,
        logger,
        graceMs: config.ONTHISDAY_GRACE,
        empty: config.ONTHISDAY_EMPTY,
      });
      void scheduler.start();
      logger.info({ store: opened.shown }, "scheduler on");
    },
    halt,
    async stop() {
      await halt();
      await store.close();
    },
  };
}
