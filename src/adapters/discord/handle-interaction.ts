import {
  type APIInteraction,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
} from "discord.js";
import { AnswerMemo, watchedContext } from "../../command/answer-memo.ts";
import {
  type Arrival,
  commandLabel,
  NO_TELEMETRY,
  reported,
  since,
  type Telemetry,
  type Watched,
} from "../../command/answered.ts";
import type { Answer, CommandContext } from "../../command/declaration.ts";
import { findCommand, runCommand } from "../../command/run-command.ts";
import type { Logger } from "../../logger.ts";
import { createTelemetry } from "../../metrics/telemetry.ts";
import { DISCORD_LIMITS } from "../../render/discord/limits.ts";
import { type DiscordMessage, renderDiscord } from "../../render/discord/message.ts";
import { decodeCall } from "../../reply/call-codec.ts";
import type { CommandCall, Reply } from "../../reply/reply.ts";
import type { Place } from "../../schedule/desk.ts";
import type { Started } from "../../startup.ts";
import { withDeadline } from "../../with-deadline.ts";
import { autocompleteChoices, optionValues } from "./interaction-options.ts";
import { fileBytes } from "./outgoing.ts";
import {
  asEdit,
  FAILURE,
  failureResponse,
  type InteractionResponse,
  loggableError,
  type Responder,
  replacesMessage,
  STALE_BUTTON,
  UNSUPPORTED,
} from "./responses.ts";

// The one handling path for Discord, whatever the transport: a raw interaction in, exactly one
// initial response out through the Responder, then at most one edit or follow-up. The gateway
// and the HTTP endpoint differ only in how they send the initial response.

/**
 * Runs a command call, made at `place`, to a reply; may be slow, and must not throw (runCommand
 * does not).
 */
export type RunCall = (call: CommandCall, place?: Place) => Reply | Promise<Reply>;

export interface InteractionHandling {
  ctx: CommandContext;
  logger: Logger;
  /**
   * How long to wait for an answer before deferring. Discord drops an interaction not answered
   * within 3 s, and the response itself needs time to travel.
   */
  deadlineMs: number;
  run: RunCall;
  /** Where each answer is reported (a log line, metrics); nowhere when absent. */
  telemetry?: Telemetry;
  /**
   * Present when `run` is runCommand itself: calls whose handler read only steady things are
   * answered again from what was drawn the first time (answer-memo.ts).
   */
  steady?: Steady;
}

interface Steady {
  memo: AnswerMemo<DiscordMessage>;
  /** runCommand, watching whether the handler read anything that can change. */
  run(call: CommandCall, place: Place | undefined): { answer: Answer; readChanging(): boolean };
}

export interface HandlingOptions {
  deadlineMs?: number;
  run?: RunCall;
}

export const DEFAULT_DEADLINE_MS = 2000;

/** The handling a transport needs, from what start-up made. */
export function interactionHandling(
  started: Started & Watched,
  options: HandlingOptions = {},
): InteractionHandling {
  const { ctx, log, logger } = started;
  const steady: Steady = {
    memo: new AnswerMemo(),
    run: (call, place) => {
      const watched = watchedContext(ctx, place);
      return { answer: runCommand(watched.ctx, call, log), readChanging: watched.readChanging };
    },
  };
  return {
    ctx,
    logger,
    telemetry: started.telemetry ?? createTelemetry(logger),
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    run: options.run ?? ((call, place) => runCommand({ ...ctx, place }, call, log)),
    ...(options.run ? {} : { steady }),
  };
}

/**
 * The channel and person an interaction comes from. In a server, whether they hold Manage
 * Channels there (Discord sends the member's resolved permissions for the channel); in a DM
 * there is no such rule.
 */
export function placeOf(interaction: APIInteraction): Place | undefined {
  const channel = interaction.channel?.id ?? interaction.channel_id;
  const user = (interaction.member?.user ?? interaction.user)?.id;
  if (typeof channel !== "string" || typeof user !== "string") return undefined;
  const place: Place = { platform: "discord", channel, user };
  const permissions = permissionBits(interaction.member?.permissions);
  if (permissions !== undefined) {
    place.canManageChannels = (permissions & PermissionFlagsBits.ManageChannels) !== 0n;
  }
  return place;
}

