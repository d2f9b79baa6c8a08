import { type Arrival, reported, type Telemetry } from "../../command/answered.ts";
import type { CommandContext } from "../../command/declaration.ts";
import { type ErrorLog, findCommand, runCommand } from "../../command/run-command.ts";
import type { Logger } from "../../logger.ts";
import {
  ACTION_PATTERN,
  type SlackBlock,
  type SlackReplyPayload,
} from "../../render/slack/block-kit.ts";
import { renderSlack } from "../../render/slack/blocks.ts";
import { unescapeMrkdwn } from "../../render/slack/mrkdwn.ts";
import { decodeCall } from "../../reply/call-codec.ts";
import type { Reply } from "../../reply/reply.ts";
import { answerRead, readAddressedLine } from "../../text/answer-line.ts";
import { followWithImage, type ShareImage } from "./image-share.ts";
import { lineOfMessage } from "./line.ts";
import { commandOfSlash } from "./names.ts";

// Slack's listeners as plain functions of what Bolt hands them ({ ack, respond, … }), so they
// run the same under Socket Mode and HTTP and can be tested without an App. They hold no
// business logic: parse with the shared grammar, run the command, render, respond.

export interface SlackDeps {
  ctx: CommandContext;
  log: ErrorLog;
  logger: Logger;
  /** SLACK_COMMAND_PREFIX: `barents-` makes /who `/barents-who`. */
  prefix: string;
  /** SLACK_UMBRELLA_COMMAND: `barents` is `/barents`, which takes any command line. */
  umbrella: string;
  /** Where each answer is reported (a log line, metrics); nowhere when absent. */
  telemetry?: Telemetry;
  /** Shares a reply's picture into a conversation; pictures are not sent when absent. */
  shareImage?: ShareImage;
}

/** What respond() posts to a response_url. */
export interface SlackResponse {
  text: string;
  blocks?: SlackBlock[];
  response_type?: "in_channel" | "ephemeral";
  /** True: the message the button was on is replaced; false: a new message is sent. */
  replace_original?: boolean;
}

export type Respond = (message: SlackResponse) => Promise<unknown>;
export type Ack = () => Promise<void>;

export interface SlashCommandArgs {
  command: {
    command: string;
    text: string;
    user_id?: string;
    channel_id?: string;
    /** Slack's id for this invocation, for the log. */
    trigger_id?: string;
  };
  ack: Ack;
  respond: Respond;
}

export interface ButtonArgs {
  action: { action_id: string; value?: string };
  ack: Ack;
  respond: Respond;
  /** Who pressed and where, for the log and for sharing a picture the answer has. */
  user?: string;
  channel?: string;
  /** The thread the pressed message is in, if any: its picture is shared there. */
  thread?: string;
  /** Slack's id for this press, for the log. */
  trigger?: string;
}

/** A note for the person who asked alone, leaving the message it follows as it is. */
const note = (text: string): SlackResponse => ({
  response_type: "ephemeral",
  replace_original: false,
  text,
});

const SORRY = note(
  "Sorry, something went wrong on our side. It has been logged; please try again in a moment.",
);

const STALE = note(
  "That button is from an older version of Barents and no longer works. Please run the command again.",
);

/**
 * The context for one request: the channel and person it came from. Slack has no per-command
 * permission, so anyone in a channel may change its daily posts, and the store records who.
 */
export function contextAt(deps: SlackDeps, channel?: string, user?: string): CommandContext {
  if (!channel || !user) return deps.ctx;
  return { ...deps.ctx, place: { platform: "slack", channel, user } };
}

/** Where and when a Slack request arrived, as its report names it. */
export function arrival(deps: SlackDeps, start: number, id: string | undefined): Arrival {
  return { platform: "slack", start, commands: deps.ctx.commands, ...(id ? { id } : {}) };
}

/** What sharing a picture needs of the listeners' dependencies. */
export function imageDeps(deps: SlackDeps) {
  return { share: deps.shareImage, logger: deps.logger };
}

