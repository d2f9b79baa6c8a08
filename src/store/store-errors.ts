// Why the schedule store could not be used, in words an operator can act on: every message
// names the file, so a log line says which store is locked or broken.

/** The store was there but could not answer: locked past the wait, or unreadable. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
  /** Locked by another connection (it may come back) rather than broken. */
  readonly busy: boolean;
  /** The problem without the path, for places the path is not wanted (replies, /healthz). */
  readonly reason: string;
  constructor(path: string, reason: string, busy: boolean, cause?: unknown) {
    super(`schedule store ${path}: ${reason}`, { cause });
    this.busy = busy;
    this.reason = reason;
  }
}

/** The store could not be opened: start-up stops here rather than run without its schedule. */
export class StoreOpenError extends Error {
  override name = "StoreOpenError";
  constructor(path: string, problem: string, cause?: unknown) {
    super(`schedule store ${path}: ${problem}`, { cause });
  }
}

/** SQLite's own code for a failure, when it is one (better-sqlite3's SqliteError carries it). */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}

/** Whether another connection holds the lock: worth waiting for, unlike a broken file. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
