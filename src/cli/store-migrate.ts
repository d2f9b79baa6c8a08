import { existsSync } from "node:fs";
import { messageOf } from "../error-message.ts";
import { type CopyCounts, pgTables, type StoreTables, sqliteTables } from "../store/store-copy.ts";
import { StoreOpenError } from "../store/store-errors.ts";
import {
  parseStoreUrl,
  STORE_URL_FORMS,
  type StoreLocation,
  shownLocation,
} from "../store/store-location.ts";
import { exitWithUsage, toolArgs } from "./tool-args.ts";

// `npm run store:migrate -- --from <url> --to <url>`: copies the schedule (subscriptions, the
// post log, who changed what) from one store to another, typically from the SQLite file of one
// machine to the PostgreSQL database several replicas will share. Idempotent: it adds only what
// the target lacks, so running it again changes nothing. Exit codes: 0 copied, 1 a store could
// not be opened or written, 2 bad arguments.

const STORE_MIGRATE = {
  script: "store:migrate",
  about:
    "Copies Barents's schedule from one store to another, adding only what the\ntarget lacks (running it again changes nothing).",
  synopsis: "--from <store-url> --to <store-url>",
  options: {
    from: {
      type: "string",
      value: "<store-url>",
      description: "where the schedule is now: sqlite:<file> or postgres://…",
    },
    to: {
      type: "string",
      value: "<store-url>",
      description: "where it should be; created and migrated if it is new",
    },
  },
  example:
    "npm run store:migrate -- --from sqlite:./state/barents.sqlite --to postgres://barents:secret@db.example:5432/barents",
  notes: "Stop the bots writing to the source first, then set STORE_URL to the target.",
  exits: { done: "copied", failed: "a store could not be opened or written" },
} as const;

/** Where a flag points; stops with a usage error when it is missing or in no form it takes. */
function location(flag: string, url: string | undefined): StoreLocation {
  if (!url) exitWithUsage(STORE_MIGRATE, `${flag} is missing`);
  const found = parseStoreUrl(url, ".");
  if (!found) exitWithUsage(STORE_MIGRATE, `${flag} takes ${STORE_URL_FORMS}`);
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
  const { values } = toolArgs(STORE_MIGRATE, argv);
  const from = location("--from", values.from);
  const to = location("--to", values.to);
  if (shownLocation(from) === shownLocation(to))
    exitWithUsage(STORE_MIGRATE, "--from and --to are the same store");
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
