import { FAKE_IDS } from "./fake-slack.ts";

// Events API payloads as Slack sends them, over HTTP (signed JSON) or in a Socket Mode envelope:
// shaped after the examples on Slack's app_mention and message.im event pages.

export interface MessageEventFields {
  channel: string;
  text: string;
  ts?: string;
  thread_ts?: string;
  user?: string;
}

/** An app_mention event as Slack sends it: the text starts with the app's mention. */
export function appMentionEvent(fields: MessageEventFields): Record<string, unknown> {
  const ts = fields.ts ?? "1700000100.000100";
  return {
    type: "app_mention",
    user: fields.user ?? "U0PERSON",
    text: fields.text,
    ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    channel: fields.channel,
    event_ts: ts,
  };
}

/** A message.im event: a person's new message in their DM with the app. */
export function directMessageEvent(fields: MessageEventFields): Record<string, unknown> {
  const ts = fields.ts ?? "1700000200.000100";
  return {
    type: "message",
    channel: fields.channel,
    user: fields.user ?? "U0PERSON",
    text: fields.text,
    ts,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    event_ts: ts,
    channel_type: "im",
  };
}

let eventCount = 0;

/** The Events API wrapper (`event_callback`) Slack posts an event in, over HTTP or a socket. */
export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  eventCount += 1;
  return {
    token: "legacy-verification-token",
    team_id: FAKE_IDS.team,
    api_app_id: FAKE_IDS.app,
    event,
    type: "event_callback",
    event_id: `Ev0FAKE${eventCount}`,
    event_time: 1700000000,
    authorizations: [
      {
        team_id: FAKE_IDS.team,
        user_id: FAKE_IDS.botUser,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
  };
}