/** A permissions bitfield as Discord sends it (a decimal string), or undefined if it is not one. */
function permissionBits(value: unknown): bigint | undefined {
  return typeof value === "string" && /^\d{1,40}$/.test(value) ? BigInt(value) : undefined;
}

/**
 * The `data` of a command, autocomplete or component interaction, if it is an object. Discord
 * always sends one; a signed payload without it (a forged or future one) is met politely.
 */
function dataOf(interaction: APIInteraction): Record<string, unknown> | undefined {
  const data: unknown = "data" in interaction ? interaction.data : undefined;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined;
}

/** What to log about an interaction: enough to find it, never its token. Reads nothing it trusts. */
function logContext(interaction: APIInteraction): Record<string, unknown> {
  const data = dataOf(interaction);
  const context: Record<string, unknown> = {
    interaction: interaction.id,
    type: InteractionType[interaction.type] ?? interaction.type,
    guild: interaction.guild_id,
    channel: interaction.channel?.id,
    user: (interaction.member?.user ?? interaction.user)?.id,
  };
  if (interaction.type === InteractionType.ApplicationCommand) context.command = data?.name;
  if (interaction.type === InteractionType.MessageComponent) context.customId = data?.custom_id;
  return context;
}

/** The call a button carries, if its custom_id is one Barents could have made. */
function buttonCall(data: Record<string, unknown>): CommandCall | undefined {
  const id = data.custom_id;
  if (data.component_type !== ComponentType.Button || typeof id !== "string") return undefined;
  return id.length <= DISCORD_LIMITS.customId ? decodeCall(id) : undefined;
}

type Mode = "new" | "update";

/** The reply to a call and its message; a failure anywhere becomes the friendly apology. */
async function produce(
  handling: InteractionHandling,
  call: CommandCall,
  place: Place | undefined,
  context: Record<string, unknown>,
  arrival: Arrival,
): Promise<{ reply: Reply; message: DiscordMessage; kept?: boolean }> {
  try {
    const made: { reply: Reply; rendered: DiscordMessage; kept?: boolean } = handling.steady
      ? await keptOrMade(handling, handling.steady, call, place, arrival)
      : await reported(
          handling.telemetry,
          arrival,
          call,
          () => handling.run(call, place),
          renderDiscord,
        );
    return { reply: made.reply, message: made.rendered, kept: made.kept === true };
  } catch (error) {
    handling.logger.error({ ...context, err: loggableError(error) }, "Discord command failed");
    return { reply: FAILURE, message: renderDiscord(FAILURE) };
  }
}

/** A steady call's kept answer, reported as any other; or a new one, kept if it is steady. */
async function keptOrMade(
  handling: InteractionHandling,
  steady: Steady,
  call: CommandCall,
  place: Place | undefined,
  arrival: Arrival,
): Promise<{ reply: Reply; rendered: DiscordMessage; kept: boolean }> {
  const key = steady.memo.key(call);
  const kept = key === undefined ? undefined : steady.memo.get(key);
  const { telemetry } = handling;
  if (kept) {
    const again = await reported(
      telemetry,
      arrival,
      call,
      () => kept.reply,
      () => kept.rendered,
    );
    return { ...again, kept: true };
  }
  let readChanging = () => true;
  const answer = () => {
    const run = steady.run(call, place);
    readChanging = run.readChanging;
    return run.answer;
  };
  const made = await reported(telemetry, arrival, call, answer, renderDiscord);
  if (key === undefined || readChanging()) return { ...made, kept: false };
  steady.memo.set(key, made);
  return { ...made, kept: true };
}

/**
 * The responses made for kept answers, one per message and mode, frozen: shared by every request
 * for the same call, so a transport may encode each once (responses.ts, encodedResponse).
 */
const keptResponses = new WeakMap<DiscordMessage, Map<Mode, InteractionResponse>>();

function keptResponse(answer: Reply, message: DiscordMessage, mode: Mode): InteractionResponse {
  const byMode = keptResponses.get(message) ?? new Map<Mode, InteractionResponse>();
  keptResponses.set(message, byMode);
  const response = byMode.get(mode) ?? Object.freeze(messageResponse(answer, message, mode));
  byMode.set(mode, response);
  return response;
}

