import {
  type APIApplicationCommand,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
} from "discord.js";
import type { Command, CommandPermission, OptionDeclaration } from "../../command/declaration.ts";
import { clip } from "../../command/resolve-options.ts";

// Discord's application command JSON, derived from the command declarations (the one source
// every platform uses), and the difference between it and what Discord holds, so registration
// writes only what changed: Discord allows 200 command creations a day per guild.

/** Discord's ceiling for command and option descriptions. */
const DESCRIPTION = 100;

export interface CommandOptionJson {
  type: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer;
  name: string;
  description: string;
  required: boolean;
  min_value?: number;
  max_value?: number;
  max_length?: number;
  autocomplete?: true;
}

export interface CommandJson {
  type: ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: CommandOptionJson[];
  /**
   * Who sees the command by default, as a permission bit set in a decimal string; null: everyone.
   * Server admins can change it per server, so handlers check the permission again.
   */
  default_member_permissions: string | null;
}

/** Discord's permission bits for the permissions commands declare. */
const PERMISSION_BITS: Record<CommandPermission, bigint> = {
  "manage-channels": PermissionFlagsBits.ManageChannels,
};

function optionJson(option: OptionDeclaration): CommandOptionJson {
  const json: CommandOptionJson = {
    type:
      option.type === "integer"
        ? ApplicationCommandOptionType.Integer
        : ApplicationCommandOptionType.String,
    name: option.name,
    description: clip(option.description, DESCRIPTION),
    required: option.required === true,
  };
  if (option.min !== undefined) json.min_value = option.min;
  if (option.max !== undefined) json.max_value = option.max;
  if (option.maxLength !== undefined) json.max_length = option.maxLength;
  if (option.autocomplete) json.autocomplete = true;
  return json;
}

/** One slash command as Discord registers it. Discord wants required options listed first. */
export function commandJson(command: Command): CommandJson {
  const options = command.options.map(optionJson);
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: clip(command.description, DESCRIPTION),
    options: [...options.filter((o) => o.required), ...options.filter((o) => !o.required)],
    default_member_permissions: command.permission
      ? String(PERMISSION_BITS[command.permission])
      : null,
  };
}

export function applicationCommands(commands: readonly Command[]): CommandJson[] {
  return commands.map(commandJson);
}

/** A command as Discord returns it; only the fields Barents declares are read. */
export type RemoteCommand = Pick<APIApplicationCommand, "id" | "name"> &
  Partial<
    Pick<APIApplicationCommand, "type" | "description" | "options" | "default_member_permissions">
  >;

/**
 * The fields Barents declares, with Discord's defaults filled in, so a command reads the same
 * whether it was built here or fetched back (Discord leaves out `required: false`, adds ids,
 * versions, contexts and localizations that nothing here sets).
 */
function comparable(command: RemoteCommand | CommandJson): string {
  const options = (command.options ?? []).map((raw) => {
    const o = raw as Partial<CommandOptionJson> & { choices?: unknown[] };
    return {
      type: o.type,
      name: o.name,
      description: o.description,
      required: o.required === true,
      min_value: o.min_value,
      max_value: o.max_value,
      max_length: o.max_length,
      autocomplete: o.autocomplete === true,
      choices: o.choices?.length ? o.choices : undefined,
    };
  });
  return JSON.stringify({
    type: command.type ?? ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description ?? "",
    options,
    default_member_permissions: command.default_member_permissions ?? null,
  });
}

export interface CommandDiff {
  create: CommandJson[];
  update: Array<{ id: string; command: CommandJson }>;
  delete: Array<{ id: string; name: string }>;
  unchanged: string[];
}

/** What must be written for Discord to hold exactly `local`. */
export function diffCommands(
  local: readonly CommandJson[],
  remote: readonly RemoteCommand[],
): CommandDiff {
  const diff: CommandDiff = { create: [], update: [], delete: [], unchanged: [] };
  const key = (c: { type?: number; name: string }) =>
    `${c.type ?? ApplicationCommandType.ChatInput}:${c.name}`;
  const held = new Map(remote.map((c) => [key(c), c]));
  for (const command of local) {
    const there = held.get(key(command));
    held.delete(key(command));
    if (!there) diff.create.push(command);
    else if (comparable(there) !== comparable(command)) diff.update.push({ id: there.id, command });
    else diff.unchanged.push(command.name);
  }
  // Whatever else the application holds is left over from an older Barents.
  for (const stale of held.values()) diff.delete.push({ id: stale.id, name: stale.name });
  return diff;
}
