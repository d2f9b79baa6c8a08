import type { CommandContext } from "../command/declaration.ts";
import { UsageError } from "../command/usage-error.ts";
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
  if (!desk.platforms.has(place.platform)) {
    const token = place.platform === "discord" ? "DISCORD_TOKEN" : "SLACK_BOT_TOKEN";
    throw new UsageError(
      `Barents cannot post to ${platformName(place.platform)} channels yet: whoever runs it must set ${token}.`,
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
