import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLED_DATA_DIR } from "../../src/boot.ts";
import { synthDataset } from "../../src/synth/dataset.ts";
import { existingData, writeDataset } from "../../src/synth/write-dataset.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "barents-synth-write-"));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("writeDataset", () => {
  it("writes each file exactly as JSON.stringify with a 2-space indent, batch by batch", () => {
    // More events than one batch of 1000, so the seams between batches are checked too.
    const data = synthDataset({ events: 2100, people: 30, seed: 5 });
    const dir = tempDir();
    const written = writeDataset(dir, data);
    for (const [key, file] of [
      ["sources", "sources.json"],
      ["people", "people.json"],
      ["events", "events.json"],
    ] as const) {
      expect(read(dir, file)).toBe(`${JSON.stringify(data[key], null, 2)}\n`);
      expect(written[key]).toBe(statSync(join(dir, file)).size);
    }
  });

  it("writes byte-identical files for the same seed", () => {
    const [a, b] = [tempDir(), tempDir()];
    writeDataset(a, synthDataset({ events: 300, people: 40, seed: 8 }));
    writeDataset(b, synthDataset({ events: 300, people: 40, seed: 8 }));
    for (const file of ["sources.json", "people.json", "events.json"]) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
    }
  });

  it("creates the folder, nested, when it does not exist", () => {
    const dir = join(tempDir(), "deeper", "still");
    writeDataset(dir, synthDataset({ events: 3, people: 1 }));
    expect(JSON.parse(read(dir, "events.json"))).toHaveLength(3);
  });
});

describe("existingData", () => {
  it("finds nothing in a missing or empty folder", () => {
    const dir = tempDir();
    expect(existingData(dir)).toBe("none");
    expect(existingData(join(dir, "missing"))).toBe("none");
  });

  it("recognises an earlier synthetic dataset, which may be replaced", () => {
    const dir = tempDir();
    writeDataset(dir, synthDataset({ events: 3, people: 1 }));
    expect(existingData(dir)).toBe("synthetic");
  });

  it("treats real data, or data it cannot read, as not its own", () => {
    const real = tempDir();
    cpSync(BUNDLED_DATA_DIR, real, { recursive: true });
    expect(existingData(real)).toBe("other");
    const broken = tempDir();
    writeFileSync(join(broken, "events.json"), "[]");
    expect(existingData(broken)).toBe("other");
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    expect(existingData(file)).toBe("other");
  });
});
