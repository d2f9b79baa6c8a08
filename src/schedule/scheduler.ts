import { randomUUID } from "node:crypto";
import { setTimeout as sleepFor } from "node:timers/promises";
import { Cron } from "croner";
import { calendarDay } from "../core/calendar-day.ts";
import type { EventIndex } from "../core/event-index.ts";
import type { Logger } from "../logger.ts";
import {
  type ChannelRef,
  channelKey,
  isoDate,
  ORPHAN_AFTER_MS,
  type Platform,
  type PostOutcome,
  RENEW_CLAIMS_MS,
  type ScheduleStore,
  type Subscription,
} from "../store/schedule-store.ts";
import { catchUp, catchUpOne, reportOrphans } from "./catch-up.ts";
import { dueToday } from "./daily-job.ts";
import { dailyNote, type EmptyDayPolicy } from "./daily-note.ts";
import { deliver, type Poster, postNonce, type Sending } from "./delivery.ts";
import { InFlight } from "./in-flight.ts";
import { JobTable } from "./job-table.ts";
import { type PostTurn, recordOutcome } from "./outcome.ts";
import { abortableWait, queuePerPlatform } from "./send-queue.ts";
import { persist, type RetryClock } from "./store-retry.ts";

// Posts each subscription's daily note at its local time: one croner job per distinct time and
// zone (job-table.ts; daily-job.ts keeps the clock).
//
// The guarantee: at most one post per channel and local date, and exactly one when the platform
// accepts it within the retries. The post log's key (platform, channel, local date) is claimed
// before anything is sent, so a second scheduler, a restart or a catch-up finds the claim and
// stands aside. Retries happen only inside the claim (delivery.ts). A process that dies between
// claim and send leaves that day "sending": the day is lost rather than risk posting it twice,
// and the next start-up reports it and marks it "unknown".
//
// The store can fail too (locked, unreadable). Nothing here lets that stop the process: every
// timer callback catches and logs, and a store step that fails is tried again, with backoff,
// until the post's grace window (ONTHISDAY_GRACE) closes; then it is logged as not made.
//
// Every send retry lands within ONTHISDAY_GRACE of the post's due time or is not made: a wait past
// it (a 429 asking for an hour) is given up at once and logged as failed with the reason,
// rather than slept on. stop() cuts retry waits and queued sends short and records them as not
// sent; it waits only for sends already on the wire, which the posters' timeouts bound.

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
  /** Told how each post's turn ended, once it has (metrics). */
  onPost?: (turn: PostTurn) => void;
}

export class Scheduler {
  private readonly jobs: JobTable;
  private resync: Cron | undefined;
  private orphanCheck: NodeJS.Timeout | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  /** The last sync failed: the next that works catches up on what no job was there to post. */
  private unsynced = false;
  private readonly running = new Set<Promise<void>>();
  private readonly inFlight = new InFlight();
  private readonly now: () => Date;
  private readonly stopping = new AbortController();
  private readonly wait: (ms: number) => Promise<void>;
  private readonly sending: Sending;
  private readonly clock: RetryClock;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.jobs = new JobTable(
      (ref) => void this.track(this.fired(ref)),
      // A row croner cannot schedule (a time zone it does not know) leaves the others be.
      (error, channel) =>
        options.logger.error({ err: error, channel }, "could not schedule this channel"),
    );
    const sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.wait = (ms) => abortableWait(sleep, this.stopping.signal, ms);
    const queues = queuePerPlatform({
      concurrency: options.concurrency ?? 4,
      spacingMs: options.spacingMs ?? 250,
      now: () => this.now().getTime(),
      wait: this.wait,
      signal: this.stopping.signal,
    });
    this.sending = {
      queue: queues,
      now: this.now,
      wait: this.wait,
      attempts: options.attempts ?? 3,
      backoffMs: options.backoffMs ?? 2000,
    };
    this.clock = {
      now: this.now,
      // A store retry's wait ends at shutdown; persist() then sees stopping() and gives up,
      // except when recording a send's outcome: those few tries still wait, at most a second
      // each, so a store that stays locked is never retried in a loop that starves the timers.
      sleep: (ms) => (this.stopped ? sleep(Math.min(ms, 1000)) : this.wait(ms).catch(() => {})),
      stopping: () => this.stopped,
    };
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /**
   * Reports orphaned claims, schedules every subscription and re-reads the store each minute.
   * The returned promise is the start-up work and catch-up of missed posts, which need not hold
   * up start-up: stop() waits for it anyway. It never rejects.
   */
  start(): Promise<void> {
    // Another replica may subscribe a channel; the store is the truth, read again each minute.
    this.resync = new Cron("* * * * *", { unref: true }, () => void this.sync());
    this.renewal = setInterval(() => void this.track(this.renewClaims()), RENEW_CLAIMS_MS);
    this.renewal.unref();
    // Made here, not after start-up's first look: a stop() during that look must find it to clear.
    // Looked at again every ORPHAN_AFTER_MS, not only at start-up: a supervisor restarts a killed
    // process within seconds, before its last claim looks old, and a replica that dies and is
    // never restarted (scaled down) leaves its claims to the others, which see them here.
    this.orphanCheck = setInterval(
      () => void this.track(reportOrphans(this.options.store, this.now(), this.options.logger)),
      ORPHAN_AFTER_MS,
    );
    this.orphanCheck.unref();
    return this.track(this.startUp());
  }

