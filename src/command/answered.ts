import type { CommandCall, Reply, ReplyKind } from "../reply/reply.ts";
import type { Platform } from "../store/schedule-store.ts";
import type { Answer, Command } from "./declaration.ts";
import { findCommand } from "./run-command.ts";

// What an answered command reports, in one shape whichever platform and way in (slash command,
// button, mention, DM) it came by: one log line and the reply metrics are made from it
// (src/metrics/telemetry.ts). Adapters only time the answer and say what it was.

/** How a command ended, as operators count it. */
export type Outcome = "answer" | "empty" | "usage_error" | "failure";

const OUTCOMES: Record<ReplyKind, Outcome> = {
  answer: "answer",
  empty: "empty",
  usage: "usage_error",
  error: "failure",
};

export function outcomeOf(reply: Reply | undefined): Outcome {
  return reply ? OUTCOMES[reply.kind] : "failure";
}

/**
 * The command name to report: a declared one, or "unknown". Never what someone typed, so a metric
 * label or a log field cannot grow with input (`/frobnicate`, a forged interaction's name).
 */
export function commandLabel(commands: readonly Command[], name: unknown): string {
  return (typeof name === "string" && findCommand(commands, name)?.name) || "unknown";
}

export interface Answered {
  platform: Platform;
  /** From commandLabel. */
  command: string;
  outcome: Outcome;
  /** From the request's arrival to its reply, rendered and ready to send. */
  ms: number;
  /** The interaction's id (Discord), the trigger or event id (Slack): what finds it elsewhere. */
  id?: string;
  /** What the person typed, logged only at debug. */
  options?: Readonly<Record<string, unknown>>;
}

export interface Autocompleted {
  platform: Platform;
  command: string;
  ms: number;
}

/** Where adapters report what they answered; logs and metrics listen (src/metrics). */
export interface Telemetry {
  answered(answered: Answered): void;
  autocompleted(autocompleted: Autocompleted): void;
}

/** What a front end gets besides what start-up made: where to report its answers. */
export interface Watched {
  telemetry?: Telemetry;
}

export const NO_TELEMETRY: Telemetry = { answered: () => {}, autocompleted: () => {} };

/** Milliseconds since `start` (a performance.now() reading), to a tenth. */
export function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

export interface Arrival {
  platform: Platform;
  /** performance.now() when the request arrived. */
  start: number;
  id?: string;
  commands: readonly Command[];
}

/**
 * Awaits `answer`, draws it with `render`, and reports it as the answer to `asked`: a call, or a
 * reply already made for input that could not be read as one (its command is then "unknown").
 * A throw in either is reported as a failure and thrown on, for the adapter to apologise.
 */
export async function reported<T>(
  telemetry: Telemetry | undefined,
  arrival: Arrival,
  asked: CommandCall | Reply,
  answer: () => Answer,
  render: (reply: Reply) => T,
): Promise<{ reply: Reply; rendered: T }> {
  const call = "command" in asked ? asked : undefined;
  const report = (reply: Reply | undefined) =>
    (telemetry ?? NO_TELEMETRY).answered({
      platform: arrival.platform,
      command: commandLabel(arrival.commands, call?.command),
      outcome: outcomeOf(reply),
      ms: since(arrival.start),
      ...(arrival.id === undefined ? {} : { id: arrival.id }),
      ...(call ? { options: call.options } : {}),
    });
  try {
    const reply = await answer();
    const rendered = render(reply);
    report(reply);
    return { reply, rendered };
  } catch (error) {
    report(undefined);
    throw error;
  }
}
