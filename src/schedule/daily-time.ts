import { isTimeZone } from "../core/calendar-day.ts";
import type { ChannelRef } from "../store/schedule-store.ts";

// The small languages of scheduling: a wall-clock time ("09:00"), a channel list
// ("discord:123…,slack:C0…") and a grace period ("6h"). Each parser returns a problem to report
// rather than throwing, so config and commands can word it their own way.

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9:05" or "09.05" → "09:05"; undefined when it is not a time of day. */
export function parseDailyTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  return `${(match[1] ?? "").padStart(2, "0")}:${match[2]}`;
}

/** The croner pattern for a daily "HH:MM": minute and hour fixed, so DST is handled as a fixed time. */
export function dailyPattern(time: string): string {
  const [hour, minute] = time.split(":").map(Number);
  return `${minute} ${hour} * * *`;
}

/** A zone name as typed (any case) → the runtime's spelling; undefined when unknown. */
export function canonicalTimeZone(text: string): string | undefined {
  const typed = text.trim();
  if (!typed || !isTimeZone(typed)) return undefined;
  // Intl accepts "europe/oslo" but reports it back in its own spelling.
  return new Intl.DateTimeFormat("en", { timeZone: typed }).resolvedOptions().timeZone;
}

const CHANNEL = {
  discord: /^\d{15,21}$/,
  slack: /^[CGD][A-Z0-9]{6,}$/,
} as const;

/** ONTHISDAY_CHANNELS → channel refs; a string naming the first bad entry otherwise. */
export function parseChannelList(text: string): ChannelRef[] | string {
  const refs: ChannelRef[] = [];
  for (const raw of text.split(/[,\s]+/).filter(Boolean)) {
    // Everything after the first colon is the id, so "discord:123:999" is refused, not cut short.
    const colon = raw.indexOf(":");
    const platform = colon === -1 ? raw : raw.slice(0, colon);
    const channel = colon === -1 ? "" : raw.slice(colon + 1);
    if (platform !== "discord" && platform !== "slack") {
      return `“${raw.slice(0, 40)}” does not start with discord: or slack:`;
    }
    if (!CHANNEL[platform].test(channel)) {
      return `“${raw.slice(0, 40)}” is not a ${platform} channel id`;
    }
    if (!refs.some((r) => r.platform === platform && r.channel === channel)) {
      refs.push({ platform, channel });
    }
  }
  return refs;
}

/** "6h", "90m", "45s" or "0" → milliseconds; undefined otherwise. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(h|m|s)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? "").toLowerCase();
  if (!unit && Number(match[1]) !== 0) return undefined;
  const scale = unit === "h" ? 3_600_000 : unit === "m" ? 60_000 : 1000;
  return Number(match[1]) * scale;
}
