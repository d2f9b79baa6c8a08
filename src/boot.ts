import { fileURLToPath } from "node:url";
import { COMMANDS } from "../commands/index.ts";
import type { CommandContext } from "./command/declaration.ts";
import type { ErrorLog } from "./command/run-command.ts";
import type { Config } from "./config.ts";
import { EventIndex } from "./core/event-index.ts";
import { loadDataset } from "./core/load-dataset.ts";
import type { Logger } from "./logger.ts";

/** The bundled data, found beside the code rather than the working directory. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL("../data", import.meta.url));

/** Loads and indexes the data once; throws DataError when it is not trustworthy. */
export function createContext(
  config: Pick<Config, "DATA_DIR" | "BOT_TIMEZONE">,
  now: () => Date = () => new Date(),
): CommandContext {
  const index = new EventIndex(loadDataset(config.DATA_DIR ?? BUNDLED_DATA_DIR));
  return { index, now, timeZone: config.BOT_TIMEZONE, commands: COMMANDS };
}

/** Command failures go to the log with their context, never to the person who asked. */
export function errorLog(logger: Logger): ErrorLog {
  return (message, context) => logger.error(context, message);
}
