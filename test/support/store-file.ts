import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STORE_FILE } from "../../src/store/sqlite-store.ts";

/**
 * Breaks a live store file as the probe did, overwriting it: garbage after its header, its
 * write-ahead log emptied and the log's index reset, so the open connection must read the file.
 */
export function breakStoreFile(dir: string): void {
  const file = join(dir, STORE_FILE);
  const bytes = readFileSync(file);
  bytes.fill(9, 100);
  writeFileSync(file, bytes);
  writeFileSync(`${file}-wal`, "");
  writeFileSync(`${file}-shm`, Buffer.alloc(statSync(`${file}-shm`).size));
}
