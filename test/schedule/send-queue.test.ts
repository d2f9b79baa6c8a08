import { describe, expect, it } from "vitest";
import { abortableWait, SendQueue, Stopped } from "../../src/schedule/send-queue.ts";
import type { ChannelRef } from "../../src/store/schedule-store.ts";

// The send queue on its own, with sends the test finishes by hand and a clock it moves itself:
// nothing here sleeps.

/** A send that does not finish until the test says so. */
function pending() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, send: () => done };
}

/** Lets every promise callback already queued run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const slack = (channel: string): ChannelRef => ({ platform: "slack", channel });
const discord = (channel: string): ChannelRef => ({ platform: "discord", channel });

function queue(options: { concurrency?: number; spacingMs?: number } = {}) {
  const controller = new AbortController();
  let clock = 0;
  const made = new SendQueue({
    concurrency: options.concurrency ?? 2,
    spacingMs: options.spacingMs ?? 0,
    now: () => clock,
    // Several sends wait at once: each ends at its own time, not the sum of all.
    wait: async (ms) => {
      const start = clock;
      await settle();
      clock = Math.max(clock, start + ms);
    },
    signal: controller.signal,
  });
  return { queue: made, controller, clock: () => clock };
}

describe("SendQueue", () => {
  it("runs at most `concurrency` sends at once; the next starts when one ends", async () => {
    const { queue: q } = queue({ concurrency: 2 });
    const [one, two] = [pending(), pending()];
    const started: string[] = [];
    const begin = (name: string, send: () => Promise<void>) => () => {
      started.push(name);
      return send();
    };
    void q.run(slack("C1"), begin("C1", one.send));
    void q.run(slack("C2"), begin("C2", two.send));
    const third = q.run(slack("C3"), async () => void started.push("C3"));
    await settle();
    expect(started).toEqual(["C1", "C2"]);
    two.finish();
    await third;
    expect(started).toEqual(["C1", "C2", "C3"]);
  });

  it("keeps one channel's sends in order, while other channels pass the slow one", async () => {
    const { queue: q } = queue({ concurrency: 3 });
    const slow = pending();
    const order: string[] = [];
    const first = q.run(slack("C1"), async () => {
      await slow.send();
      order.push("C1 first");
    });
    const second = q.run(slack("C1"), async () => void order.push("C1 second"));
    await q.run(slack("C2"), async () => void order.push("C2"));
    expect(order).toEqual(["C2"]);
    slow.finish();
    await Promise.all([first, second]);
    expect(order).toEqual(["C2", "C1 first", "C1 second"]);
  });

  it("spaces starts on one platform, not across platforms", async () => {
    const { queue: q, clock } = queue({ concurrency: 4, spacingMs: 250 });
    const starts: string[] = [];
    const at = (name: string) => async () => void starts.push(`${name} at ${clock()}`);
    await Promise.all([
      q.run(slack("C1"), at("C1")),
      q.run(slack("C2"), at("C2")),
      q.run(discord("1"), at("Discord")),
      q.run(slack("C3"), at("C3")),
    ]);
    expect(starts.sort()).toEqual(["C1 at 0", "C2 at 250", "C3 at 500", "Discord at 0"]);
  });

  it("goes on after a send that throws", async () => {
    const { queue: q } = queue({ concurrency: 1 });
    await expect(
      q.run(slack("C1"), async () => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await expect(q.run(slack("C1"), async () => "sent")).resolves.toBe("sent");
  });

  it("once stopped, never starts the sends still waiting, and says so", async () => {
    const { queue: q, controller } = queue({ concurrency: 1 });
    const hung = pending();
    const ran: string[] = [];
    const running = q.run(slack("C1"), hung.send);
    const waiting = q.run(slack("C2"), async () => void ran.push("C2"));
    const sameChannel = q.run(slack("C1"), async () => void ran.push("C1 again"));
    await settle();
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(Stopped);
    hung.finish();
    await expect(running).resolves.toBeUndefined();
    await expect(sameChannel).rejects.toBeInstanceOf(Stopped);
    await expect(q.run(slack("C3"), async () => {})).rejects.toBeInstanceOf(Stopped);
    expect(ran).toEqual([]);
  });
});

describe("abortableWait", () => {
  it("rejects with Stopped when aborted, even if the sleep never ends", async () => {
    const controller = new AbortController();
    const wait = abortableWait(() => new Promise(() => {}), controller.signal, 3_600_000);
    controller.abort();
    await expect(wait).rejects.toBeInstanceOf(Stopped);
  });

  it("resolves when the sleep does", async () => {
    const controller = new AbortController();
    await expect(abortableWait(async () => {}, controller.signal, 10)).resolves.toBeUndefined();
  });
});
