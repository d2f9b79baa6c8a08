import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/process.ts";

// `npm run test:unit` stays fast only while every test that starts a process is named
// `*.slow.test.ts` (vitest.config.ts). A name is easy to forget; this notices.

const TEST_DIR = join(ROOT, "test");

/** What a test file that starts a process imports: the module, or the helpers that wrap it. */
const STARTS_A_PROCESS =
  /^import\b[^;]*?(?:from\s+"(?:node:)?child_process"|\b(?:runScript|startScript|spawnScript|startBot)\b)/m;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the split between unit and slow tests", () => {
  const files = testFiles(TEST_DIR);
  const unit = files.filter((f) => !f.endsWith(".slow.test.ts"));

  it("finds both groups", () => {
    expect(unit.length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(unit.length);
  });

  it("starts no process in a unit test: such a file is named *.slow.test.ts", () => {
    const starting = unit
      .filter((f) => STARTS_A_PROCESS.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f));
    expect(starting).toEqual([]);
  });

  it("recognises a process-starting test by its imports", () => {
    expect(STARTS_A_PROCESS.test('import { spawn } from "node:child_process";')).toBe(true);
    expect(STARTS_A_PROCESS.test('import { runScript } from "../support/process.ts";')).toBe(true);
    expect(STARTS_A_PROCESS.test('import { freshStateDir } from "../support/process.ts";')).toBe(
      false,
    );
  });
});
