import type { Command } from "../../command/declaration.ts";
import { usageLine } from "../../command/usage.ts";
import { SLACK_EVENTS_PATH, slashName } from "./names.ts";

// The Slack app manifest, generated from the command declarations so that the commands a
// workspace installs are exactly the ones the listeners answer (the same prefix, the same names).
// An admin pastes it into "Create New App → From an app manifest".

/** Slack refuses longer command names, and names with capitals. */
export const MAX_COMMAND_NAME = 32;
// Slack's manifest allows longer, but its command picker shows about this much.
const MAX_DESCRIPTION = 100;

export const BOT_SCOPES = [
  "commands",
  "chat:write",
  // Scheduled posts go to channels the bot has not been invited to.
  "chat:write.public",
] as const;

export interface ManifestOptions {
  /** SLACK_COMMAND_PREFIX. */
  prefix: string;
  mode: "socket" | "http";
  /** Where Slack reaches the bot in HTTP mode, like https://barents.example.org. */
  baseUrl?: string;
}

export interface SlackSlashCommandManifest {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape: false;
  url?: string;
}

export interface SlackManifest {
  _metadata: { major_version: 1; minor_version: 1 };
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: SlackSlashCommandManifest[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: true; request_url?: string };
    org_deploy_enabled: false;
    socket_mode_enabled: boolean;
    token_rotation_enabled: false;
  };
}

/** A manifest Slack would refuse, with what to change. */
export class ManifestError extends Error {
  override name = "ManifestError";
}

/** Shown where HTTP mode needs a URL and none was given: plainly a value to replace. */
export const PLACEHOLDER_BASE_URL = "https://YOUR-BARENTS-HOST";

function clipDescription(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

/** What follows the command name in Slack's picker: "[from] [to] [topic] [person] [page:N]". */
function usageHint(command: Command): string | undefined {
  const hint = usageLine(command).slice(`/${command.name}`.length).trim();
  return hint || undefined;
}

/** The manifest for these commands. Throws when a prefixed name is one Slack would refuse. */
export function slackManifest(
  commands: readonly Command[],
  options: ManifestOptions,
): SlackManifest {
  const http = options.mode === "http";
  const url = http
    ? `${(options.baseUrl ?? PLACEHOLDER_BASE_URL).replace(/\/+$/, "")}${SLACK_EVENTS_PATH}`
    : undefined;
  const slashCommands = commands.map((command): SlackSlashCommandManifest => {
    const name = slashName(options.prefix, command.name);
    if (name.length > MAX_COMMAND_NAME || name !== name.toLowerCase()) {
      throw new ManifestError(
        `${name} cannot be a Slack command: names are lowercase and at most ${MAX_COMMAND_NAME} characters. Shorten SLACK_COMMAND_PREFIX.`,
      );
    }
    const hint = usageHint(command);
    return {
      command: name,
      description: clipDescription(command.description),
      ...(hint ? { usage_hint: hint } : {}),
      // Text arrives as typed; the renderer escapes whatever it echoes.
      should_escape: false,
      ...(url ? { url } : {}),
    };
  });
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "Barents",
      description:
        "Norway–Russia relations from a cited index of events: timelines, expulsions, people.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "barents", always_online: false },
      slash_commands: slashCommands,
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !http,
      token_rotation_enabled: false,
    },
  };
}