  private async startUp(): Promise<void> {
    const { store, logger, graceMs } = this.options;
    await reportOrphans(store, this.now(), logger);
    await this.sync();
    await catchUp({ store, logger, graceMs, clock: this.clock }, (subscription, due) =>
      this.postToday(subscription, due),
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
      this.unsynced = true;
      this.options.logger.error(
        { err: error },
        "could not re-read the schedule; keeping the jobs as they were",
      );
      return;
    }
    if (this.stopped) return;
    this.jobs.match(subscriptions.filter((s) => !s.paused));
    if (this.unsynced) {
      // Jobs missing while the store was down (a channel subscribed elsewhere meanwhile, or
      // none scheduled at all after a failed start) fired for nobody: their posts are made now,
      // within the grace window, as at start-up.
      this.unsynced = false;
      const { store, logger, graceMs } = this.options;
      void this.track(
        catchUp({ store, logger, graceMs, clock: this.clock }, (subscription, due) =>
          this.postToday(subscription, due),
        ),
      );
    }
  }

  /**
   * Tells the store the claims this process holds are alive: a claim can wait in the send queue
   * longer than ORPHAN_AFTER_MS, and a replica starting meanwhile would otherwise mark it
   * "unknown" while it is still to be sent. Never rejects.
   */
  private async renewClaims(): Promise<void> {
    const claimants = this.inFlight.claimants();
    if (claimants.length === 0) return;
    try {
      await this.options.store.renew(claimants, this.now());
    } catch (error) {
      this.options.logger.warn(
        { err: error, claims: claimants.length },
        "could not renew the claims being sent; a replica starting now may report them as orphans",
      );
    }
  }

  /**
   * A channel's job fired: its post is made, unless the job fired so late (a machine suspended,
   * a clock set forward) that the grace window has closed; then it is recorded as not made.
   * Days it slept through are recorded too (catchUpOne).
   */
  private async fired(ref: ChannelRef): Promise<void> {
    if (this.stopped) return;
    const { store, logger, graceMs } = this.options;
    const now = this.now();
    const read = await persist(
      "reading the subscription",
      () => store.get(ref),
      now.getTime() + graceMs,
      this.clock,
      logger.child({ channel: channelKey(ref) }),
    );
    if (!read?.value || this.stopped) return;
    await catchUpOne(read.value, { store, logger, graceMs, clock: this.clock }, now, (due) =>
      this.postToday(ref, due),
    );
  }

  /**
   * Claims, renders and sends the post due at `due` (by default now) for one channel; does
   * nothing if it is claimed. Never rejects: a store that fails is retried within the grace
   * window, then the post is logged as not made. stop() waits for it.
   */
  postToday(ref: ChannelRef, due?: Date): Promise<void> {
    return this.track(this.post(ref, due));
  }

  private async post(ref: ChannelRef, due?: Date): Promise<void> {
    // Once stopping, claim nothing: a claim now could only be recorded as not sent.
    if (this.stopped) return;
    const { store, logger } = this.options;
    let log = logger.child({ channel: channelKey(ref) });
    // Store steps before the send may be retried until the grace window closes; until the
    // subscription says when the post fell due, that is reckoned from now.
    let deadline = (due ?? this.now()).getTime() + this.options.graceMs;
    const before = <T>(what: string, step: () => Promise<T>) =>
      persist(what, step, deadline, this.clock, log);
    const subscription = (await before("reading the subscription", () => store.get(ref)))?.value;
    if (!subscription || subscription.paused) return;
    // Called by a job as it fires, when croner's previous runs do not yet hold this one: now.
    const now = this.now();
    const dueAt = due ?? dueToday(subscription, now) ?? now;
    deadline = dueAt.getTime() + this.options.graceMs;
    const day = calendarDay(dueAt, subscription.timeZone);
    const date = isoDate(day);
    log = log.child({ date });
    const poster = this.options.posters[ref.platform];
    if (!poster) {
      log.warn("no way to post to this platform in this process; leaving it to another");
      return;
    }
    if (this.stopped) return;
    // This attempt's own name for its claim: a retry after a lost answer finds the claim its own.
    const claimant = randomUUID();
    const claimed = await before("claiming the post", () =>
      store.claim(ref, date, this.now(), claimant),
    );
    if (!claimed?.value) {
      if (claimed) log.debug("already claimed");
      return;
    }
    const flight = this.inFlight.begin(ref, date, claimant, log);
    try {
      const note = dailyNote(this.options.index, day, this.options.empty);
      const outcome: PostOutcome = note
        ? await deliver(this.sending, poster, ref, note, postNonce(ref, date), deadline)
        : { status: "skipped", attempts: 0, detail: "nothing recorded for this day" };
      if (flight.cut) return;
      flight.recording();
      this.options.onPost?.({
        platform: ref.platform,
        outcome: outcome.status === "failed" && this.stopped ? "stopped" : outcome.status,
        ...(outcome.status === "sent" ? { lagMs: this.now().getTime() - dueAt.getTime() } : {}),
      });
      await recordOutcome(
        { store, clock: this.clock, log, pauseAfter: this.options.pauseAfter ?? 3 },
        ref,
        date,
        outcome,
        deadline,
      );
    } finally {
      flight.done();
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
   * for sends already on the wire, which the posters' timeouts bound; with `drainMs`, for at
   * most that long, then records what is still under way as failed (in-flight.ts).
   */
  async stop(drainMs?: number): Promise<void> {
    this.stopping.abort();
    this.resync?.stop();
    clearInterval(this.orphanCheck);
    clearInterval(this.renewal);
    this.jobs.stop();
    const all = Promise.all(this.running);
    if (drainMs === undefined) await all;
    else await this.inFlight.drain(all, drainMs, this.options.store, this.now);
  }
}
