import type { EventIndex } from "../core/event-index.ts";
import type { Reply } from "../reply/reply.ts";
import type { Place, ScheduleDesk } from "../schedule/desk.ts";

// A command is declared once, as data. Discord's registration JSON, Slack's manifest, the text
// grammar and /help are all derived from these declarations, so they cannot disagree.

export type OptionType = "string" | "integer";

/** Where an option's autocomplete choices come from. */
export type AutocompleteSource = "people" | "expulsion-years" | "topics" | "time-zones" | "search";

/** A permission a command needs where the platform has one (Discord's Manage Channels). */
export type CommandPermission = "manage-channels";

export interface OptionDeclaration {
  readonly name: string;
  readonly description: string;
  readonly type: OptionType;
  readonly required?: boolean;
  /** Bounds for integers. */
  readonly min?: number;
  readonly max?: number;
  /** Length bounds for strings, counted in characters. */
  readonly maxLength?: number;
  readonly autocomplete?: AutocompleteSource;
  /** Whether bare words fill it (`/expulsions 2023`); false for options only named (`page:2`). */
  readonly positional?: boolean;
  /** A value that works, for help texts and error messages. */
  readonly example: string;
}

/** What a handler may read besides its options: the index, the clock, the other commands. */
export interface CommandContext {
  readonly index: EventIndex;
  /** The current instant; injected so tests and schedulers can set it. */
  readonly now: () => Date;
  /** IANA zone whose calendar decides what "today" is. */
  readonly timeZone: string;
  readonly commands: readonly Command[];
  /** The channel and person a command came from; absent in the console and `ask`. */
  readonly place?: Place;
  /** Subscriptions to daily posts; absent where nothing can post (the console, `ask`). */
  readonly schedule?: ScheduleDesk;
}

export type OptionValue = string | number;
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

export interface Command {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDeclaration[];
  /** Whole invocations that work, the first one shown in /help. */
  readonly examples: readonly string[];
  /** Who may run it: Discord hides it from others by default and the handler checks again. */
  readonly permission?: CommandPermission;
  /**
   * Runs only where a command comes from a Discord or Slack channel, being about that channel's
   * daily posts; /help in the console and `ask`, which have no channel, leaves it out.
   */
  readonly inChannel?: boolean;
  readonly handle: (ctx: CommandContext, options: OptionValues) => Answer;
}

/**
 * A handler's reply: at once, or later for a command that reads or writes the schedule store,
 * which may have to wait for it. Commands that touch no store answer at once, so they never
 * queue behind it.
 */
export type Answer = Reply | Promise<Reply>;

type ValueOf<O extends OptionDeclaration> = O["type"] extends "integer" ? number : string;

/** The handler's options, typed from the declaration: required ones are never undefined. */
export type OptionsOf<D extends readonly OptionDeclaration[]> = {
  readonly [O in D[number] as O["name"]]: O extends { required: true }
    ? ValueOf<O>
    : ValueOf<O> | undefined;
};

/** Declares a command with its handler's options typed from its own option list. */
export function defineCommand<const D extends readonly OptionDeclaration[]>(declaration: {
  name: string;
  description: string;
  options: D;
  examples: readonly string[];
  permission?: CommandPermission;
  inChannel?: boolean;
  handle: (ctx: CommandContext, options: OptionsOf<D>) => Answer;
}): Command {
  // Options are checked against the declaration before a handler runs (resolve-options.ts),
  // which is what makes this narrowing safe.
  return declaration as unknown as Command;
}
