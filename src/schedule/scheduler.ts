import { createHash } from "node:crypto";
import { setTimeout as sleepFor } from "node:timers/promises";
import { Cron } from "croner";
import { calendarDay } from "../core/calendar-day.ts";
import type { EventIndex } from "../core/event-index.ts";
import type { Logger } from "../logger.ts";
import type { Reply } from "../reply/reply.ts";
import {
  type ChannelRef,
  isoDate,
  type Platform,
  type PostOutcome,
  type ScheduleStore,
  type Subscription,
} from "../store/schedule-store.ts";
import { dailyJob, lastDue } from "./daily-job.ts";
import { dailyNote, type EmptyDayPolicy } from "./daily-note.ts";
import { abortableWait, SendQueue, Stopped } from "./send-queue.ts";

// Posts each subscription's daily note at its local time, one croner job per subscription
// (daily-job.ts keeps the clock).
//
// The guarantee: at most one post per channel and local date, and exactly one when the platform
// accepts it within the retries. The post log's key (platform, channel, local date) is claimed
// before anything is sent, so a second scheduler, a restart or a catch-up finds the claim and
// stands aside. Retries happen only inside the claim: Discord's carry the same nonce with
// enforce_nonce, so Discord drops a repeat of a send that in fact arrived; Slack has no such key,
// so its poster retries only where Slack said no. A process that dies between claim and send
// leaves that day "sending": the day is lost rather than risk posting it twice.
//
// Every retry lands within ONTHISDAY_GRACE of the post's due time or is not made: a wait past
// it (a 429 asking for an hour) is given up at once and logged as failed with the reason,
// rather than slept on. stop() cuts retry waits and queued sends short and records them as not
// sent; it waits only for sends already on the wire, which the posters' timeouts bound.

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
  /** Waits `ms`; may end early when `signal` aborts (stop() does not rely on it). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Attempts per post, counting the first. */
  attempts?: number;
  /** The first retry's delay; each further one waits four times longer. */
  backoffMs?: number;
  /** Failed posts in a row after which a subscription is paused. */
  pauseAfter?: number;
  /** The least gap between two sends starting on one platform, so a busy minute does not burst. */
  spacingMs?: number;
  /** Sends under way at once: a hung channel holds one of them, not the others' turn. */
  concurrency?: number;
}

const key = (ref: ChannelRef) => `${ref.platform}:${ref.channel}`;

/** The same for every attempt and every process: what lets Discord drop a duplicate. */
export function postNonce(ref: ChannelRef, localDate: string): string {
  // Discord takes at most 25 characters.
  return createHash("sha256")
    .update(`${key(ref)}:${localDate}`)
    .digest("base64url")
    .slice(0, 25);
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** When today's post fell due: now, when the job has just fired (croner's previous runs exclude it). */
function dueToday(subscription: Subscription, now: Date, today: string): Date {
  const due = lastDue(subscription, now);
  return due && isoDate(calendarDay(due, subscription.timeZone)) === today ? due : now;
}

/** A post that shutdown cut short, after `attempts` sends whose failure was `last`. */
function stoppedOutcome(attempts: number, last: string): PostOutcome {
  const detail = attempts
    ? `not sent: the bot stopped before the retry (attempt ${attempts}: ${last})`
    : "not sent: the bot stopped before its turn to send";
  return { status: "failed", attempts, detail };
}

