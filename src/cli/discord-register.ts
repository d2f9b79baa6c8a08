import { config as loadDotenv } from "dotenv";
import { COMMANDS } from "../../commands/index.ts";
import { registerCommands } from "../adapters/discord/register.ts";
import { createRest } from "../adapters/discord/rest.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { messageOf } from "../error-message.ts";
import { toolArgs } from "./tool-args.ts";

// `npm run discord:register`: makes Discord's slash commands match the declarations, for the
// server in DISCORD_GUILD_ID (instant, for development) or globally. Exits 1 with a message
// when the settings are missing or Discord refuses.

const DISCORD_REGISTER = {
  script: "discord:register",
  about:
    "Makes Discord's slash commands match Barents's: fetches what Discord holds and writes only\nthe difference (run it after changing a command, never at every start).",
  synopsis: "[--dry-run]",
  options: {
    "dry-run": { type: "boolean", description: "print what would change, and write nothing" },
  },
  example: "npm run discord:register -- --dry-run",
  notes:
    "Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (from the environment or .env). With\n" +
    "DISCORD_GUILD_ID it registers in that server, where changes show at once; without it,\n" +
    "globally, where they can take a while to show.",
  exits: {
    done: "registered (or nothing to change)",
    failed: "a setting is missing or Discord refused",
  },
} as const;

const { values } = toolArgs(DISCORD_REGISTER);
const dryRun = values["dry-run"] === true;
loadDotenv({ quiet: true });

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

try {
  const config = loadConfig();
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) {
    const missing = [
      token ? "" : "DISCORD_TOKEN",
      applicationId ? "" : "DISCORD_APPLICATION_ID",
    ].filter(Boolean);
    fail(
      `Registering commands needs ${missing.join(" and ")}; set ${missing.length > 1 ? "them" : "it"} in .env (see .env.example).`,
    );
  }
  const guildId = config.DISCORD_GUILD_ID;
  const where = guildId
    ? `server ${guildId}`
    : "all servers (global commands can take a while to show)";
  process.stdout.write(
    dryRun
      ? `Comparing ${COMMANDS.length} commands with ${where} (dry run: nothing is written).\n`
      : `Registering ${COMMANDS.length} commands for ${where}.\n`,
  );
  const { lines } = await registerCommands(
    createRest(config, token),
    guildId ? { applicationId, guildId } : { applicationId },
    COMMANDS,
    { dryRun },
  );
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  // Discord's own words (401: Unauthorized, Missing Access) say what to fix; no stack needed.
  fail(`Registering failed: ${messageOf(error)}`);
}
