import { type ChannelRef, channelKey, type Platform } from "../store/schedule-store.ts";

// Where scheduled sends wait their turn. A single queue let one channel's hung send hold up
// every other channel (the probe saw a healthy channel post 499 s late), so sends now run a few
// at a time: a channel in trouble holds one slot, at most for the poster's timeout, while the
// rest go on. Sends to one channel keep their order. Starts on one platform are spaced a little
// apart so a busy minute does not burst at it (Slack takes about one chat.postMessage a second
// per channel, Discord 50 requests a second per bot).

/** Thrown instead of sending, or instead of waiting, once the scheduler is stopping. */
export class Stopped extends Error {
  override name = "Stopped";
  constructor() {
    super("the bot stopped");
  }
}

/** Waits `ms` through `sleep`, or rejects with Stopped as soon as `signal` aborts. */
export function abortableWait(
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  ms: number,
): Promise<void> {
  if (signal.aborted) return Promise.reject(new Stopped());
  return new Promise((resolve, reject) => {
    const stop = () => reject(new Stopped());
    signal.addEventListener("abort", stop, { once: true });
    sleep(ms, signal).then(
      () => {
        signal.removeEventListener("abort", stop);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener("abort", stop);
        reject(signal.aborted ? new Stopped() : error);
      },
    );
  });
}

export interface SendQueueOptions {
  /** Sends under way at once, across every channel and platform. */
  concurrency: number;
  /** The least time between two sends starting on one platform. */
  spacingMs: number;
  now: () => number;
  /** Waits, rejecting with Stopped once the scheduler stops (abortableWait). */
  wait: (ms: number) => Promise<void>;
  /** Aborted when the scheduler stops: sends not yet started then reject with Stopped. */
  signal: AbortSignal;
}

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/** Runs sends a few at a time, in order per channel, spaced per platform. */
export class SendQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly nextStart = new Map<Platform, number>();
  private readonly waiting: Waiter[] = [];
  private active = 0;

  constructor(private readonly options: SendQueueOptions) {
    options.signal.addEventListener("abort", () => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Stopped());
    });
  }

  /** Runs `send` when `ref`'s earlier sends are done, a slot is free and the spacing allows. */
  run<T>(ref: ChannelRef, send: () => Promise<T>): Promise<T> {
    const key = channelKey(ref);
    const before = this.tails.get(key) ?? Promise.resolve();
    const turn = before.then(() => this.inSlot(ref.platform, send));
    const tail = turn.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return turn;
  }

  private async inSlot<T>(platform: Platform, send: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const now = this.options.now();
      const start = Math.max(now, this.nextStart.get(platform) ?? now);
      this.nextStart.set(platform, start + this.options.spacingMs);
      if (start > now) await this.options.wait(start - now);
      if (this.options.signal.aborted) throw new Stopped();
      return await send();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.options.signal.aborted) return Promise.reject(new Stopped());
    if (this.active < this.options.concurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Hands the slot straight to the next waiter, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.active -= 1;
  }
}

/** A queue for each platform, so a platform that hangs holds its own slots, not the other's. */
export function queuePerPlatform(options: SendQueueOptions): Pick<SendQueue, "run"> {
  const queues = new Map<Platform, SendQueue>();
  return {
    run(ref, send) {
      let queue = queues.get(ref.platform);
      if (!queue) {
        queue = new SendQueue(options);
        queues.set(ref.platform, queue);
      }
      return queue.run(ref, send);
    },
  };
}
