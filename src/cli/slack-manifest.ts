import { config as loadDotenv } from "dotenv";
import { COMMANDS } from "../../commands/index.ts";
import {
  ManifestError,
  type ManifestOptions,
  PLACEHOLDER_BASE_URL,
  slackManifest,
} from "../adapters/slack/manifest.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { exitWithUsage, type ToolValues, toolArgs } from "./tool-args.ts";

// `npm run slack:manifest [-- --socket | --http <base-url>]`: prints the Slack app manifest as
// JSON, which "Create New App → From an app manifest" accepts. Command names follow
// SLACK_COMMAND_PREFIX and SLACK_UMBRELLA_COMMAND from the environment or .env. Exit codes:
// 0 printed, 1 bad settings (or names Slack would refuse), 2 bad arguments.

const EXAMPLE_URL = "https://bot.example.org";

const SLACK_MANIFEST = {
  script: "slack:manifest",
  about: "Prints the Slack app manifest (JSON) for Barents's commands.",
  synopsis: "[--socket | --http <base-url>]",
  options: {
    socket: {
      type: "boolean",
      description: "Socket Mode: no public URL (needs SLACK_APP_TOKEN to run)",
    },
    http: {
      type: "string",
      value: "<base-url>",
      description: "HTTP mode: Slack posts to <base-url>/slack/events",
      missing: `--http needs the public URL Slack should call, e.g. --http ${EXAMPLE_URL}`,
    },
  },
  example: `npm run slack:manifest -- --http ${EXAMPLE_URL}`,
  notes: `Without a flag the mode follows the settings: Socket Mode when SLACK_APP_TOKEN is
set, HTTP otherwise (with a placeholder URL to replace). The manifest declares
/barents (SLACK_UMBRELLA_COMMAND), which takes any command line, and one command
per Barents command named with SLACK_COMMAND_PREFIX (default barents-: /barents-who),
since Slack keeps names such as /who and /search for itself.
Paste it into api.slack.com/apps: Create New App, From an app manifest.`,
  exits: { done: "printed", failed: "bad settings, or names Slack would refuse" },
} as const;

type Mode = Omit<ManifestOptions, "prefix" | "umbrella">;

/** The mode the flags ask for, or undefined to follow the settings; stops on a bad flag. */
function chosenMode({ socket, http }: ToolValues<typeof SLACK_MANIFEST.options>): Mode | undefined {
  const refuse: (problem: string) => never = (problem) => exitWithUsage(SLACK_MANIFEST, problem);
  if (socket && http !== undefined) refuse("choose one of --socket and --http");
  if (socket) return { mode: "socket" };
  if (http === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(http);
  } catch {
    refuse(`--http needs a URL like ${EXAMPLE_URL}, not "${http}"`);
  }
  // Slack only posts to https request URLs.
  if (url.protocol !== "https:") refuse(`--http needs an https:// URL, like ${EXAMPLE_URL}`);
  return { mode: "http", baseUrl: http };
}

const chosen = chosenMode(toolArgs(SLACK_MANIFEST).values);
loadDotenv({ quiet: true });
try {
  const config = loadConfig();
  const options = chosen ?? { mode: config.SLACK_APP_TOKEN !== undefined ? "socket" : "http" };
  const manifest = slackManifest(COMMANDS, {
    prefix: config.SLACK_COMMAND_PREFIX,
    umbrella: config.SLACK_UMBRELLA_COMMAND,
    ...options,
  });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  if (options.mode === "http" && !options.baseUrl) {
    process.stderr.write(
      `Replace ${PLACEHOLDER_BASE_URL} with the bot's public https URL, or run with --http <base-url>.\n`,
    );
  }
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof ManifestError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
