import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { messageOf } from "../error-message.ts";
import { type CopyCounts, pgTables, type StoreTables, sqliteTables } from "../store/store-copy.ts";
import { StoreOpenError } from "../store/store-errors.ts";
import {
  parseStoreUrl,
  STORE_URL_FORMS,
  type StoreLocation,
  shownLocation,
} from "../store/store-location.ts";

// `npm run store:migrate -- --from <url> --to <url>`: copies the schedule (subscriptions, the
// post log, who changed what) from one store to another, typically from the SQLite file of one
// machine to the PostgreSQL database several replicas will share. Idempotent: it adds only what
// the target lacks, so running it again changes nothing. Exit codes: 0 copied, 1 a store could
// not be opened or written, 2 bad arguments.

const HELP = `Copies Barents's schedule from one store to another, adding only what the
target lacks (running it again changes nothing).

Usage: npm run store:migrate -- --from <store-url> --to <store-url>

  --from <store-url>  where the schedule is now: ${"sqlite:<file>"} or postgres://…
  --to <store-url>    where it should be; created and migrated if it is new
  --help, -h          this text

Example:
  npm run store:migrate -- --from sqlite:./state/barents.sqlite \\
    --to postgres://barents:secret@db.example:5432/barents

Stop the bots writing to the source first, then set STORE_URL to the target.
Exit codes: 0 copied, 1 a store could not be opened or written, 2 bad arguments.
`;

class UsageProblem extends Error {}

function location(flag: string, url: string | undefined): StoreLocation {
  if (!url) throw new UsageProblem(`${flag} is missing.`);
  const found = parseStoreUrl(url, ".");
  if (!found) throw new UsageProblem(`${flag} takes ${STORE_URL_FORMS}.`);
  return found;
}

interface Opened {
  tables: StoreTables;
  close(): Promise<void>;
}

async function open(flag: string, where: StoreLocation, mustExist: boolean): Promise<Opened> {
  if (where.kind === "sqlite") {
    if (mustExist && !existsSync(where.file)) {
      throw new StoreOpenError(where.file, `there is no store file here (${flag})`);
    }
    const { openStoreFile } = await import("../store/sqlite-file.ts");
    const db = openStoreFile(where.file);
    return { tables: sqliteTables(db), close: async () => void db.close() };
  }
  const { openPgPool } = await import("../store/pg-store.ts");
  const pool = await openPgPool(where.url, { setting: flag });
  return { tables: pgTables(pool), close: () => pool.end() };
}

function report(counts: CopyCounts): string {
  const line = (name: string, { copied, kept }: { copied: number; kept: number }) =>
    `  ${name}: ${copied} copied, ${kept} already there`;
  return [
    line("subscriptions", counts.subscriptions),
    line("posts", counts.posts),
    line("changes", counts.changes),
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  let from: StoreLocation;
  let to: StoreLocation;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    from = location("--from", values.from);
    to = location("--to", values.to);
    if (shownLocation(from) === shownLocation(to))
      throw new UsageProblem("--from and --to are the same store.");
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\n\n${HELP}`);
    return 2;
  }
  const opened: Opened[] = [];
  try {
    const source = await open("--from", from, true);
    opened.push(source);
    const target = await open("--to", to, false);
    opened.push(target);
    const { copyStore } = await import("../store/store-copy.ts");
    const counts = await copyStore(source.tables, target.tables);
    process.stdout.write(
      `Copied the schedule from ${shownLocation(from)} to ${shownLocation(to)}:\n${report(counts)}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`store:migrate failed: ${messageOf(error)}\n`);
    return 1;
  } finally {
    for (const store of opened) await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
