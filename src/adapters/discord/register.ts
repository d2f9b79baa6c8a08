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
// A dry run stops after the fetch: the GET of the command list changes nothing on Discord
// ("Get Global/Guild Application Commands"), so it shows the same diff and writes nothing.

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
  { dryRun = false }: { dryRun?: boolean } = {},
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
  const done = (verb: string, name: string) =>
    lines.push(dryRun ? `would ${verb} /${name}` : `${verb}d /${name}`);
  for (const command of diff.create) {
    if (!dryRun) await rest.post(list, { body: command });
    done("create", command.name);
  }
  for (const { id, command } of diff.update) {
    if (!dryRun) await rest.patch(one(id), { body: command });
    done("update", command.name);
  }
  for (const { id, name } of diff.delete) {
    if (!dryRun) await rest.delete(one(id));
    done("delete", name);
  }
  if (!lines.length) {
    const n = diff.unchanged.length;
    lines.push(`Nothing to change: ${n} command${n === 1 ? "" : "s"} already up to date.`);
  }
  return { diff, lines };
}
