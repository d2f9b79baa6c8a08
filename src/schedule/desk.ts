import type { ChannelRef, Platform, ScheduleStore } from "../store/schedule-store.ts";

// What the subscription commands need beyond the index: where they were typed, by whom, and the
// schedule they change. Both are absent in the console and `ask`, which have no channel to post to.

/** Where a command was run: a channel on a platform, and who ran it. */
export interface Place extends ChannelRef {
  user: string;
  /**
   * Whether the person may manage this channel (Discord's Manage Channels, as the interaction
   * reports it). Undefined where the platform has no such rule: in Slack anyone in the channel may.
   */
  canManageChannels?: boolean;
}

/** The schedule as commands see it. */
export interface ScheduleDesk {
  store: ScheduleStore;
  /** Platforms this process can post to (Discord needs a bot token, even in HTTP mode). */
  platforms: ReadonlySet<Platform>;
  /** ONTHISDAY_TIME and BOT_TIMEZONE: what subscribe uses when no time or zone is given. */
  defaults: { time: string; timeZone: string };
  /** Tells this process's scheduler, if it runs one, that the store changed. */
  changed(): void;
}

const PLATFORM_NAME: Record<Platform, string> = { discord: "Discord", slack: "Slack" };

export function platformName(platform: Platform): string {
  return PLATFORM_NAME[platform];
}
