import { defineCommand } from "../src/command/declaration.ts";
import { clip } from "../src/command/resolve-options.ts";
import { UsageError } from "../src/command/usage-error.ts";
import { reply } from "../src/reply/reply.ts";
import { nextPost } from "../src/schedule/daily-job.ts";
import { canonicalTimeZone, parseDailyTime } from "../src/schedule/daily-time.ts";
import { formatInstant, scheduleHere, usingSchedule } from "../src/schedule/here.ts";

const EXAMPLE = "/onthisday-subscribe time:08:30 timezone:Europe/Oslo";

export const onthisdaySubscribe = defineCommand({
  name: "onthisday-subscribe",
  description: "Post an on-this-day note in this channel every day at a set local time",
  options: [
    {
      name: "time",
      description: "Local time of day, 24-hour HH:MM; 09:00 if left out",
      type: "string",
      // Room for a zone typed in its place, and for a wrong time to be named as such.
      maxLength: 64,
      example: "08:30",
    },
    {
      name: "timezone",
      description: "IANA time zone the time is in, like Europe/Oslo; the bot's own if left out",
      type: "string",
      maxLength: 64,
      autocomplete: "time-zones",
      example: "Europe/Oslo",
    },
  ],
  examples: [EXAMPLE, "/onthisday-subscribe", "/onthisday subscribe 07:45 America/New_York"],
  inChannel: true,
  permission: "manage-channels",
  handle(ctx, options) {
    const { desk, place } = scheduleHere(ctx, true);
    let { time: typedTime, timezone: typedZone } = options;
    // `/onthisday subscribe Europe/Oslo`: a zone typed alone lands in the first slot, time.
    if (typedZone === undefined && typedTime !== undefined && !parseDailyTime(typedTime)) {
      if (canonicalTimeZone(typedTime)) [typedZone, typedTime] = [typedTime, undefined];
    }
    const time = typedTime === undefined ? desk.defaults.time : parseDailyTime(typedTime);
    if (!time) {
      throw new UsageError(
        `“${clip(typedTime ?? "")}” is not a time of day: use 24-hour HH:MM.`,
        EXAMPLE,
      );
    }
    const timeZone =
      typedZone === undefined ? desk.defaults.timeZone : canonicalTimeZone(typedZone);
    if (!timeZone) {
      throw new UsageError(
        `“${clip(typedZone ?? "")}” is not a time zone: use an IANA name like Europe/Oslo or America/New_York.`,
        EXAMPLE,
      );
    }
    const ref = { platform: place.platform, channel: place.channel };
    return usingSchedule(async () => {
      const before = await desk.store.get(ref);
      if (before?.origin === "config") {
        throw new UsageError(
          "This channel's daily posts are set in Barents's configuration (ONTHISDAY_CHANNELS), so they are changed there, not by command.",
        );
      }
      const now = ctx.now();
      const subscription = {
        ...ref,
        time,
        timeZone,
        origin: "command" as const,
        by: place.user,
        since: now.toISOString(),
      };
      await desk.store.subscribe(subscription);
      desk.changed();
      const next = nextPost(subscription, now);
      return reply("answer", before ? "Daily posts changed" : "Daily posts start here", {
        body: [
          `Every day at ${time} (${timeZone}) Barents posts a short note on what happened on that day in Norway–Russia relations, with its sources.`,
          ...(before?.paused
            ? ["They were paused after failed posts; they are running again."]
            : []),
          ...(next ? [`The next one is due ${formatInstant(next, timeZone)}.`] : []),
          "/onthisday-status shows the schedule; /onthisday-unsubscribe stops it.",
        ],
      });
    });
  },
});
