import { join } from "node:path";

// Where the schedule lives, from STORE_URL: unset keeps the SQLite file under STATE_DIR (the
// embedded default, so `npm start` needs nothing else); `sqlite:<file>` names another file;
// `postgres://…` (or `postgresql://…`) puts it in PostgreSQL for replicas on several machines.

/** The SQLite file's name under STATE_DIR. */
export const STORE_FILE = "barents.sqlite";

export type StoreLocation = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

/** What STORE_URL may hold, with examples: for the configuration error and --help. */
export const STORE_URL_FORMS =
  "sqlite:<file> or postgres://user:password@host:5432/database; for example sqlite:./state/barents.sqlite";

/** The location STORE_URL names, or undefined for a value of neither form. */
export function parseStoreUrl(
  url: string | undefined,
  stateDir: string,
): StoreLocation | undefined {
  if (url === undefined) return { kind: "sqlite", file: join(stateDir, STORE_FILE) };
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    return file ? { kind: "sqlite", file } : undefined;
  }
  if (/^postgres(ql)?:\/\/[^/]/.test(url) && URL.canParse(url)) return { kind: "postgres", url };
  return undefined;
}

/** Query parameters pg reads as secrets (pg-connection-string takes every parameter as config). */
const SECRET_PARAMETERS = ["password", "sslpassword", "sslkey"];

/** The URL as logs and errors may show it: every password in it replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const name of SECRET_PARAMETERS) {
      if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
    }
    return parsed.toString();
  } catch {
    return "the STORE_URL given (not a URL)";
  }
}

/** Where a store is, as logs and messages may name it: the file, or the URL without secrets. */
export function shownLocation(where: StoreLocation): string {
  return where.kind === "sqlite" ? where.file : redactUrl(where.url);
}
