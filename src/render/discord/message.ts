import type { APIEmbed } from "discord.js";
import type { Reply } from "../../reply/reply.ts";
import { type ButtonRow, replyButtons } from "./buttons.ts";
import { replyEmbeds } from "./embeds.ts";
import { EPHEMERAL } from "./limits.ts";
import {
  type DiscordAttachment,
  type DiscordFile,
  fitsUpload,
  picturePart,
  withoutPicture,
} from "./picture.ts";

/** A message as Discord's API takes it, in an interaction response or a webhook edit. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Always empty: no data or user text may ever ping anyone. */
  allowed_mentions: { parse: [] };
  flags?: number;
  /** The uploaded files, described (picture.ts); an edit without it keeps earlier files. */
  attachments?: DiscordAttachment[];
  /**
   * The bytes of the files `attachments` describes. Not part of the JSON: every transport sends
   * a message that has them as multipart/form-data (adapters/discord/outgoing.ts).
   */
  files?: DiscordFile[];
}

/** Whether only the person who asked should see the reply: everything but an answer. */
export function isPrivate(reply: Reply): boolean {
  return reply.kind !== "answer";
}

/**
 * A reply as a Discord message. Pure: the same reply, the same message, always within Discord's
 * limits. Answers go to the channel; empty results, usage help and errors only to the person who
 * asked, so a mistyped command does not clutter the channel. A picture is uploaded with the
 * message and shown in its first embed, or, too large to upload, left out with a note.
 */
export function renderDiscord(reply: Reply): DiscordMessage {
  const image = reply.image;
  if (image && !fitsUpload(image)) return renderDiscord(withoutPicture(reply, image));
  const buttons = replyButtons(reply);
  const message: DiscordMessage = {
    embeds: replyEmbeds(reply, buttons.notes),
    components: buttons.rows,
    allowed_mentions: { parse: [] },
  };
  if (isPrivate(reply)) message.flags = EPHEMERAL;
  const [main] = message.embeds;
  if (image && main) {
    const picture = picturePart(image);
    main.image = picture.embedImage;
    message.attachments = [picture.attachment];
    message.files = [picture.file];
  }
  return message;
}
