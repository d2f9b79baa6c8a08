import type { Command } from "../../command/declaration.ts";
import { usageLine } from "../../command/usage.ts";
import { installedCommands, SLACK_EVENTS_PATH } from "./names.ts";

export { MAX_COMMAND_NAME, ManifestError } from "./names.ts";

// The Slack app manifest, generated from the command declarations so that the commands a
// workspace installs are exactly the ones the listeners answer (the same prefix, the same names).
// An admin pastes it into "Create New App → From an app manifest".

// Slack's manifest allows longer, but its command picker shows about this much.
const MAX_DESCRIPTION = 100;

// Each scope and event is here for one listener (Slack's scope and event reference pages):
export const BOT_SCOPES = [
  // Slash commands: the umbrella and one per command.
  "commands",
  // Answers to mentions and DMs, and scheduled posts.
  "chat:write",
  // Scheduled posts go to channels the bot has not been invited to.
  "chat:write.public",
  // app_mention: "View messages that directly mention your Slack app in conversations that the
  // app is in".
  "app_mentions:read",
  // message.im: "View messages and other content in direct messages that your Slack app has been
  // added to". Replies go back to the DM's own channel id, so neither im:read nor im:write
  // (opening DMs) is needed.
  "im:history",
  // Charts: files.getUploadURLExternal and files.completeUploadExternal, which share a reply's
  // picture into the conversation it answers ("Upload, edit, and delete files as your slack app").
  "files:write",
] as const;

/** Mentions in channels and threads, and direct messages. */
export const BOT_EVENTS = ["app_mention", "message.im"] as const;

export interface ManifestOptions {
  /** SLACK_COMMAND_PREFIX. */
  prefix: string;
  /** SLACK_UMBRELLA_COMMAND, without its slash. */
  umbrella: string;
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
    /** The Messages tab is where a person writes the app a direct message. */
    app_home: {
      home_tab_enabled: false;
      messages_tab_enabled: true;
      messages_tab_read_only_enabled: false;
    };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: SlackSlashCommandManifest[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: true; request_url?: string };
    org_deploy_enabled: false;
    socket_mode_enabled: boolean;
    token_rotation_enabled: false;
  };
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

const UMBRELLA_DESCRIPTION = "Any Barents command: who huitfeldt, expulsions 2023, or help";

/** The manifest for these commands. Throws ManifestError for a name Slack would refuse. */
export function slackManifest(
  commands: readonly Command[],
  options: ManifestOptions,
): SlackManifest {
  const http = options.mode === "http";
  const url = http
    ? `${(options.baseUrl ?? PLACEHOLDER_BASE_URL).replace(/\/+$/, "")}${SLACK_EVENTS_PATH}`
    : undefined;
  const slashCommands = installedCommands(commands, options.prefix, options.umbrella).map(
    ({ slash, command }): SlackSlashCommandManifest => {
      const hint = command ? usageHint(command) : "[command] [words…]";
      return {
        command: slash,
        description: command ? clipDescription(command.description) : UMBRELLA_DESCRIPTION,
        ...(hint ? { usage_hint: hint } : {}),
        // Text arrives as typed; the renderer escapes whatever it echoes.
        should_escape: false,
        ...(url ? { url } : {}),
      };
    },
  );
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "Barents",
      description:
        "Norway–Russia relations from a cited index of events: timelines, expulsions, people.",
      background_color: "#1d3557",
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: "barents", always_online: false },
      slash_commands: slashCommands,
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !http,
      token_rotation_enabled: false,
    },
  };
}
