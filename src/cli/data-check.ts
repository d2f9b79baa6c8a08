import { config as loadDotenv } from "dotenv";
import { BUNDLED_DATA_DIR } from "../boot.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { DataError, loadDataset } from "../core/load-dataset.ts";

// `npm run data:check [dir]`: the same validation start-up runs, for editors of data files.
// Exits 0 when the data is valid, 1 with every problem listed when it is not.

loadDotenv({ quiet: true });
try {
  const dir = process.argv[2] ?? loadConfig().DATA_DIR ?? BUNDLED_DATA_DIR;
  const data = loadDataset(dir);
  process.stdout.write(
    `${dir} is valid: ${data.sources.length} sources, ${data.people.length} people, ${data.events.length} events.\n`,
  );
} catch (error) {
  if (!(error instanceof DataError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