export function render(deps: SlackDeps, reply: Reply): SlackReplyPayload {
  return renderSlack(reply, { prefix: deps.prefix, commands: deps.ctx.commands });
}

/**
 * Answers a slash command: ack at once (Slack allows 3 s), then respond with the reply, then
 * share its picture, if it has one, into the channel. The umbrella's text is a whole command
 * line (`who huitfeldt`); any other command's text is what follows its name. Slack runs no app
 * command inside a thread, so a command's picture always goes to the channel itself.
 */
export function slashCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlashCommandArgs): Promise<void> => {
    const start = performance.now();
    await ack();
    try {
      const names = { ...deps, commands: deps.ctx.commands };
      const name = commandOfSlash(command.command, names);
      const text = command.text ?? "";
      // The console's grammar, fed the line as the console would see it: `/who huitfeldt`.
      // Slack sends &, < and > as entities; the renderer escapes them again on the way out.
      const line = name === null ? lineOfMessage(text, names) : `/${name} ${unescapeMrkdwn(text)}`;
      const ctx = contextAt(deps, command.channel_id, command.user_id);
      const asked = readAddressedLine(ctx, line);
      const answer = () => answerRead(ctx, asked, deps.log);
      const at = arrival(deps, start, command.trigger_id);
      const { reply, rendered } = await reported(deps.telemetry, at, asked, answer, (r) =>
        render(deps, r),
      );
      await respond(rendered);
      const where = command.channel_id ? { channel: command.channel_id } : undefined;
      await followWithImage(imageDeps(deps), reply, where, (text) => respond(note(text)));
    } catch (error) {
      deps.logger.error(
        {
          err: error,
          command: command.command,
          user: command.user_id,
          channel: command.channel_id,
        },
        "Slack command failed",
      );
      await respond(SORRY).catch(() => {});
    }
  };
}

/**
 * Answers a press of a paging or suggestion button: the call it carries is run again, and an
 * answer replaces the message the button was on. Anything else (no answer, a usage problem)
 * goes to the presser alone, leaving the message as it was.
 */
export function buttonListener(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { action, ack, respond, user, channel, trigger } = args;
    const start = performance.now();
    await ack();
    try {
      const call = action.value === undefined ? undefined : decodeCall(action.value);
      if (!call || !findCommand(deps.ctx.commands, call.command)) {
        deps.logger.info({ action: action.action_id, user, channel }, "stale Slack button");
        await respond(STALE);
        return;
      }
      const answer = () => runCommand(contextAt(deps, channel, user), call, deps.log);
      const at = arrival(deps, start, trigger);
      const made = await reported(deps.telemetry, at, call, answer, (r) => render(deps, r));
      const { reply, rendered: payload } = made;
      await respond(
        reply.kind === "answer"
          ? { ...payload, replace_original: true }
          : { ...payload, response_type: "ephemeral", replace_original: false },
      );
      const where = channel
        ? { channel, ...(args.thread ? { thread_ts: args.thread } : {}) }
        : undefined;
      await followWithImage(imageDeps(deps), reply, where, (text) => respond(note(text)));
    } catch (error) {
      deps.logger.error(
        { err: error, action: action.action_id, value: action.value, user, channel },
        "Slack button failed",
      );
      await respond(SORRY).catch(() => {});
    }
  };
}

/**
 * Acks at once a press of a button Barents did not make, which no other listener matches:
 * unacknowledged, Slack would wait out its 3 s and show the presser an error. Nothing is wrong
 * on our side, so it is logged at info.
 */
export function foreignButtonListener(deps: SlackDeps) {
  return async ({ action, ack, user, channel }: Omit<ButtonArgs, "respond">): Promise<void> => {
    if (ACTION_PATTERN.test(action.action_id)) return;
    await ack();
    deps.logger.info(
      { action: action.action_id, user, channel },
      "a Slack button Barents did not make",
    );
  };
}
