import type { Reply, ReplyImage } from "../../reply/reply.ts";
import { DISCORD_LIMITS as L } from "./limits.ts";
import { fitPlain } from "./markdown.ts";

// A reply's picture as Discord takes one: a file uploaded with the message and shown inside the
// answer's embed. Discord facts relied on (docs.discord.com, Reference › Uploading Files, and
// Message Resource › Attachment Object):
// - Files go as `multipart/form-data`, one part `files[n]` per file (with a filename in its
//   Content-Disposition) beside a `payload_json` part holding the JSON body; `n` is the
//   placeholder id that the body's `attachments` entry names, with the file's `filename` and
//   its `description`, the alt text, at most 1024 characters.
// - An embed shows an uploaded image through `image.url = "attachment://<filename>"`; the name
//   must be ASCII letters, digits, "_", "-" or "."; only .jpg, .jpeg, .png, .webp and .gif work.
// - Each file may be up to 10 MiB (DISCORD_LIMITS.fileBytes); a larger one is refused, so the
//   reply then goes without it and says why.
// - Editing a message keeps only the files its `attachments` lists: an edit lists none to take
//   an earlier picture away (responses.ts, asEdit).

/** A file for a message: sent as a part of the multipart body, never inside the JSON. */
export interface DiscordFile {
  name: string;
  data: Uint8Array;
  contentType: "image/png";
}

/** An entry of a message's `attachments`: `id` is the `n` of the part `files[n]`. */
export interface DiscordAttachment {
  id: string;
  filename: string;
  description: string;
}

/** A name Discord can point `attachment://` at: ASCII letters, digits, "_", "-", "."; a .png. */
export function attachmentName(fileName: string): string {
  const base = fileName
    .replace(/\.png$/i, "")
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .slice(0, 80);
  return `${base || "picture"}.png`;
}

/** Whether Discord takes the picture as a file; if not, the reply says so instead. */
export function fitsUpload(image: ReplyImage): boolean {
  return image.png.byteLength <= L.fileBytes;
}

/** Megabytes (MiB) to one decimal, rounded up: a file just over the limit never reads as at it. */
const megabytes = (bytes: number) =>
  `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;

/** The reply without a picture too large to upload, saying what it would have shown. */
export function withoutPicture(reply: Reply, image: ReplyImage): Reply {
  const { image: _dropped, ...rest } = reply;
  const size = megabytes(image.png.byteLength);
  const most = megabytes(L.fileBytes);
  const note = `The picture is too large to attach on Discord (${size}; files may be at most ${most}). It shows: ${image.alt}`;
  return { ...rest, body: [...reply.body, note] };
}

/** The file, its `attachments` entry and the embed image that shows it. */
export function picturePart(image: ReplyImage): {
  file: DiscordFile;
  attachment: DiscordAttachment;
  embedImage: { url: string };
} {
  const name = attachmentName(image.fileName);
  return {
    file: { name, data: image.png, contentType: "image/png" },
    attachment: {
      id: "0",
      filename: name,
      description: fitPlain(image.alt, L.attachmentDescription),
    },
    embedImage: { url: `attachment://${name}` },
  };
}
