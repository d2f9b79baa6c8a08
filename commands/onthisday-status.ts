import { defineCommand } from "../src/command/declaration.ts";
import { reply } from "../src/reply/reply.ts";
import { nextPost } from "../src/schedule/daily-job.ts";
import { formatInstant, scheduleHere, usingSchedule } from "../src/schedule/here.ts";
import {
  ORPHAN_AFTER_MS,
  type PostRecord,
  type Subscription,
} from "../src/store/schedule-store.ts";

const UNKNOWN = "outcome unknown; not resent";

const STATUS_WORDS: Record<PostRecord["status"], string> = {
  sending: "being sent",
  sent: "posted",
  failed: "failed",
  skipped: "skipped",
  unknown: UNKNOWN,
};

function setUp(subscription: Subscription): string {
  if (subscription.origin === "config") return "By Barents's configuration (ONTHISDAY_CHANNELS)";
  const when = formatInstant(new Date(subscription.since), subscription.timeZone);
  return subscription.by
    ? `By command, ${when}, by user ${subscription.by}`
    : `By command, ${when}`;
}

function lastPost(post: PostRecord, timeZone: string, now: Date): string {
  // A claim this old whose process has not restarted yet to mark it is just as unknown.
  const orphaned =
    post.status === "sending" && now.getTime() - Date.parse(post.at) > ORPHAN_AFTER_MS;
  const status = orphaned ? UNKNOWN : STATUS_WORDS[post.status];
  const line = `${post.localDate}: ${status} ${formatInstant(new Date(post.at), timeZone)}`;
  return post.detail ? `${line} (${post.detail})` : line;
}

export const onthisdayStatus = defineCommand({
  name: "onthisday-status",
  description: "What is scheduled in this channel: the daily post's time, the next and the last",
  options: [],
  examples: ["/onthisday-status", "/onthisday status"],
  inChannel: true,
  handle(ctx) {
    const { desk, place } = scheduleHere(ctx, false);
    return usingSchedule(async () => {
      const subscription = await desk.store.get(place);
      if (!subscription) {
        return reply("empty", "No daily posts are scheduled in this channel.", {
          body: ["Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them."],
        });
      }
      const { timeZone } = subscription;
      const next = nextPost(subscription, ctx.now());
      const last = await desk.store.lastPost(place);
      return reply("answer", "Daily posts in this channel", {
        body: subscription.paused
          ? [
              `Paused after ${subscription.failures} failed ${subscription.failures === 1 ? "post" : "posts"} in a row: ${subscription.paused}.`,
              subscription.origin === "config"
                ? "Restarting Barents resumes them once the problem is fixed."
                : "Fix the problem, then /onthisday-subscribe resumes them.",
            ]
          : [],
        fields: [
          { name: "Every day at", value: `${subscription.time} (${timeZone})` },
          { name: "Set up", value: setUp(subscription) },
          { name: "Next post", value: next ? formatInstant(next, timeZone) : "None while paused" },
          { name: "Last post", value: last ? lastPost(last, timeZone, ctx.now()) : "None yet" },
        ],
      });
    });
  },
});
