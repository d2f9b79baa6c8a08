import type { CommandContext } from "../command/declaration.ts";
import { UsageError } from "../command/usage-error.ts";
import { type Reply, reply } from "../reply/reply.ts";
import { StoreUnavailableError } from "../store/store-errors.ts";
import { type Place, platformName, type ScheduleDesk } from "./desk.ts";

// The checks every subscription command makes before touching the schedule: that it was run in
// a channel this process can post to and, where the command changes the schedule, by someone
// allowed to. Discord hides these commands from members without Manage Channels by default, but
// a server can override that, so the permission the interaction reports is checked again here.

/** The channel a subscription command is about, and the schedule it reads or changes. */
export interface Here {
  desk: ScheduleDesk;
  place: Place;
}

const SUBSCRIBE_EXAMPLE = "/onthisday-subscribe time:08:30 timezone:Europe/Oslo";

/** The place and schedule of a subscription command; throws UsageError where there are none. */
export function scheduleHere(ctx: CommandContext, changes: boolean): Here {
  const { place, schedule: desk } = ctx;
  if (!place || !desk) {
    throw new UsageError(
      "Daily posts go to a Discord or Slack channel: run this in the channel that should get them.",
      SUBSCRIBE_EXAMPLE,
    );
  }
  // desk.platforms is what this process can post to. Discord over HTTP interactions answers
  // with DISCORD_PUBLIC_KEY alone, but a post nobody asked for is sent with the bot token; a
  // subscription taken without one would never be posted.
  if (!desk.platforms.has(place.platform)) {
    const discord = place.platform === "discord";
    const token = discord ? "DISCORD_TOKEN" : "SLACK_BOT_TOKEN";
    throw new UsageError(
      `Barents cannot post to ${platformName(place.platform)} channels yet: whoever runs it must set ${token}.`,
      undefined,
      [
        ...(discord
          ? [
              "It answers commands over HTTP with DISCORD_PUBLIC_KEY alone; daily posts need the bot token.",
            ]
          : []),
        `${token} goes in the .env file beside Barents's other settings (.env.example describes it); restart Barents after setting it.`,
      ],
    );
  }
  if (changes && place.canManageChannels === false) {
    throw new UsageError(
      "Only people with the Manage Channels permission can change this channel's daily posts.",
      "/onthisday-status",
    );
  }
  return { desk, place };
}

/**
 * The reply `work` makes from the store, or, when the store cannot be used (locked past the
 * wait, unreadable), a reply saying so: the problem is Barents's, and it is not the person's
 * input, so neither "Something went wrong" nor a usage message fits. Other errors pass through.
 */
export async function usingSchedule(work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    return reply("error", "The daily-post schedule is unavailable right now.", {
      body: [
        error.busy
          ? "Its store is locked by another process."
          : "Its store cannot be read; whoever runs Barents has been told in the log.",
        "Nothing was changed. Other commands work as usual; please try this again in a few minutes.",
      ],
    });
  }
}

/** An instant as people in `timeZone` read it: "Mon 23 Nov 2026, 09:00 CET". */
export function formatInstant(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  })
    .format(instant)
    .replace(/^(\w+),? /, "$1 ")
    .replace(/ at /, ", ");
}
