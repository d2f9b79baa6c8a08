import type { Command } from "../../command/declaration.ts";

// How Slack addresses Barents, shared by the listeners, the App and the manifest so that the
// commands a workspace installs are exactly the ones answered.
//
// Slack's rules, as this file enforces them (DESIGN.md's platform facts; Slack's docs on
// implementing slash commands name /topic and /remind as built-ins, which "along with Giphy app
// slash commands, are the only slash commands that can be invoked in message threads"):
// - an app cannot declare one of Slack's built-in commands: a manifest with one does not install;
// - command names are lowercase, at most 32 characters with the slash;
// - an app declares at most 50 commands.

/** The path Slack posts commands, button presses and events to in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Slack refuses longer command names, and names with capitals. */
export const MAX_COMMAND_NAME = 32;
/** Slack refuses an app with more slash commands. */
export const MAX_COMMANDS = 50;

/** Slack's own commands, which no app may declare. */
export const BUILT_IN_COMMANDS: ReadonlySet<string> = new Set([
  "me",
  "status",
  "away",
  "dnd",
  "shrug",
  "remind",
  "msg",
  "feed",
  "who",
  "collapse",
  "expand",
  "leave",
  "join",
  "open",
  "search",
  "topic",
  "mute",
  "pro",
  "shortcuts",
]);

/** A set of Slack command names Slack would refuse, with what to change. */
export class ManifestError extends Error {
  override name = "ManifestError";
}

export interface InstalledCommand {
  /** As declared in the manifest and sent by Slack: `/barents-who`. */
  slash: string;
  /** The declared command it runs; undefined for the umbrella, which takes a whole line. */
  command?: Command;
}

function check(slash: string): void {
  const bare = slash.slice(1);
  if (BUILT_IN_COMMANDS.has(bare)) {
    throw new ManifestError(
      `${slash} is one of Slack's built-in commands, which no app may declare. Set SLACK_COMMAND_PREFIX (for example barents-) or SLACK_UMBRELLA_COMMAND to another name.`,
    );
  }
  if (slash.length > MAX_COMMAND_NAME || !/^\/[a-z0-9][a-z0-9_-]*$/.test(slash)) {
    throw new ManifestError(
      `${slash} cannot be a Slack command: names are lowercase letters, digits, - or _, at most ${MAX_COMMAND_NAME} characters with the slash. Shorten SLACK_COMMAND_PREFIX.`,
    );
  }
}

/**
 * The slash commands a workspace installs: the umbrella first, then one per declared command
 * under the prefix. Throws ManifestError when Slack would refuse any name, or the whole set.
 */
export function installedCommands(
  commands: readonly Command[],
  prefix: string,
  umbrella: string,
): InstalledCommand[] {
  const installed: InstalledCommand[] = [
    { slash: `/${umbrella}` },
    // `/` + SLACK_COMMAND_PREFIX + name: `/barents-who`.
    ...commands.map((command) => ({ slash: `/${prefix}${command.name}`, command })),
  ];
  if (installed.length > MAX_COMMANDS) {
    throw new ManifestError(
      `Slack allows ${MAX_COMMANDS} commands an app; Barents would declare ${installed.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const { slash } of installed) {
    check(slash);
    if (seen.has(slash)) {
      throw new ManifestError(
        `${slash} would be declared twice: choose a SLACK_UMBRELLA_COMMAND that is not also a command under SLACK_COMMAND_PREFIX.`,
      );
    }
    seen.add(slash);
  }
  return installed;
}

/**
 * The declared command's name for a slash command Slack sent (`/barents-who` → `who`), or null
 * for the umbrella. Slack sends only the commands the installed manifest declares, so a name
 * without the prefix comes from a workspace installed from an older manifest and is answered too.
 */
export function commandOfSlash(
  slash: string,
  names: { prefix: string; umbrella: string; commands: readonly Command[] },
): string | null {
  const bare = slash.replace(/^\//, "").toLowerCase();
  if (bare === names.umbrella) return null;
  const unprefixed = bare.slice(names.prefix.length);
  const prefixed =
    names.prefix &&
    bare.startsWith(names.prefix) &&
    names.commands.some((c) => c.name === unprefixed);
  return prefixed ? unprefixed : bare;
}
