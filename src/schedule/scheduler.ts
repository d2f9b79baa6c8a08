import { createHash } from "node:crypto";
import { Cron } from "croner";
import { calendarDay } from "../core/calendar-day.ts";
import type { EventIndex } from "../core/event-index.ts";
import type { Logger } from "../logger.ts";
import type { Reply } from "../reply/reply.ts";
import {
  type ChannelRef,
  isoDate,
  ORPHAN_AFTER_MS,
  type Platform,
  type PostOutcome,
  type ScheduleStore,
  type Subscription,
} from "../store/schedule-store.ts";
import { catchUp, reportOrphans } from "./catch-up.ts";
import { dailyJob } from "./daily-job.ts";
import { dailyNote, type EmptyDayPolicy } from "./daily-note.ts";
import { persist, type RetryClock } from "./store-retry.ts";

// Posts each subscription's daily note at its local time, one croner job per subscription
// (daily-job.ts keeps the clock).
//
// The guarantee: at most one post per channel and local date, and exactly one when the platform
// accepts it within the retries. The post log's key (platform, channel, local date) is claimed
// before anything is sent, so a second scheduler, a restart or a catch-up finds the claim and
// stands aside. Retries happen only inside the claim: Discord's carry the same nonce with
// enforce_nonce, so Discord drops a repeat of a send that in fact arrived; Slack has no such key,
// so its poster retries only where Slack said no. A process that dies between claim and send
// leaves that day "sending": the day is lost rather than risk posting it twice, and the next
// start-up reports it and marks it "unknown".
//
// The store can fail too (locked, unreadable). Nothing here lets that stop the process: every
// timer callback catches and logs, and a store step that fails is tried again, with backoff,
// until the post's grace window (ONTHISDAY_GRACE) closes; then it is logged as not made.

/** Sends one scheduled post; throws PostFailure when it did not go out. */
export interface Poster {
  /** `nonce` is the same for every attempt at one post (Discord dedupes on it). */
  post(channel: string, reply: Reply, nonce: string): Promise<void>;
}

/** A send that failed, as the platform's adapter judges it. */
export class PostFailure extends Error {
  override name = "PostFailure";
  /** Whether another attempt could succeed and cannot duplicate the post. */
  readonly retry: boolean;
  /** How long the platform asked us to wait first (a rate limit's Retry-After). */
  readonly afterMs: number;
  constructor(message: string, retry: boolean, afterMs = 0) {
    super(message);
    this.retry = retry;
    this.afterMs = afterMs;
  }
}

export interface SchedulerOptions {
  store: ScheduleStore;
  index: EventIndex;
  posters: Partial<Record<Platform, Poster>>;
  logger: Logger;
  /** ONTHISDAY_GRACE: how late a missed post may still be made at start-up. */
  graceMs: number;
  empty: EmptyDayPolicy;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per post, counting the first. */
  attempts?: number;
  /** The first retry's delay; each further one waits four times longer. */
  backoffMs?: number;
  /** Failed posts in a row after which a subscription is paused. */
  pauseAfter?: number;
  /** The gap between two sends, so a busy minute does not burst at the platforms. */
  spacingMs?: number;
}

const key = (ref: ChannelRef) => `${ref.platform}:${ref.channel}`;

/** However late the send ended, its outcome gets this long to reach the store. */
const SETTLE_PATIENCE_MS = 10 * 60_000;