function messageResponse(answer: Reply, message: DiscordMessage, mode: Mode): InteractionResponse {
  return mode === "update" && replacesMessage(answer)
    ? { type: InteractionResponseType.UpdateMessage, data: asEdit(message) }
    : { type: InteractionResponseType.ChannelMessageWithSource, data: message };
}

/**
 * Answers with the reply if it is ready within the deadline (and its files fit the initial
 * response); otherwise defers (Discord shows "thinking…", or nothing for a button) and edits
 * once it is.
 */
async function answer(
  handling: InteractionHandling,
  call: CommandCall,
  mode: Mode,
  responder: Responder,
  interaction: APIInteraction,
  context: Record<string, unknown>,
): Promise<void> {
  const arrival = {
    platform: "discord" as const,
    start: performance.now(),
    id: interaction.id,
    commands: handling.ctx.commands,
  };
  const work = produce(handling, call, placeOf(interaction), context, arrival);
  const ready = await withDeadline(work, handling.deadlineMs);
  // Files too large for the initial response go with the edit that follows a deferral.
  const limit = responder.initialFileBytes ?? Number.POSITIVE_INFINITY;
  if (ready && fileBytes(ready.message.files) <= limit) {
    const respond = ready.kept ? keptResponse : messageResponse;
    return responder.initial(respond(ready.reply, ready.message, mode));
  }
  await responder.initial({
    type:
      mode === "update"
        ? InteractionResponseType.DeferredMessageUpdate
        : InteractionResponseType.DeferredChannelMessageWithSource,
  });
  const late = await work;
  // A deferred reply's visibility was fixed by the deferral; an error after a deferred button
  // press goes to the presser alone rather than replacing the answer everyone sees.
  if (mode === "update" && !replacesMessage(late.reply)) await responder.followUp(late.message);
  else await responder.editOriginal(asEdit(late.message));
}

/** Answers one interaction. Never throws: a failure is logged and answered with an apology. */
export async function handleInteraction(
  handling: InteractionHandling,
  interaction: APIInteraction,
  responder: Responder,
): Promise<void> {
  // Built inside the try below, so even a payload too odd to describe keeps the promise.
  let context: Record<string, unknown> = {};
  let answered = false;
  const once: Responder = {
    ...responder,
    initial: (response) => {
      answered = true;
      return responder.initial(response);
    },
  };
  const polite = (message: Reply) =>
    once.initial({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: renderDiscord(message),
    });
  try {
    context = logContext(interaction);
    if (interaction.type === InteractionType.Ping) {
      return await once.initial({ type: InteractionResponseType.Pong });
    }
    const data = dataOf(interaction);
    if (!data) {
      handling.logger.warn(context, "Discord sent an interaction without data");
      return await (interaction.type === InteractionType.ApplicationCommandAutocomplete
        ? once.initial(failureResponse(true))
        : polite(UNSUPPORTED));
    }
    switch (interaction.type) {
      case InteractionType.ApplicationCommandAutocomplete: {
        const start = performance.now();
        const choices = autocompleteChoices(handling.ctx, data.name, data.options);
        (handling.telemetry ?? NO_TELEMETRY).autocompleted({
          platform: "discord",
          command: commandLabel(handling.ctx.commands, data.name),
          ms: since(start),
        });
        return await once.initial({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices },
        });
      }
      case InteractionType.ApplicationCommand: {
        if (data.type !== ApplicationCommandType.ChatInput || typeof data.name !== "string") {
          return await polite(UNSUPPORTED);
        }
        const call = { command: data.name, options: optionValues(data.options) };
        return await answer(handling, call, "new", once, interaction, context);
      }
      case InteractionType.MessageComponent: {
        const call = buttonCall(data);
        if (!call || !findCommand(handling.ctx.commands, call.command)) {
          return await polite(STALE_BUTTON);
        }
        return await answer(handling, call, "update", once, interaction, context);
      }
      default:
        return await polite(UNSUPPORTED);
    }
  } catch (error) {
    handling.logger.error(
      { ...context, err: loggableError(error) },
      answered ? "Discord response failed" : "Discord interaction failed",
    );
    if (answered) return;
    const autocomplete = interaction?.type === InteractionType.ApplicationCommandAutocomplete;
    await responder.initial(failureResponse(autocomplete)).catch((again: unknown) => {
      handling.logger.error({ ...context, err: loggableError(again) }, "Discord response failed");
    });
  }
}
