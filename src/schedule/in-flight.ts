import type { Logger } from "../logger.ts";
import { type ChannelRef, channelKey, type ScheduleStore } from "../store/schedule-store.ts";
import { withDeadline } from "../with-deadline.ts";

// Posts claimed and not yet recorded. A stop waits for them, up to SHUTDOWN_LIMIT; what is still
// under way then (a send on the wire, a store write waiting on a lock) is recorded here as
// failed, with why, so the post log never keeps a claim the log says nothing about.

interface Entry {
  ref: ChannelRef;
  date: string;
  /** The attempt's name for its claim, renewed while it is under way. */
  claimant: string;
  log: Logger;
  cut: boolean;
  /** Its outcome is being written by its own path, which a cut-off must not write over. */
  recording: boolean;
}

export interface Flight {
  /** True once a stop recorded this post itself: its own outcome is then not recorded. */
  readonly cut: boolean;
  /** Its own outcome is about to be written: a cut-off leaves it to that. */
  recording(): void;
  /** The post's outcome is recorded (or it was cut off): it is no longer under way. */
  done(): void;
}

export class InFlight {
  private readonly posts = new Map<string, Entry>();

  begin(ref: ChannelRef, date: string, claimant: string, log: Logger): Flight {
    const key = `${channelKey(ref)} ${date}`;
    const entry: Entry = { ref, date, claimant, log, cut: false, recording: false };
    this.posts.set(key, entry);
    return {
      get cut() {
        return entry.cut;
      },
      recording: () => {
        entry.recording = true;
      },
      done: () => {
        if (this.posts.get(key) === entry) this.posts.delete(key);
      },
    };
  }

  /** The claims under way, by their claimants' names: a live process renews them. */
  claimants(): string[] {
    return [...this.posts.values()].map((entry) => entry.claimant);
  }

  get size(): number {
    return this.posts.size;
  }

  /** Waits for `work` up to `drainMs`, then cuts off what is still under way. */
  async drain(
    work: Promise<unknown>,
    drainMs: number,
    store: ScheduleStore,
    now: () => Date,
  ): Promise<void> {
    const finished = await withDeadline(
      work.then(() => true),
      drainMs,
    );
    if (!finished) await this.cutOff(store, now(), drainMs);
  }

  /** Records every post still under way as failed: cut off by a stop that ran out of time. */
  async cutOff(store: ScheduleStore, now: Date, afterMs: number): Promise<void> {
    const detail = `cut off by shutdown after ${Math.round(afterMs / 1000)} s while being sent; it may have arrived, so it is not resent`;
    for (const entry of this.posts.values()) {
      // Already being recorded as it ended (a send that finished, a claim given back): that
      // write stands; if a locked store holds it, the post stays claimed, never resent.
      if (entry.recording) {
        entry.log.warn(
          "stopping before this post's outcome reached the store; it stays claimed and is not resent",
        );
        continue;
      }
      entry.cut = true;
      try {
        await store.settle(entry.ref, entry.date, { status: "failed", attempts: 1, detail }, now);
        entry.log.warn({ reason: detail }, "post not made");
      } catch (error) {
        // Left claimed ("sending"): the next start reports it as outcome unknown, never resends.
        entry.log.error(
          { err: error, reason: detail },
          "post cut off by shutdown, and the store could not record it; it stays claimed",
        );
      }
    }
    this.posts.clear();
  }
}
