import { type REST, Routes } from "discord.js";
import type { Command } from "../../command/declaration.ts";
import {
  applicationCommands,
  type CommandDiff,
  diffCommands,
  type RemoteCommand,
} from "./application-commands.ts";

// `npm run discord:register`, as a function: fetch what Discord holds, write only the
// difference, one command at a time, and say what changed. Never run at bot start-up.

export interface RegisterTarget {
  applicationId: string;
  /** One server, where changes show at once (for development); globally when absent. */
  guildId?: string;
}

export interface Registered {
  diff: CommandDiff;
  /** What changed, one line each, or that nothing needed to. */
  lines: string[];
}

/** Makes Discord hold exactly the declared commands for the target, writing only what differs. */
export async function registerCommands(
  rest: REST,
  target: RegisterTarget,
  commands: readonly Command[],
): Promise<Registered> {
  const { applicationId: app, guildId: guild } = target;
  const list = guild
    ? Routes.applicationGuildCommands(app, guild)
    : Routes.applicationCommands(app);
  const one = (id: string) =>
    guild ? Routes.applicationGuildCommand(app, guild, id) : Routes.applicationCommand(app, id);

  const held = (await rest.get(list)) as RemoteCommand[];
  const diff = diffCommands(applicationCommands(commands), held);
  const lines: string[] = [];
  for (const command of diff.create) {
    await rest.post(list, { body: command });
    lines.push(`created /${command.name}`);
  }
  for (const { id, command } of diff.update) {
    await rest.patch(one(id), { body: command });
    lines.push(`updated /${command.name}`);
  }
  for (const { id, name } of diff.delete) {
    await rest.delete(one(id));
    lines.push(`deleted /${name}`);
  }
  if (!lines.length) {
    const n = diff.unchanged.length;
    lines.push(`Nothing to change: ${n} command${n === 1 ? "" : "s"} already up to date.`);
  }
  return { diff, lines };
}
