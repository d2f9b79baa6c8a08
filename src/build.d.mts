// Types for build.mjs, which is plain JavaScript because it runs before anything is compiled.

export const ROOT: string;
export const DIST: string;
/** What each entry is called in dist/ and the script it compiles. */
export const ENTRIES: Record<string, string>;
/** True when the output is missing, unfinished, or older than any source file under `root`. */
export function isStale(out?: string, root?: string): boolean;
/** Compiles every entry (by default ENTRIES) into `out`, swapped in whole. */
export function build(
  out?: string,
  entries?: Record<string, string>,
): Promise<{ ms: number; out: string }>;
/** Builds when the output is stale. */
export function ensureBuilt(out?: string): Promise<void>;
