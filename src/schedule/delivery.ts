import { createHash } from "node:crypto";
import { messageOf } from "../error-message.ts";
import type { Reply } from "../reply/reply.ts";
import { type ChannelRef, channelKey, type PostOutcome } from "../store/schedule-store.ts";
import { type SendQueue, Stopped } from "./send-queue.ts";

// Sending one scheduled post: the attempts, their backoff, and where retrying stops. Retries
// happen only inside the post's claim (scheduler.ts): Discord's carry the same nonce with
// enforce_nonce, so Discord drops a repeat of a send that in fact arrived; Slack has no such key,
// so its poster asks for a retry only where Slack said no.

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
  /** Whether the post may have arrived all the same (a timeout, a 5xx): see REPEAT_WINDOW_MS. */
  readonly unsure: boolean;
  constructor(message: string, retry: boolean, afterMs = 0, unsure = false) {
    super(message);
    this.retry = retry;
    this.afterMs = afterMs;
    this.unsure = unsure;
  }
}

/**
 * How long after a send whose outcome is unknown a retry may still be made. Discord's
 * enforce_nonce returns the first message for a repeated nonce only "in the past few minutes"
 * (Discord's Create Message reference); a retry later than that could post the day twice.
 */
export const REPEAT_WINDOW_MS = 2 * 60_000;

/** What delivering needs of the scheduler: its send queue, its clock and its patience. */
export interface Sending {
  now: () => Date;
  /** Waits, rejecting with Stopped once the scheduler stops. */
  wait: (ms: number) => Promise<void>;
  /** Runs one send in its turn: in order per channel, a few at a time per platform. */
  queue: Pick<SendQueue, "run">;
  /** Attempts per post, counting the first. */
  attempts: number;
  /** The first retry's delay; each further one waits four times longer. */
  backoffMs: number;
}

/** The same for every attempt and every process: what lets Discord drop a duplicate. */
export function postNonce(ref: ChannelRef, localDate: string): string {
  // Discord takes at most 25 characters.
  return createHash("sha256")
    .update(`${channelKey(ref)}:${localDate}`)
    .digest("base64url")
    .slice(0, 25);
}

/** A post that shutdown cut short, after `attempts` sends whose failure was `last`. */
function stoppedOutcome(attempts: number, last: string): PostOutcome {
  const detail = attempts
    ? `not sent: the bot stopped before the retry (attempt ${attempts}: ${last})`
    : "not sent: the bot stopped before its turn to send";
  return { status: "failed", attempts, detail };
}

/**
 * Sends with retries and backoff, each attempt in the send queue. A retry whose wait would end
 * after `deadline` (the due time plus ONTHISDAY_GRACE) is given up rather than slept on.
 */
export async function deliver(
  sending: Sending,
  poster: Poster,
  ref: ChannelRef,
  note: Reply,
  nonce: string,
  deadline: number,
): Promise<PostOutcome> {
  let last = "";
  // The latest a retry may come: the grace window, or soon after a send that may have arrived.
  let latest = { at: deadline, after: "ONTHISDAY_GRACE" };
  for (let attempt = 1; ; attempt++) {
    try {
      await sending.queue.run(ref, () => poster.post(ref.channel, note, nonce));
      return { status: "sent", attempts: attempt };
    } catch (error) {
      if (error instanceof Stopped) return stoppedOutcome(attempt - 1, last);
      last = messageOf(error);
      const failure = error instanceof PostFailure ? error : undefined;
      if (!failure?.retry || attempt >= sending.attempts)
        return { status: "failed", attempts: attempt, detail: last };
      const wait = Math.max(sending.backoffMs * 4 ** (attempt - 1), failure.afterMs);
      const repeatBy = sending.now().getTime() + REPEAT_WINDOW_MS;
      if (failure.unsure && repeatBy < latest.at) {
        latest = { at: repeatBy, after: "Discord stops recognising a repeat" };
      }
      if (sending.now().getTime() + wait > latest.at) {
        const detail = `${last}; a retry in ${Math.ceil(wait / 1000)} s would come after ${latest.after}, so none was made`;
        return { status: "failed", attempts: attempt, detail };
      }
      try {
        await sending.wait(wait);
      } catch {
        return stoppedOutcome(attempt, last);
      }
    }
  }
}
