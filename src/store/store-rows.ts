import type { ChannelChange, PostRecord, Subscription } from "./schedule-store.ts";

// Rows as both stores' tables hold them (the same columns in SQLite and PostgreSQL), and the
// records the ScheduleStore interface hands out: absent fields are left out, not null.

export interface SubscriptionRow {
  platform: string;
  channel: string;
  time: string;
  time_zone: string;
  origin: string;
  by_user: string | null;
  since: string;
  failures: number;
  paused: string | null;
  /** The local date of the last failure counted (recordFailure counts each date once). */
  failed_on: string | null;
}

export interface PostRow {
  platform: string;
  channel: string;
  local_date: string;
  status: string;
  at: string;
  attempts: number;
  detail: string | null;
  /** The attempt that claimed it (migration 3); null for claims made before. */
  claimed_by: string | null;
}

export interface ChangeRow {
  platform: string;
  channel: string;
  action: string;
  by_user: string;
  at: string;
  detail: string | null;
}

export function subscription(row: SubscriptionRow): Subscription {
  const result: Subscription = {
    platform: row.platform as Subscription["platform"],
    channel: row.channel,
    time: row.time,
    timeZone: row.time_zone,
    origin: row.origin as Subscription["origin"],
    since: row.since,
    failures: row.failures,
  };
  if (row.by_user !== null) result.by = row.by_user;
  if (row.paused !== null) result.paused = row.paused;
  return result;
}

export function postRecord(row: PostRow): PostRecord {
  const result: PostRecord = {
    platform: row.platform as PostRecord["platform"],
    channel: row.channel,
    localDate: row.local_date,
    status: row.status as PostRecord["status"],
    at: row.at,
    attempts: row.attempts,
  };
  if (row.detail !== null) result.detail = row.detail;
  return result;
}

export function channelChange({ by_user, detail, ...rest }: ChangeRow): ChannelChange {
  return {
    ...(rest as Omit<ChannelChange, "by" | "detail">),
    by: by_user,
    ...(detail === null ? {} : { detail }),
  };
}

/** Why an orphaned claim is marked "unknown" rather than sent again. */
export const ORPHAN_DETAIL = "the process stopped while sending; outcome unknown, not resent";