export class Scheduler {
  private readonly jobs = new Map<string, { job: Cron; signature: string }>();
  private resync: Cron | undefined;
  private readonly running = new Set<Promise<void>>();
  private readonly now: () => Date;
  private readonly stopping = new AbortController();
  private readonly wait: (ms: number) => Promise<void>;
  private readonly queue: SendQueue;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    const sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.wait = (ms) => abortableWait(sleep, this.stopping.signal, ms);
    this.queue = new SendQueue({
      concurrency: options.concurrency ?? 4,
      spacingMs: options.spacingMs ?? 250,
      now: () => this.now().getTime(),
      wait: this.wait,
      signal: this.stopping.signal,
    });
  }

  /**
   * Schedules every subscription and re-reads the store each minute. The returned promise is
   * the catch-up of missed posts, which need not hold up start-up: stop() waits for it anyway.
   */
  start(): Promise<void> {
    this.sync();
    // Another replica may subscribe a channel; the store is the truth, read again each minute.
    this.resync = new Cron("* * * * *", { unref: true }, () => this.sync());
    return this.track(this.catchUp());
  }

  /** Brings the jobs in line with the store: new ones scheduled, changed ones moved, gone ones stopped. */
  sync(): void {
    const wanted = new Map(
      this.options.store
        .list()
        .filter((s) => !s.paused)
        .map((s) => [key(s), s] as const),
    );
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
   * At start-up: a post due earlier today and not made is made now if it is no later than the
   * grace period allows; an older one is recorded as skipped, with why.
   */
  async catchUp(): Promise<void> {
    const now = this.now();
    // Started together, not one after another: the queue keeps one channel's hung send from
    // holding up the rest (the probe saw a healthy channel caught up 499 s late).
    const posts: Promise<void>[] = [];
    for (const subscription of this.options.store.list()) {
      if (subscription.paused) continue;
      const due = lastDue(subscription, now);
      if (!due) continue;
      const today = isoDate(calendarDay(now, subscription.timeZone));
      if (isoDate(calendarDay(due, subscription.timeZone)) !== today) continue;
      if (Date.parse(subscription.since) > due.getTime()) continue;
      if (this.options.store.post(subscription, today)) continue;
      const late = now.getTime() - due.getTime();
      if (late <= this.options.graceMs) {
        this.options.logger.info(
          { channel: key(subscription), lateMs: late },
          "making a missed post",
        );
        posts.push(this.track(this.postToday(subscription)));
      } else if (this.options.store.claim(subscription, today, now)) {
        const detail = `missed by ${Math.round(late / 60_000)} min, past ONTHISDAY_GRACE`;
        this.options.store.settle(
          subscription,
          today,
          { status: "skipped", attempts: 0, detail },
          now,
        );
        this.options.logger.info(
          { channel: key(subscription), date: today },
          `post skipped: ${detail}`,
        );
      }
    }
    await Promise.all(posts);
  }

  /** Claims, renders and sends today's post for one channel; does nothing if it is claimed. */
  async postToday(ref: ChannelRef): Promise<void> {
    // Once stopping, claim nothing: a claim now could only be recorded as not sent.
    if (this.stopping.signal.aborted) return;
    const { store, logger } = this.options;
    const subscription = store.get(ref);
    if (!subscription || subscription.paused) return;
    const now = this.now();
    const day = calendarDay(now, subscription.timeZone);
    const date = isoDate(day);
    const log = logger.child({ channel: key(ref), date });
    const poster = this.options.posters[ref.platform];
    if (!poster) {
      log.warn("no way to post to this platform in this process; leaving it to another");
      return;
    }
    if (!store.claim(ref, date, now)) {
      log.debug("already claimed");
      return;
    }
    const note = dailyNote(this.options.index, day, this.options.empty);
    const deadline = dueToday(subscription, now, date).getTime() + this.options.graceMs;
    const outcome: PostOutcome = note
      ? await this.deliver(poster, ref, note, postNonce(ref, date), deadline)
      : { status: "skipped", attempts: 0, detail: "nothing recorded for this day" };
    store.settle(ref, date, outcome, this.now());
    if (outcome.status === "sent") {
      store.recordSuccess(ref);
      log.info({ attempts: outcome.attempts }, "posted");
    } else if (outcome.status === "failed" && this.stopping.signal.aborted) {
      // Cut short by shutdown: not the channel's fault, so it does not count towards a pause.
      log.warn({ attempts: outcome.attempts, reason: outcome.detail }, "post not made");
    } else if (outcome.status === "failed") {
      const after = store.recordFailure(
        ref,
        outcome.detail ?? "failed",
        this.options.pauseAfter ?? 3,
        this.now(),
      );
      log.warn({ attempts: outcome.attempts, reason: outcome.detail }, "post failed");
      if (after?.paused)
        log.warn({ reason: after.paused, failures: after.failures }, "subscription paused");
    } else log.info({ reason: outcome.detail }, "nothing to post");
  }

  /**
   * Sends with retries and backoff, each attempt in the send queue. A retry whose wait would
   * end after `deadline` (the due time plus ONTHISDAY_GRACE) is given up rather than slept on.
   */
  private async deliver(
    poster: Poster,
    ref: ChannelRef,
    note: Reply,
    nonce: string,
    deadline: number,
  ): Promise<PostOutcome> {
    const attempts = this.options.attempts ?? 3;
    const backoff = this.options.backoffMs ?? 2000;
    let last = "";
    for (let attempt = 1; ; attempt++) {
      try {
        await this.queue.run(ref, () => poster.post(ref.channel, note, nonce));
        return { status: "sent", attempts: attempt };
      } catch (error) {
        if (error instanceof Stopped) return stoppedOutcome(attempt - 1, last);
        last = describe(error);
        const failure = error instanceof PostFailure ? error : undefined;
        if (!failure?.retry || attempt >= attempts)
          return { status: "failed", attempts: attempt, detail: last };
        const wait = Math.max(backoff * 4 ** (attempt - 1), failure.afterMs);
        if (this.now().getTime() + wait > deadline) {
          const detail = `${last}; a retry in ${Math.ceil(wait / 1000)} s would come after ONTHISDAY_GRACE, so none was made`;
          return { status: "failed", attempts: attempt, detail };
        }
        try {
          await this.wait(wait);
        } catch {
          return stoppedOutcome(attempt, last);
        }
      }
    }
  }

  private track(work: Promise<void>): Promise<void> {
    const guarded = work.catch((error: unknown) => {
      this.options.logger.error({ err: error }, "scheduled post failed");
    });
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
    return guarded;
  }

  /**
   * Stops every job, cuts retry waits and queued sends short (recorded as not sent), and waits
   * for sends already on the wire, which the posters' timeouts bound.
   */
  async stop(): Promise<void> {
    this.resync?.stop();
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    this.stopping.abort();
    await Promise.all(this.running);
  }
}
