import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { DATA_FILES } from "../core/load-dataset.ts";
import type { SynthData } from "./dataset.ts";

// Writes a dataset as data/ holds it: one JSON array per file, 2-space indent, a final newline.
// Records are written in batches rather than as one JSON.stringify of the whole array, whose
// single string would hit V8's string length limit (about 512 MiB) long before the disk does.

const BATCH = 1000;

/** The bytes written to each file. */
export type Written = Record<keyof typeof DATA_FILES, number>;

function writeArray(path: string, records: readonly unknown[]): number {
  const fd = openSync(path, "w");
  let bytes = 0;
  const put = (text: string) => {
    bytes += writeSync(fd, text);
  };
  try {
    if (records.length === 0) put("[]\n");
    else {
      put("[\n");
      for (let start = 0; start < records.length; start += BATCH) {
        // A batch stringified as an array is already indented as an element of the whole.
        const batch = JSON.stringify(records.slice(start, start + BATCH), null, 2);
        const last = start + BATCH >= records.length;
        put(`${batch.slice(2, -2)}${last ? "\n" : ",\n"}`);
      }
      put("]\n");
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Writes sources.json, people.json and events.json into dir, creating it if need be. */
export function writeDataset(dir: string, data: SynthData): Written {
  mkdirSync(dir, { recursive: true });
  return {
    sources: writeArray(join(dir, DATA_FILES.sources), data.sources),
    people: writeArray(join(dir, DATA_FILES.people), data.people),
    events: writeArray(join(dir, DATA_FILES.events), data.events),
  };
}

/**
 * What already lives in dir: nothing of ours to lose, an earlier synthetic set (safe to
 * replace), or real data, which the generator must never overwrite (`--out data` by mistake).
 */
export function existingData(dir: string): "none" | "synthetic" | "other" {
  if (!existsSync(dir)) return "none";
  if (!statSync(dir).isDirectory()) return "other";
  const files = Object.values(DATA_FILES).filter((file) => existsSync(join(dir, file)));
  if (files.length === 0) return "none";
  try {
    const sources: unknown = JSON.parse(readFileSync(join(dir, DATA_FILES.sources), "utf8"));
    const synthetic =
      Array.isArray(sources) &&
      sources.length > 0 &&
      sources.every(
        (s: unknown) =>
          typeof s === "object" &&
          s !== null &&
          "title" in s &&
          typeof s.title === "string" &&
          s.title.startsWith("Synthetic"),
      );
    return synthetic ? "synthetic" : "other";
  } catch {
    // Unreadable or missing sources: not provably ours, so not ours to overwrite.
    return "other";
  }
}