/** The same for every attempt and every process: what lets Discord drop a duplicate. */
export function postNonce(ref: ChannelRef, localDate: string): string {
  // Discord takes at most 25 characters.
  return createHash("sha256")
    .update(`${key(ref)}:${localDate}`)
    .digest("base64url")
    .slice(0, 25);
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class Scheduler {
  private readonly jobs = new Map<string, { job: Cron; signature: string }>();
  private resync: Cron | undefined;
  private orphanCheck: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  private stopped = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: RetryClock;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.clock = { now: this.now, sleep: this.sleep, stopping: () => this.stopped };
  }

  /**
   * Reports orphaned claims, schedules every subscription and re-reads the store each minute.
   * The returned promise is the start-up work and catch-up of missed posts, which need not hold
   * up start-up: stop() waits for it anyway. It never rejects.
   */
  start(): Promise<void> {
    // Another replica may subscribe a channel; the store is the truth, read again each minute.
    this.resync = new Cron("* * * * *", { unref: true }, () => void this.sync());
    return this.track(this.startUp());
  }

  private async startUp(): Promise<void> {
    const { store, logger, graceMs } = this.options;
    await reportOrphans(store, this.now(), logger);
    // A supervisor restarts a killed process within seconds, before its last claim looks old:
    // looked at again once it would, so that claim is reported too, once.
    this.orphanCheck = setTimeout(
      () => void this.track(reportOrphans(store, this.now(), logger)),
      ORPHAN_AFTER_MS,
    );
    this.orphanCheck.unref();
    await this.sync();
    await catchUp({ store, logger, graceMs, clock: this.clock }, (subscription, due) =>
      this.track(this.postToday(subscription, due)),
    );
  }

  /**
   * Brings the jobs in line with the store: new ones scheduled, changed ones moved, gone ones
   * stopped. Never rejects: a store that cannot be read is logged and the jobs stay as they were.
   * Calls made while one runs are folded into one more run after it.
   */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    const running = (async () => {
      do {
        this.syncAgain = false;
        await this.syncOnce();
      } while (this.syncAgain && !this.stopped);
    })().finally(() => {
      this.syncing = undefined;
    });
    this.syncing = running;
    return running;
  }

  private async syncOnce(): Promise<void> {
    let subscriptions: Subscription[];
    try {
      subscriptions = await this.options.store.list();
    } catch (error) {
      this.options.logger.error(
        { err: error },
        "could not re-read the schedule; keeping the jobs as they were",
      );
      return;
    }
    if (this.stopped) return;
    const wanted = new Map(subscriptions.filter((s) => !s.paused).map((s) => [key(s), s] as const));
    for (const [id, entry] of this.jobs) {
      const subscription = wanted.get(id);
      if (!subscription || entry.signature !== `${subscription.time} ${subscription.timeZone}`) {
        entry.job.stop();
        this.jobs.delete(id);
      }
    }
    for (const [id, subscription] of wanted) {
      if (this.jobs.has(id)) continue;
      const ref = { platform: subscription.platform, channel: subscription.channel };
      const job = dailyJob(subscription, () => void this.track(this.postToday(ref)));
      this.jobs.set(id, { job, signature: `${subscription.time} ${subscription.timeZone}` });
    }
  }

  /**
   * Claims, renders and sends the post due at `due` (by default now) for one channel; does
   * nothing if it is claimed. Never rejects: a store that fails is retried within the grace
   * window, then the post is logged as not made.
   */
  async postToday(ref: ChannelRef, due = this.now()): Promise<void> {
    const { store, logger } = this.options;
    let log = logger.child({ channel: key(ref) });
    // Store steps before the send may be retried until the grace window closes.
    const deadline = due.getTime() + this.options.graceMs;
    const before = <T>(what: string, step: () => Promise<T>) =>
      persist(what, step, deadline, this.clock, log);
    const subscription = (await before("reading the subscription", () => store.get(ref)))?.value;
    if (!subscription || subscription.paused) return;
    const day = calendarDay(due, subscription.timeZone);
    const date = isoDate(day);
    log = log.child({ date });
    const poster = this.options.posters[ref.platform];
    if (!poster) {
      log.warn("no way to post to this platform in this process; leaving it to another");
      return;
    }
    const claimed = await before("claiming the post", () => store.claim(ref, date, this.now()));
    if (!claimed?.value) {
      if (claimed) log.debug("already claimed");
      return;
    }
    const note = dailyNote(this.options.index, day, this.options.empty);
    const outcome: PostOutcome = note
      ? await this.deliver(poster, ref, note, postNonce(ref, date))
      : { status: "skipped", attempts: 0, detail: "nothing recorded for this day" };
    // The outcome is worth recording however late the send ended.
    const until = Math.max(deadline, this.now().getTime() + SETTLE_PATIENCE_MS);
    const settle = <T>(what: string, step: () => Promise<T>) =>
      persist(what, step, until, this.clock, log);
    await settle("recording the outcome", () => store.settle(ref, date, outcome, this.now()));
    if (outcome.status === "sent") {
      await settle("resetting the failure count", () => store.recordSuccess(ref));
      log.info({ attempts: outcome.attempts }, "posted");
    } else if (outcome.status === "failed") {
      const counted = await settle("counting the failure", () =>
        store.recordFailure(
          ref,
          outcome.detail ?? "failed",
          this.options.pauseAfter ?? 3,
          this.now(),
        ),
      );
      const after = counted?.value;
      log.warn({ attempts: outcome.attempts, reason: outcome.detail }, "post failed");
      if (after?.paused)
        log.warn({ reason: after.paused, failures: after.failures }, "subscription paused");
    } else log.info({ reason: outcome.detail }, "nothing to post");
  }

  /** Sends with retries and backoff; every attempt waits its turn behind other channels' sends. */
  private async deliver(
    poster: Poster,
    ref: ChannelRef,
    note: Reply,
    nonce: string,
  ): Promise<PostOutcome> {
    const attempts = this.options.attempts ?? 3;
    const backoff = this.options.backoffMs ?? 2000;
    let last = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.turn(() => poster.post(ref.channel, note, nonce));
        return { status: "sent", attempts: attempt };
      } catch (error) {
        last = describe(error);
        const failure = error instanceof PostFailure ? error : undefined;
        if (!failure?.retry || attempt === attempts)
          return { status: "failed", attempts: attempt, detail: last };
        await this.sleep(Math.max(backoff * 4 ** (attempt - 1), failure.afterMs));
      }
    }
    return { status: "failed", attempts, detail: last };
  }

  private turn<T>(send: () => Promise<T>): Promise<T> {
    const sent = this.queue.then(send);
    const gap = () => this.sleep(this.options.spacingMs ?? 1000);
    this.queue = sent.then(gap, gap);
    return sent;
  }

  private track(work: Promise<void>): Promise<void> {
    const guarded = work.catch((error: unknown) => {
      this.options.logger.error({ err: error }, "scheduled post failed");
    });
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
    return guarded;
  }

  /** Stops every job and waits for posts already under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.resync?.stop();
    clearTimeout(this.orphanCheck);
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    await Promise.all(this.running);
  }
}
