import type { CommandCall, Reply } from "../reply/reply.ts";
import type { Place } from "../schedule/desk.ts";
import type { CommandContext } from "./declaration.ts";

// The same call gives the same answer as long as the handler reads only its options and what
// never changes while the process runs: the index (loaded once at start-up, never reloaded), the
// zone and the command list. So such an answer, drawn once, can be given again without running
// or drawing it: at Discord's HTTP endpoint, running /who and drawing its embed was a third of
// the work of a request (issue 15, measured with --cpu-prof). Whether a handler read anything
// else (the clock, the place it was asked from, the schedule) is not declared but watched, so a
// command that starts reading the clock is no longer kept without anyone having to remember.

/** The parts of the context that cannot change while the process runs. */
const STEADY: ReadonlySet<string> = new Set(["index", "timeZone", "commands"]);

/** Keys longer than this are not kept: nobody asks the same long question over and over. */
const MAX_KEY_LENGTH = 200;

/**
 * `ctx` at `place`, as a handler sees it, and whether it has read anything but the steady parts.
 * Reading is enough to count: a handler that looks at the clock may answer differently later.
 */
export function watchedContext(
  ctx: CommandContext,
  place: Place | undefined,
): { ctx: CommandContext; readChanging: () => boolean } {
  let read = false;
  // A proxy rather than getters, so that looking for a part that is absent (no schedule where
  // nothing can post) counts as reading it too.
  const watched = new Proxy(
    { ...ctx, place },
    {
      get(target, name, receiver) {
        if (typeof name !== "string" || !STEADY.has(name)) read = true;
        return Reflect.get(target, name, receiver);
      },
    },
  );
  return { ctx: watched as unknown as CommandContext, readChanging: () => read };
}

/** What is kept for a call: its reply and that reply drawn for one platform. */
export interface Kept<T> {
  reply: Reply;
  rendered: T;
}

/**
 * The answers of the most recently asked steady calls, drawn, at most `size` of them (a few kB
 * each). Every later request shares them, so nothing downstream may change a reply or a drawn
 * message in place (nothing does: responses are built around them and serialized). Not frozen:
 * a reply may hold the index's own objects, which are not ours to freeze.
 */
export class AnswerMemo<T> {
  private readonly kept = new Map<string, Kept<T>>();

  constructor(private readonly size = 256) {}

  /** The key for a call, or undefined for one too long to keep. */
  key(call: CommandCall): string | undefined {
    const key = `${call.command}\u0000${JSON.stringify(call.options)}`;
    return key.length <= MAX_KEY_LENGTH ? key : undefined;
  }

  get(key: string): Kept<T> | undefined {
    const found = this.kept.get(key);
    if (found) {
      // Most recently used last, so the oldest is the first to go.
      this.kept.delete(key);
      this.kept.set(key, found);
    }
    return found;
  }

  /** Keeps an answer; failures are never kept, since the next try may well succeed. */
  set(key: string, kept: Kept<T>): Kept<T> {
    if (kept.reply.kind === "error") return kept;
    this.kept.set(key, kept);
    if (this.kept.size > this.size) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return kept;
  }
}
