import { config as loadDotenv } from "dotenv";
import { COMMANDS } from "../../commands/index.ts";
import {
  ManifestError,
  type ManifestOptions,
  PLACEHOLDER_BASE_URL,
  slackManifest,
} from "../adapters/slack/manifest.ts";
import { ConfigError, loadConfig } from "../config.ts";

// `npm run slack:manifest [-- --socket | --http <base-url>]`: prints the Slack app manifest as
// JSON, which "Create New App → From an app manifest" accepts. Command names follow
// SLACK_COMMAND_PREFIX and SLACK_UMBRELLA_COMMAND from the environment or .env. Exit codes:
// 0 printed, 1 bad settings (or names Slack would refuse), 2 bad arguments.

const HELP = `Prints the Slack app manifest (JSON) for Barents's commands.

Usage: npm run slack:manifest -- [--socket | --http <base-url>]

  --socket            Socket Mode: no public URL (needs SLACK_APP_TOKEN to run).
  --http <base-url>   HTTP mode: Slack posts to <base-url>/slack/events,
                      e.g. --http https://barents.example.org
  --help              This text.

Without a flag the mode follows the settings: Socket Mode when SLACK_APP_TOKEN is
set, HTTP otherwise (with a placeholder URL to replace). The manifest declares
/barents (SLACK_UMBRELLA_COMMAND), which takes any command line, and one command
per Barents command named with SLACK_COMMAND_PREFIX (default barents-: /barents-who),
since Slack keeps names such as /who and /search for itself.
`;

class UsageProblem extends Error {}

function parseArgs(
  args: string[],
  appToken: boolean,
): Omit<ManifestOptions, "prefix" | "umbrella"> {
  if (args.length === 0) return { mode: appToken ? "socket" : "http" };
  const [flag, value, ...rest] = args;
  if (flag === "--socket" && value === undefined) return { mode: "socket" };
  if (flag === "--http" && value !== undefined && rest.length === 0) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new UsageProblem(
        `--http needs a URL like https://barents.example.org, not "${value}".`,
      );
    }
    // Slack only posts to https request URLs.
    if (url.protocol !== "https:") throw new UsageProblem("--http needs an https:// URL.");
    return { mode: "http", baseUrl: value };
  }
  throw new UsageProblem(`Unknown arguments: ${args.join(" ")}`);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(HELP);
  process.exit(0);
}
loadDotenv({ quiet: true });
try {
  const config = loadConfig();
  const options = parseArgs(args, config.SLACK_APP_TOKEN !== undefined);
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
  if (error instanceof UsageProblem) {
    process.stderr.write(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (!(error instanceof ConfigError || error instanceof ManifestError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
