// What scheduled posts need to remember, behind an interface small enough that a networked
// database could stand in for SQLite when several replicas share one schedule. Every method is
// asynchronous: a store that is locked or slow must cost its callers time, never the event loop
// that answers everyone else. A method that cannot reach the store rejects with
// StoreUnavailableError (store-errors.ts).

export type Platform = "discord" | "slack";

/** A channel on one platform: the key of a subscription. */
export interface ChannelRef {
  platform: Platform;
  channel: string;
}

/** A channel as one string, "platform:channel": for logs, maps and keys. */
export const channelKey = (ref: ChannelRef) => `${ref.platform}:${ref.channel}`;

export interface Subscription extends ChannelRef {
  /** Local wall-clock time of the daily post, "HH:MM". */
  time: string;
  /** IANA zone that time is read in. */
  timeZone: string;
  /** "config": from ONTHISDAY_CHANNELS, managed there rather than by command. */
  origin: "command" | "config";
  /** Who subscribed the channel (a platform user id), for command subscriptions. */
  by?: string;
  /** When it was made or last changed, ISO 8601. */
  since: string;
  /** Posts that failed in a row; reset by a success. */
  failures: number;
  /** Why posting stopped after repeated failures; subscribing again resumes it. */
  paused?: string;
}

/**
 * "sending": claimed, outcome not yet known. "unknown": a claim its process never settled (it
 * died mid-send); it is never resent, since the post may have gone out. The others are final.
 */
export type PostStatus = "sending" | "sent" | "failed" | "skipped" | "unknown";

/**
 * A claim still "sending" this long after it was made or last renewed has lost its process: a
 * live scheduler renews the claims it holds every RENEW_CLAIMS_MS, however long they wait in its
 * send queue (10,000 channels due at one minute queue for most of an hour), so only a process
 * that died leaves one this old.
 */
export const ORPHAN_AFTER_MS = 5 * 60_000;
/** How often a scheduler renews its claims: a few renewals fit in ORPHAN_AFTER_MS. */
export const RENEW_CLAIMS_MS = ORPHAN_AFTER_MS / 5;

export interface PostRecord extends ChannelRef {
  /** The channel's local date the post is for, YYYY-MM-DD. */
  localDate: string;
  status: PostStatus;
  /** When it was claimed or last settled, ISO 8601. */
  at: string;
  attempts: number;
  detail?: string;
}

/** One entry of the audit log: who subscribed, unsubscribed or paused a channel, and when. */
export interface ChannelChange extends ChannelRef {
  action: "subscribe" | "unsubscribe" | "pause";
  by: string;
  at: string;
  detail?: string;
}

/** Changes to subscriptions decided from those held, for ScheduleStore.update. */
export interface SubscriptionChanges {
  unsubscribe: readonly { ref: ChannelRef; by: string; at: Date }[];
  subscribe: readonly Omit<Subscription, "failures" | "paused">[];
}

/** Whether `changes` change nothing: a store need not take a write lock for them. */
export const isEmpty = (changes: SubscriptionChanges) =>
  changes.unsubscribe.length === 0 && changes.subscribe.length === 0;

export interface ScheduleStore {
  /** Adds or replaces a subscription (clearing its failures and pause) and logs who did it. */
  subscribe(subscription: Omit<Subscription, "failures" | "paused">): Promise<void>;
  /** Removes a subscription and logs who did it; false when there was none. */
  unsubscribe(ref: ChannelRef, by: string, at: Date): Promise<boolean>;
  /**
   * Reads every subscription and makes the changes `plan` decides from them, in one transaction:
   * other processes see all of them or none, and cannot change what `plan` read in between.
   */
  update(plan: (held: readonly Subscription[]) => SubscriptionChanges): Promise<void>;
  get(ref: ChannelRef): Promise<Subscription | undefined>;
  list(): Promise<Subscription[]>;
  /**
   * Claims the post for one channel and local date. Exactly one claimant ever gets true for a
   * key, across processes sharing the store: the claim is what makes a post happen at most once.
   * A `claimant` (one attempt at a post, unique to it) that asks again while its claim is still
   * being sent gets true again: over a network, a claim can be made and its answer lost.
   */
  claim(ref: ChannelRef, localDate: string, at: Date, claimant?: string): Promise<boolean>;
  /**
   * Gives a claim back, if it is still "sending": for a post that was never sent (the bot stopped
   * before its turn), so a restart within the grace window can make it. True when one was.
   */
  release(ref: ChannelRef, localDate: string): Promise<boolean>;
  /**
   * Marks the claims of these `claimant`s that are still "sending" as alive at `at` (their `at`
   * moves on), so settleOrphans takes only claims whose process stopped renewing them.
   */
  renew(claimants: readonly string[], at: Date): Promise<void>;
  /** Records how a claimed post ended. */
  settle(ref: ChannelRef, localDate: string, outcome: PostOutcome, at: Date): Promise<void>;
  /**
   * Marks claims made or last renewed before `claimedBefore` and still "sending" as "unknown",
   * and returns them: their process died between claim and settle.
   */
  settleOrphans(claimedBefore: Date, at: Date): Promise<PostRecord[]>;
  post(ref: ChannelRef, localDate: string): Promise<PostRecord | undefined>;
  /** The most recent post record of a channel, of any status. */
  lastPost(ref: ChannelRef): Promise<PostRecord | undefined>;
  /**
   * Counts a failed post; pauses the subscription with `reason` once `pauseAfter` fail in a row.
   * Given the post's `localDate`, a failure already counted for that date is not counted again:
   * over a network a count can be made and its answer lost, and the retry must not count twice.
   */
  recordFailure(
    ref: ChannelRef,
    reason: string,
    pauseAfter: number,
    at: Date,
    localDate?: string,
  ): Promise<Subscription | undefined>;
  recordSuccess(ref: ChannelRef): Promise<void>;
  changes(ref: ChannelRef): Promise<ChannelChange[]>;
  /**
   * Resolves when the store can be read and written now (for /readyz): takes the write lock and
   * reads, changing nothing. Rejects as any call would on a locked or broken store.
   */
  ping(): Promise<void>;
  /** Closes the file or the pool; calls after it reject. Closing twice is harmless. */
  close(): Promise<void>;
}

export interface PostOutcome {
  status: Exclude<PostStatus, "sending" | "unknown">;
  attempts: number;
  detail?: string;
}

/** A date as the post log keys it: the channel's local calendar date. */
export function isoDate(day: { year: number; month: number; day: number }): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}
