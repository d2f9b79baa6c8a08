import { config as loadDotenv } from "dotenv";
import { BUNDLED_DATA_DIR } from "../boot.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { DataError, loadDataset } from "../core/load-dataset.ts";
import { toolArgs } from "./tool-args.ts";

// `npm run data:check [dir]`: the same validation start-up runs, for editors of data files.
// Exits 0 when the data is valid, 1 with every problem listed when it is not.

const DATA_CHECK = {
  script: "data:check",
  about:
    "Checks a data folder (sources.json, people.json, events.json) as the bot does at start-up,\nand lists every problem it finds.",
  synopsis: "[<data-folder>]",
  options: {},
  positionals: 1,
  example: "npm run data:check -- ./data",
  notes:
    "Without a folder it checks DATA_DIR (from the environment or .env), else the bundled data.",
  exits: { done: "the data is valid", failed: "problems found (each is listed)" },
} as const;

const { positionals } = toolArgs(DATA_CHECK);
loadDotenv({ quiet: true });
try {
  const dir = positionals[0] ?? loadConfig().DATA_DIR ?? BUNDLED_DATA_DIR;
  const data = loadDataset(dir);
  process.stdout.write(
    `${dir} is valid: ${data.sources.length} sources, ${data.people.length} people, ${data.events.length} events.\n`,
  );
} catch (error) {
  if (!(error instanceof DataError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
