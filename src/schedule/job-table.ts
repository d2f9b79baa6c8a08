import type { Cron } from "croner";
import { type ChannelRef, channelKey, type Subscription } from "../store/schedule-store.ts";
import { dailyJob } from "./daily-job.ts";

// The scheduler's timers: one croner job per distinct daily time and zone, firing for every
// channel subscribed at it. One job per channel cost about a millisecond each to make (croner
// works out the next run in the zone), which at 10,000 channels held the event loop for ten
// seconds at start-up; most channels share a few times (the default above all).

interface Group {
  job: Cron;
  /** Read when the job fires, so a channel added or removed since counts. */
  members: Map<string, ChannelRef>;
}

export class JobTable {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly fire: (ref: ChannelRef) => void,
    /** A time croner cannot schedule (a zone it does not know): told once per channel. */
    private readonly failed: (error: unknown, channel: string) => void,
  ) {}

  /** Makes the jobs match `subscriptions`: new times scheduled, gone ones stopped. */
  match(subscriptions: Iterable<Subscription>): void {
    const wanted = new Map<string, { timing: Subscription; members: Map<string, ChannelRef> }>();
    for (const subscription of subscriptions) {
      const signature = `${subscription.time} ${subscription.timeZone}`;
      let group = wanted.get(signature);
      if (!group) {
        group = { timing: subscription, members: new Map() };
        wanted.set(signature, group);
      }
      const { platform, channel } = subscription;
      group.members.set(channelKey(subscription), { platform, channel });
    }
    for (const [signature, group] of this.groups) {
      if (wanted.has(signature)) continue;
      group.job.stop();
      this.groups.delete(signature);
    }
    for (const [signature, { timing, members }] of wanted) {
      const held = this.groups.get(signature);
      if (held) {
        held.members = members;
        continue;
      }
      try {
        const group: Partial<Group> & Pick<Group, "members"> = { members };
        group.job = dailyJob(timing, () => {
          for (const ref of group.members.values()) this.fire(ref);
        });
        this.groups.set(signature, group as Group);
      } catch (error) {
        for (const channel of members.keys()) this.failed(error, channel);
      }
    }
  }

  /** How many timers run: one per distinct time and zone. */
  get size(): number {
    return this.groups.size;
  }

  stop(): void {
    for (const { job } of this.groups.values()) job.stop();
    this.groups.clear();
  }
}
