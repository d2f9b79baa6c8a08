import { webApi } from "@slack/bolt";
import { messageOf } from "../../error-message.ts";
import type { Logger } from "../../logger.ts";
import { escapeMrkdwn } from "../../render/slack/mrkdwn.ts";
import type { Reply, ReplyImage } from "../../reply/reply.ts";

// A reply's picture, shared into the conversation the request came from by Slack's external
// upload flow, the one @slack/web-api's files.uploadV2 wraps. Its three steps are made here
// rather than through uploadV2, because @slack/web-api 8.2 sends the alt text as `alt_text`,
// which Slack ignores (fixed in 8.3: "image alt text passed to files.uploadV2 is now saved.
// Before, it was sent as alt_text"), and the alt text is the point.
//
// Slack's docs relied on (docs.slack.dev, files.getUploadURLExternal, files.completeUploadExternal):
// 1. files.getUploadURLExternal (form-encoded) with `filename`, `length` (bytes) and `alt_txt`
//    ("Description of image for screen-reader"; alt_txt_too_large past 1000 characters)
//    answers `upload_url` and `file_id`.
// 2. A POST of the file to upload_url: "Files can be sent as raw bytes or can be multipart form
//    encoded. Slack will return HTTP 200 if the upload is successful". The URL is Slack's own
//    and needs no token, so none is sent to it.
// 3. files.completeUploadExternal with `files` ([{ id, title }]), `channel_id` ("Channel ID where
//    the file will be shared. If not specified the file will be private"), `thread_ts` (a parent
//    message's ts, one channel only) and `initial_comment` ("The message text introducing the
//    file"); uncompleted, the upload is dropped.
// Both methods need the files:write scope ("Upload, edit, and delete files as your slack app");
// without it Slack answers `missing_scope` with `needed` (and `provided`). Sharing needs the bot
// to be in the channel: chat:write.public covers chat.postMessage only, and a share into a
// channel the bot was never invited to is refused with not_in_channel. Workspaces may cap file
// sizes (file_upload_size_restricted) or turn uploads off (file_uploads_disabled); a chart is a
// few tens of kilobytes, so those are only ever logged.

/** Slack's limit on `alt_txt`. */
export const MAX_ALT_TEXT = 1000;

/** Where a picture goes: the channel (or DM) a request came from, and its thread if any. */
export interface ShareTarget {
  channel: string;
  thread_ts?: string;
}

export type ShareOutcome =
  | { kind: "shared"; fileId: string }
  /** The app's token lacks a scope (files:write), as Slack named it. */
  | { kind: "missing_scope"; needed: string }
  /** The app is not a member of the channel, so Slack would not share into it. */
  | { kind: "not_in_channel" }
  | { kind: "failed"; reason: string };

export type ShareImage = (
  image: ReplyImage,
  where: ShareTarget,
  text: { comment: string; title: string },
) => Promise<ShareOutcome>;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** What a refused Web API call comes to; anything else is a failure with its message. */
function outcomeOfError(error: unknown): ShareOutcome {
  const coded = error as { code?: unknown; data?: { error?: unknown; needed?: unknown } };
  if (coded.code === webApi.ErrorCode.PlatformError) {
    const slackError = String(coded.data?.error);
    if (slackError === "missing_scope") {
      const needed = typeof coded.data?.needed === "string" ? coded.data.needed : "files:write";
      return { kind: "missing_scope", needed };
    }
    if (slackError === "not_in_channel") return { kind: "not_in_channel" };
    return { kind: "failed", reason: `Slack refused: ${slackError}` };
  }
  return { kind: "failed", reason: messageOf(error) };
}

/**
 * Shares pictures through `client`, which should come from postingClient: a completion repeated
 * on an unknown outcome could share the picture twice. `fetchFile` posts the bytes (timed).
 */
export function imageSharer(client: webApi.WebClient, fetchFile: typeof fetch): ShareImage {
  return async (image, where, text) => {
    try {
      // apiCall, since 8.2's typed files.getUploadURLExternal names the argument alt_text.
      const ticket = (await client.apiCall("files.getUploadURLExternal", {
        filename: image.fileName,
        length: image.png.byteLength,
        alt_txt: clip(image.alt, MAX_ALT_TEXT),
      })) as { upload_url?: unknown; file_id?: unknown };
      const { upload_url: url, file_id: id } = ticket;
      if (typeof url !== "string" || typeof id !== "string") {
        return { kind: "failed", reason: "Slack gave no upload_url or file_id" };
      }
      const sent = await fetchFile(url, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: image.png,
      });
      await sent.body?.cancel();
      if (sent.status !== 200) {
        return { kind: "failed", reason: `the upload answered HTTP ${sent.status}` };
      }
      await client.files.completeUploadExternal({
        files: [{ id, title: text.title }],
        channel_id: where.channel,
        ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
        initial_comment: text.comment,
      });
      return { kind: "shared", fileId: id };
    } catch (error) {
      return outcomeOfError(error);
    }
  };
}

/**
 * The comment and title a reply's picture is shared with: its one-line summary (the first body
 * line) and its title, as plain text. Escaped, so nothing from the data can ping or link.
 */
export function shareText(reply: Reply): { comment: string; title: string } {
  return {
    comment: escapeMrkdwn(reply.body[0] ?? reply.title),
    title: reply.title,
  };
}

export const NOT_IN_CHANNEL =
  "The chart could not be attached here: the app is not a member of this channel. Invite it " +
  "(`/invite @barents`) and ask again.";

/** What to tell the person when the app was installed without a scope the upload needs. */
export function missingScopeText(needed: string): string {
  return (
    `The chart could not be attached: this Slack app lacks the \`${escapeMrkdwn(needed)}\` scope. ` +
    "An admin can add it: generate the manifest again (`npm run slack:manifest`), paste it " +
    "under App settings → App Manifest, and reinstall the app to grant the scope."
  );
}

export interface ImageFollowUp {
  share: ShareImage | undefined;
  logger: Logger;
}

/**
 * After a reply's text has gone out, shares its picture, if it has one, where the request came
 * from. Never throws: a missing scope or a channel the app is not in is told to the person by
 * `tell`; any other failure leaves the text reply standing and is logged with Slack's reason.
 */
export async function followWithImage(
  { share, logger }: ImageFollowUp,
  reply: Reply,
  where: ShareTarget | undefined,
  tell: (text: string) => Promise<unknown>,
): Promise<void> {
  const image = reply.image;
  if (!image || !share) return;
  if (!where) {
    logger.warn({ file: image.fileName }, "no Slack channel to share a chart into");
    return;
  }
  try {
    const outcome = await share(image, where, shareText(reply));
    if (outcome.kind === "shared") return;
    const at = { file: image.fileName, channel: where.channel };
    if (outcome.kind === "failed") {
      logger.warn({ ...at, problem: outcome.reason }, "Slack chart upload failed");
      return;
    }
    logger.warn({ ...at, problem: outcome.kind }, "Slack chart upload refused");
    await tell(
      outcome.kind === "missing_scope" ? missingScopeText(outcome.needed) : NOT_IN_CHANNEL,
    );
  } catch (error) {
    logger.warn({ err: error, file: image.fileName }, "Slack chart upload failed");
  }
}
