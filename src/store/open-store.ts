import type { Config } from "../config.ts";
import type { ScheduleStore } from "./schedule-store.ts";
import { StoreOpenError } from "./store-errors.ts";
import { parseStoreUrl, STORE_URL_FORMS, shownLocation } from "./store-location.ts";

// Opens whichever store STORE_URL names. Each kind is imported only when it is the one named,
// so a SQLite bot never loads pg and a PostgreSQL one never loads better-sqlite3's file code.

export interface OpenedStore {
  store: ScheduleStore;
  /** Where it is, safe for logs: the file, or the URL without its password. */
  shown: string;
}

export interface OpenStoreOptions {
  /** SQLite: how long a call keeps retrying a locked file (sqlite-store.ts). */
  busyWaitMs?: number;
  /** PostgreSQL: a pooled connection failed while idle. */
  onConnectionLost?: (error: Error) => void;
}

export async function openStore(
  config: Pick<Config, "STORE_URL" | "STATE_DIR">,
  options: OpenStoreOptions = {},
): Promise<OpenedStore> {
  const location = parseStoreUrl(config.STORE_URL, config.STATE_DIR);
  if (!location) throw new StoreOpenError("STORE_URL", `takes ${STORE_URL_FORMS}`);
  if (location.kind === "sqlite") {
    const { openSqliteFile } = await import("./sqlite-store.ts");
    const { busyWaitMs } = options;
    const store = openSqliteFile(location.file, busyWaitMs === undefined ? {} : { busyWaitMs });
    return { store, shown: shownLocation(location) };
  }
  const { openPgStore } = await import("./pg-store.ts");
  const { onConnectionLost } = options;
  const store = await openPgStore(location.url, onConnectionLost ? { onConnectionLost } : {});
  return { store, shown: shownLocation(location) };
}
