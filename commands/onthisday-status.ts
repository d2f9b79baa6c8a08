import { defineCommand } from "../src/command/declaration.ts";
import { reply } from "../src/reply/reply.ts";
import { nextPost } from "../src/schedule/daily-job.ts";
import { formatInstant, scheduleHere } from "../src/schedule/here.ts";
import type { PostRecord, Subscription } from "../src/store/schedule-store.ts";

const STATUS_WORDS: Record<PostRecord["status"], string> = {
  sending: "being sent",
  sent: "posted",
  failed: "failed",
  skipped: "skipped",
};

function setUp(subscription: Subscription): string {
  if (subscription.origin === "config") return "By Barents's configuration (ONTHISDAY_CHANNELS)";
  const when = formatInstant(new Date(subscription.since), subscription.timeZone);
  return subscription.by
    ? `By command, ${when}, by user ${subscription.by}`
    : `By command, ${when}`;
}

function lastPost(post: PostRecord, timeZone: string): string {
  const line = `${post.localDate}: ${STATUS_WORDS[post.status]} ${formatInstant(new Date(post.at), timeZone)}`;
  return post.detail ? `${line} (${post.detail})` : line;
}

export const onthisdayStatus = defineCommand({
  name: "onthisday-status",
  description: "What is scheduled in this channel: the daily post's time, the next and the last",
  options: [],
  examples: ["/onthisday-status", "/onthisday status"],
  handle(ctx) {
    const { desk, place } = scheduleHere(ctx, false);
    const subscription = desk.store.get(place);
    if (!subscription) {
      return reply("empty", "No daily posts are scheduled in this channel.", {
        body: ["Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them."],
      });
    }
    const { timeZone } = subscription;
    const next = nextPost(subscription, ctx.now());
    const last = desk.store.lastPost(place);
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
        { name: "Last post", value: last ? lastPost(last, timeZone) : "None yet" },
      ],
    });
  },
});
