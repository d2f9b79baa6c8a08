import { defineCommand } from "../src/command/declaration.ts";
import { UsageError } from "../src/command/usage-error.ts";
import { reply } from "../src/reply/reply.ts";
import { scheduleHere, usingSchedule } from "../src/schedule/here.ts";

export const onthisdayUnsubscribe = defineCommand({
  name: "onthisday-unsubscribe",
  description: "Stop the daily on-this-day posts in this channel",
  options: [],
  examples: ["/onthisday-unsubscribe", "/onthisday unsubscribe"],
  inChannel: true,
  permission: "manage-channels",
  handle(ctx) {
    const { desk, place } = scheduleHere(ctx, true);
    const ref = { platform: place.platform, channel: place.channel };
    return usingSchedule(async () => {
      if ((await desk.store.get(ref))?.origin === "config") {
        throw new UsageError(
          "This channel's daily posts are set in Barents's configuration (ONTHISDAY_CHANNELS), so they are stopped there, not by command.",
        );
      }
      if (!(await desk.store.unsubscribe(ref, place.user, ctx.now()))) {
        return reply("empty", "This channel has no daily posts to stop.", {
          body: ["Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them."],
        });
      }
      desk.changed();
      return reply("answer", "Daily posts stopped", {
        body: [
          "No more on-this-day notes will be posted here. /onthisday-subscribe starts them again.",
        ],
      });
    });
  },
});
