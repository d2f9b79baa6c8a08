import { config as loadDotenv } from "dotenv";
import { createContext, errorLog } from "./boot.ts";
import type { CommandContext } from "./command/declaration.ts";
import type { ErrorLog } from "./command/run-command.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { DataError } from "./core/load-dataset.ts";
import { createLogger, type Logger } from "./logger.ts";

export interface Started {
  config: Config;
  ctx: CommandContext;
  logger: Logger;
  log: ErrorLog;
}

/**
 * Everything a front end needs before its first reply: settings from the environment and .env,
 * a logger, the validated data and its index. Bad settings or data end the process with a
 * message that names the problem and exit code 1, never a stack trace.
 */
export function startUp(): Started {
  loadDotenv({ quiet: true });
  try {
    const config = loadConfig();
    const logger = createLogger(config.LOG_LEVEL);
    return { config, ctx: createContext(config), logger, log: errorLog(logger) };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataError) {
      process.stderr.write(`Barents cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
