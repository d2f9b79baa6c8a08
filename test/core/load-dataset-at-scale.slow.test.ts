import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError, loadDataset } from "../../src/core/load-dataset.ts";
import { type SynthData, synthDataset } from "../../src/synth/dataset.ts";
import { writeDataset } from "../../src/synth/write-dataset.ts";

// The loader is tuned for 100k events; a bad record deep in a large file must still be named
// by file, record and field, exactly as in the tiny dataset's tests.

const dir = mkdtempSync(join(tmpdir(), "barents-load-scale-"));
let data: SynthData;

beforeAll(() => {
  data = synthDataset({ events: 20_000, people: 4_000 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problems loading `edited` gives; fails the test if it loads. */
function problemsOf(edited: SynthData): string[] {
  writeDataset(dir, edited);
  try {
    loadDataset(dir);
  } catch (error) {
    if (error instanceof DataError) return error.message.split("\n").slice(1);
    throw error;
  }
  throw new Error("expected the data to be refused");
}

describe("loadDataset at 20,000 events", () => {
  it("loads the valid set whole", () => {
    writeDataset(dir, data);
    const loaded = loadDataset(dir);
    expect(loaded.events).toHaveLength(20_000);
    expect(loaded.people).toHaveLength(4_000);
  });

  it("names each bad record deep in the files by file, record, id and field", () => {
    const events = structuredClone(data.events);
    const people = structuredClone(data.people);
    const late = events[17_321] as Record<string, unknown>;
    const other = events[9_876] as Record<string, unknown>;
    const person = people[3_210] as Record<string, unknown>;
    late.title = "Talks\u0007 in Vardø";
    other.people = ["nobody-at-all"];
    (person.citations as Array<Record<string, unknown>>)[0] = { source: "Not An Id", quote: "x" };
    expect(problemsOf({ ...data, events, people })).toEqual([
      `  - people.json, record 3211 (id "${person.id}"), field "citations.0.source": use lowercase words joined by "-", like "expulsion-2023-norway"`,
      `  - events.json, record 17322 (id "${late.id}"), field "title": must not hold control characters`,
      `  - events.json, id "${other.id}", field "people.0": no person has the id "nobody-at-all" in people.json`,
    ]);
  });
});
