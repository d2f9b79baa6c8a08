import {
  type APIApplicationCommandOptionChoice,
  DiscordAPIError,
  HTTPError,
  InteractionResponseType,
  RateLimitError,
  type REST,
  Routes,
} from "discord.js";
import { type DiscordMessage, renderDiscord } from "../../render/discord/message.ts";
import type { DiscordFile } from "../../render/discord/picture.ts";
import { type Reply, reply } from "../../reply/reply.ts";
import { multipartBody, restRequest, withoutFiles } from "./outgoing.ts";

// What Barents sends back to Discord, and the two ways it can: the initial response (a REST
// callback over the gateway, or the HTTP response itself) and webhook edits after a deferral,
// which need the interaction's token but no bot token.

/** The initial responses Barents ever gives. */
export type InteractionResponse =
  | { type: InteractionResponseType.Pong }
  | {
      type:
        | InteractionResponseType.ChannelMessageWithSource
        | InteractionResponseType.UpdateMessage;
      data: DiscordMessage;
    }
  | { type: InteractionResponseType.DeferredChannelMessageWithSource }
  | { type: InteractionResponseType.DeferredMessageUpdate }
  | {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult;
      data: { choices: APIApplicationCommandOptionChoice[] };
    };

/** How one transport answers one interaction. */
export interface Responder {
  /** The one initial response Discord waits for, within three seconds of the interaction. */
  initial(response: InteractionResponse): Promise<void>;
  /**
   * The most bytes of files the initial response may carry; a message with more is deferred
   * and its files go with the edit. No limit when absent (beyond the upload limit itself).
   */
  initialFileBytes?: number;
  /** Replaces the deferred response (or, after a deferred update, the message pressed). */
  editOriginal(message: DiscordMessage): Promise<void>;
  /** A new message after a deferred update, for an error that must not replace the answer. */
  followUp(message: DiscordMessage): Promise<void>;
}

/** The identity of an interaction that webhook calls need; the token is valid 15 minutes. */
export interface InteractionRef {
  id: string;
  application_id: string;
  token: string;
}

/** Edits and follow-ups through Discord's webhook endpoints, which take no bot token. */
export function webhookResponder(
  rest: REST,
  interaction: InteractionRef,
): Pick<Responder, "editOriginal" | "followUp"> {
  const { application_id: app, token } = interaction;
  const request = (message: DiscordMessage) => {
    const { json, files } = withoutFiles(message);
    return { ...restRequest(json, files), auth: false };
  };
  return {
    editOriginal: async (message) => {
      await rest.patch(Routes.webhookMessage(app, token, "@original"), request(message));
    },
    followUp: async (message) => {
      await rest.post(Routes.webhook(app, token), request(message));
    },
  };
}

/** A response as its JSON and the files its message carries, which never go in the JSON. */
export function responseParts(response: InteractionResponse): {
  json: unknown;
  files: DiscordFile[];
} {
  if (!("data" in response) || !("files" in response.data)) return { json: response, files: [] };
  const { json: data, files } = withoutFiles(response.data);
  return { json: { ...response, data }, files };
}

/** The initial response sent as a REST callback, as the gateway transport needs it. */
export function callbackResponder(rest: REST, interaction: InteractionRef): Responder {
  return {
    // Create Interaction Response takes files as the webhook endpoints do (multipart, the
    // whole response in payload_json), up to the upload limit: no smaller limit here.
    initial: async (response) => {
      const { json, files } = responseParts(response);
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        ...restRequest(json, files),
        auth: false,
      });
    },
    ...webhookResponder(rest, interaction),
  };
}

/** A response body as it goes over HTTP. */
export interface EncodedResponse {
  contentType: string;
  bytes: Buffer;
}

const encoded = new WeakMap<InteractionResponse, EncodedResponse>();

/**
 * A response as the bytes of its JSON, or, when its message carries files, of a multipart body
 * (outgoing.ts). A frozen one is shared by every request for a kept answer
 * (handle-interaction.ts) and cannot change, so it is encoded once: serializing and encoding a
 * /who embed was most of what was left of answering it again.
 */
export function encodedResponse(response: InteractionResponse): EncodedResponse {
  const known = encoded.get(response);
  if (known) return known;
  const { json, files } = responseParts(response);
  const made =
    files.length > 0
      ? multipartBody(json, files)
      : { contentType: "application/json", bytes: Buffer.from(JSON.stringify(json)) };
  if (Object.isFrozen(response)) encoded.set(response, made);
  return made;
}

/**
 * A message that edits an existing one: visibility is fixed once sent, so no flags; and its
 * files listed, none if it has none, since an edit keeps every earlier file it does not list
 * (picture.ts) and a picture left over from the message pressed would hang under the new one.
 */
export function asEdit(message: DiscordMessage): DiscordMessage {
  const { flags: _ignored, ...rest } = message;
  return { ...rest, attachments: message.attachments ?? [] };
}

/** A button press that replaces the message pressed, rather than adding one beside it. */
export function replacesMessage(answer: Reply): boolean {
  return answer.kind === "answer" || answer.kind === "empty";
}

export const FAILURE = reply("error", "Something went wrong on our side.", {
  body: ["The problem has been logged. Please try again in a moment."],
});

export const STALE_BUTTON = reply("usage", "This button no longer works.", {
  body: [
    "It was made by another app or an older version of Barents. Run the command again; /help lists them all.",
  ],
});

export const UNSUPPORTED = reply("usage", "Barents does not answer this kind of interaction.", {
  body: ["Its slash commands are listed by /help."],
});

/** The friendly answer to a failure, in the shape the interaction expects. */
export function failureResponse(autocomplete: boolean): InteractionResponse {
  return autocomplete
    ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
    : { type: InteractionResponseType.ChannelMessageWithSource, data: renderDiscord(FAILURE) };
}

/**
 * An error as it may be logged. Discord's REST errors carry the request URL and body, and an
 * interaction's URL holds its token: keep what explains the failure, drop what could be reused.
 */
export function loggableError(error: unknown): unknown {
  if (error instanceof DiscordAPIError) {
    return { type: error.name, message: error.message, code: error.code, status: error.status };
  }
  if (error instanceof HTTPError) {
    return { type: error.name, message: error.message, status: error.status };
  }
  if (error instanceof RateLimitError) {
    return { type: error.name, message: error.message, retryAfter: error.retryAfter };
  }
  return error;
}
