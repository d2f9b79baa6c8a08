import { reported } from "../../command/answered.ts";
import type { SlackBlock } from "../../render/slack/block-kit.ts";
import { renderSlackMessage } from "../../render/slack/blocks.ts";
import type { Reply } from "../../reply/reply.ts";
import { answerRead, readAddressedLine } from "../../text/answer-line.ts";
import { followWithImage } from "./image-share.ts";
import { lineOfMessage } from "./line.ts";
import { arrival, contextAt, imageDeps, type SlackDeps } from "./listeners.ts";

// The natural way in where slash commands cannot go: a mention of the app in a channel or a
// thread (`@Barents who is frode berg`), and a direct message to it. Both take a whole command
// line through the same grammar as the console and the umbrella command, and answer by
// chat.postMessage in the same conversation.
//
// Slack's docs relied on here:
// - app_mention "allows your app to subscribe to message events that directly mention your bot
//   user" (scope app_mentions:read); its text starts with the mention, "<@U0LAN0Z89> is it…".
// - "Messages sent to your app in direct message conversations are not dispatched via
//   app_mention … Subscribe to message.im events" (scope im:history), told apart from other
//   message.* events by channel_type "im". So a DM is answered once, by the DM listener.
// - message events carry a subtype for edits, joins, bot posts and the like; only new messages
//   from people (no subtype, no bot_id) are commands. Bolt's ignoreSelf middleware already drops
//   the app's own messages; the checks below hold even without it, so a reply never loops.
// - chat.postMessage's thread_ts (a parent message's ts) posts the answer in that thread.

/** The fields of an app_mention or message event that Barents reads. */
export interface SlackMessageEvent {
  type: string;
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  channel_type?: string;
}

/** chat.postMessage, as the App's posting client calls it. */
export type PostMessage = (message: {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks?: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}) => Promise<unknown>;

export interface MessageArgs {
  event: SlackMessageEvent;
  post: PostMessage;
  /** The app's bot user, from auth.test, so its own messages are never answered. */
  botUserId?: string;
  /** Slack's id for the event, for the log. */
  eventId?: string;
}

const SORRY = "Sorry, something went wrong on our side. It has been logged; please try again.";

/** A message a person wrote, as opposed to an edit, a join, or any bot's post (ours included). */
function fromPerson(event: SlackMessageEvent, botUserId?: string): boolean {
  return Boolean(event.user) && !event.bot_id && event.user !== botUserId;
}

async function answer(deps: SlackDeps, args: MessageArgs, thread?: string): Promise<void> {
  const start = performance.now();
  const { event, post } = args;
  const where = { channel: event.channel, ...(thread ? { thread_ts: thread } : {}) };
  const noUnfurl = { unfurl_links: false, unfurl_media: false } as const;
  try {
    const line = lineOfMessage(event.text ?? "", { ...deps, commands: deps.ctx.commands });
    const ctx = contextAt(deps, event.channel, event.user);
    const asked = readAddressedLine(ctx, line);
    const answer = () => answerRead(ctx, asked, deps.log);
    const draw = (reply: Reply) =>
      renderSlackMessage(reply, { prefix: deps.prefix, commands: ctx.commands });
    const at = arrival(deps, start, args.eventId);
    const { reply, rendered: message } = await reported(deps.telemetry, at, asked, answer, draw);
    await post({ ...where, ...message, ...noUnfurl });
    // The picture follows the answer into the same thread (or DM), its summary as its comment.
    const tell = (text: string) => post({ ...where, text, ...noUnfurl });
    await followWithImage(imageDeps(deps), reply, where, tell);
  } catch (error) {
    deps.logger.error(
      { err: error, event: event.type, user: event.user, channel: event.channel },
      "Slack message failed",
    );
    await post({ ...where, text: SORRY, ...noUnfurl }).catch(() => {});
  }
}

/** Answers `@Barents …` in the thread it was written in, or starts one under it. */
export function mentionListener(deps: SlackDeps) {
  return async (args: MessageArgs): Promise<void> => {
    if (!fromPerson(args.event, args.botUserId)) return;
    await answer(deps, args, args.event.thread_ts ?? args.event.ts);
  };
}

/** Answers a direct message to the app where it was written: the DM, or its thread. */
export function directMessageListener(deps: SlackDeps) {
  return async (args: MessageArgs): Promise<void> => {
    const { event } = args;
    if (event.channel_type !== "im" || event.subtype !== undefined) return;
    if (!fromPerson(event, args.botUserId)) return;
    await answer(deps, args, event.thread_ts);
  };
}
