import { afterEach, describe, expect, it } from "vitest";
import { DataError, loadDataset } from "../../src/core/load-dataset.ts";
import {
  type RawData,
  removeDataDir,
  tinyDataset,
  tinyRaw,
  writeDataDir,
} from "../fixtures/tiny-dataset.ts";

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) removeDataDir(dir);
});

/** Writes the tiny dataset, changed in place by `edit`, to a temporary folder. */
function dataDir(edit: (raw: RawData) => void = () => {}): string {
  const raw = tinyRaw();
  edit(raw);
  return filesDir(raw);
}

/** Writes these files (records, or raw text) to a temporary folder. */
function filesDir(files: Partial<Record<keyof RawData, unknown>>): string {
  const dir = writeDataDir(files);
  dirs.push(dir);
  return dir;
}

/** The DataError loading a folder throws; fails the test if it loads. */
function loadError(dir: string): DataError {
  try {
    loadDataset(dir);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected the data to be refused");
}

/** Finds an event of the raw tiny dataset by id, to break it. */
function rawEvent(raw: RawData, id: string): Record<string, unknown> {
  const found = raw.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id} in the tiny dataset`);
  return found;
}

function firstCitation(record: Record<string, unknown>): { source: string; quote: string } {
  const [citation] = record.citations as Array<{ source: string; quote: string }>;
  if (!citation) throw new Error("no citation");
  return citation;
}

describe("loadDataset", () => {
  it("loads a valid folder into the same records the schemas give", () => {
    const data = loadDataset(dataDir());
    expect(data).toEqual(tinyDataset());
    expect(data.events).toHaveLength(tinyRaw().events.length);
  });

  it("parses dates and fills defaults", () => {
    const data = loadDataset(dataDir());
    const treaty = data.events.find((e) => e.id === "border-treaty-2010");
    expect(treaty?.date).toEqual({ precision: "day", year: 2010, month: 4, day: 27 });
    const fisheries = data.events.find((e) => e.id === "fisheries-2023");
    expect(fisheries).toMatchObject({ tags: [], people: [], places: [] });
    expect(data.sources[0]?.titleIsDescriptive).toBe(false);
  });

  describe("refuses a folder whose files cannot be read, naming the file", () => {
    it("refuses a missing file", () => {
      const error = loadError(filesDir({ sources: tinyRaw().sources, people: tinyRaw().people }));
      expect(error.message).toContain("events.json: the file is missing");
    });

    it("refuses invalid JSON", () => {
      const error = loadError(filesDir({ ...tinyRaw(), people: "[{" }));
      expect(error.message).toContain("people.json: not valid JSON");
    });

    it("refuses a file that does not hold an array", () => {
      const error = loadError(filesDir({ ...tinyRaw(), sources: { id: "encyclopedia" } }));
      expect(error.message).toContain("sources.json: the file must hold a JSON array of records");
    });

    it("names the folder it was reading", () => {
      const dir = filesDir({ sources: tinyRaw().sources, people: tinyRaw().people });
      const error = loadError(dir);
      expect(error.dir).toBe(dir);
      expect(error.message).toContain(dir);
      expect(error.name).toBe("DataError");
    });
  });

  describe("refuses a bad record, naming the file, the record and the field", () => {
    it("refuses a malformed date, saying why", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "fisheries-2023").date = "2023-02-30";
        }),
      );
      expect(error.message).toContain(
        'events.json, record 2 (id "fisheries-2023"), field "date": "2023-02-30" is not a calendar day',
      );
    });

    it("refuses a record without citations", () => {
      const error = loadError(
        dataDir((raw) => {
          delete rawEvent(raw, "fisheries-2023").citations;
        }),
      );
      expect(error.message).toContain('events.json, record 2 (id "fisheries-2023")');
      expect(error.message).toContain('field "citations"');
    });

    it("refuses an empty list of citations", () => {
      const error = loadError(
        dataDir((raw) => {
          (raw.people[0] as Record<string, unknown>).citations = [];
        }),
      );
      expect(error.message).toContain(
        'people.json, record 1 (id "anniken-huitfeldt"), field "citations": every record needs at least one citation',
      );
    });

    it("refuses a quote over 300 characters", () => {
      const error = loadError(
        dataDir((raw) => {
          firstCitation(rawEvent(raw, "sanctions-2022")).quote = "x".repeat(301);
        }),
      );
      expect(error.message).toContain('events.json, record 6 (id "sanctions-2022")');
      expect(error.message).toContain('field "citations.0.quote"');
      expect(error.message).toContain("300 characters at most");
    });

    it("accepts a quote of exactly 300 characters", () => {
      const dir = dataDir((raw) => {
        firstCitation(rawEvent(raw, "sanctions-2022")).quote = "x".repeat(300);
      });
      expect(() => loadDataset(dir)).not.toThrow();
    });

    it("names a record without an id by its position", () => {
      const error = loadError(
        dataDir((raw) => {
          delete rawEvent(raw, "sanctions-2022").id;
        }),
      );
      expect(error.message).toMatch(/events\.json, record 6, field "id"/);
    });
  });

  describe("refuses references that lead nowhere", () => {
    it("refuses a citation of an unknown source", () => {
      const error = loadError(
        dataDir((raw) => {
          firstCitation(rawEvent(raw, "vardo-radar")).source = "nowhere";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "vardo-radar", field "citations.0.source": no source has the id "nowhere" in sources.json',
      );
    });

    it("refuses a person's citation of an unknown source", () => {
      const error = loadError(
        dataDir((raw) => {
          firstCitation(raw.people[5] as Record<string, unknown>).source = "nowhere";
        }),
      );
      expect(error.message).toContain('people.json, id "frode-berg", field "citations.0.source"');
    });

    it("refuses an event naming an unknown person", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "frode-berg-arrest").people = ["frode-berg", "nobody"];
        }),
      );
      expect(error.message).toContain(
        'events.json, id "frode-berg-arrest", field "people.1": no person has the id "nobody"',
      );
    });

    it("refuses a response to an unknown event", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "expulsion-2023-russia").respondsTo = "no-such-event";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "expulsion-2023-russia", field "respondsTo": no event has the id "no-such-event"',
      );
    });

    it("refuses following an unknown event", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "unfriendly-list-2022").follows = "no-such-event";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "unfriendly-list-2022", field "follows": no event has the id "no-such-event"',
      );
    });
  });

  describe("refuses records that contradict each other or themselves", () => {
    it("refuses an id used twice", () => {
      const error = loadError(
        dataDir((raw) => {
          raw.events.push({ ...rawEvent(raw, "vardo-radar"), title: "Another radar" });
        }),
      );
      expect(error.message).toMatch(
        /events\.json, record \d+ \(id "vardo-radar"\), field "id": record \d+ already uses this id/,
      );
    });

    it("refuses an expulsion-kind event without its expulsion block", () => {
      const error = loadError(
        dataDir((raw) => {
          delete rawEvent(raw, "expulsion-2022-norway").expulsion;
        }),
      );
      expect(error.message).toContain('events.json, id "expulsion-2022-norway", field "expulsion"');
    });

    it("refuses an expulsion block on an event of another kind", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "expulsion-2022-norway").kind = "diplomacy";
        }),
      );
      expect(error.message).toContain('events.json, id "expulsion-2022-norway", field "expulsion"');
    });

    it("refuses an expulsion of a country by itself", () => {
      const error = loadError(
        dataDir((raw) => {
          const e = rawEvent(raw, "expulsion-2022-norway");
          e.expulsion = { by: "Norway", of: "Norway", count: 3, who: "diplomats" };
        }),
      );
      expect(error.message).toContain(
        'events.json, record 5 (id "expulsion-2022-norway"), field "expulsion.of"',
      );
    });

    it("refuses a weekday on a day-precision date", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "border-treaty-2010").weekday = "Tuesday";
        }),
      );
      expect(error.message).toContain('events.json, id "border-treaty-2010", field "weekday"');
    });

    it("accepts a weekday on a month-precision date", () => {
      const data = loadDataset(dataDir());
      expect(data.events.find((e) => e.id === "expulsion-2023-norway")?.weekday).toBe("Thursday");
    });

    it("refuses responses that form a cycle", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "sanctions-2022").respondsTo = "unfriendly-list-2022";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "sanctions-2022", field "respondsTo": responses form a cycle',
      );
    });

    it("refuses an event that both answers one event and merely follows another", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "expulsion-2023-russia").follows = "fisheries-2023";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "expulsion-2023-russia", field "follows": an event either answers',
      );
    });

    it("refuses a cycle made of responses and sequences together", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "sanctions-2022").follows = "unfriendly-list-2022";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "sanctions-2022", field "follows": responses form a cycle',
      );
    });

    it("refuses an event that responds to itself", () => {
      const error = loadError(
        dataDir((raw) => {
          rawEvent(raw, "vardo-radar").respondsTo = "vardo-radar";
        }),
      );
      expect(error.message).toContain(
        'events.json, id "vardo-radar", field "respondsTo": responses form a cycle',
      );
    });
  });

  it("reports every problem at once, not only the first", () => {
    const error = loadError(
      dataDir((raw) => {
        rawEvent(raw, "fisheries-2023").date = "2023-13";
        rawEvent(raw, "vardo-radar").people = ["nobody"];
        firstCitation(raw.people[2] as Record<string, unknown>).quote = "y".repeat(400);
      }),
    );
    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(/has 3 problems:/);
    expect(error.problems.map((p) => p.file).sort()).toEqual([
      "events.json",
      "events.json",
      "people.json",
    ]);
  });

  it("does not report references to a refused record as leading nowhere", () => {
    // Anniken Huitfeldt is refused for her quote; the event naming her is not at fault.
    const error = loadError(
      dataDir((raw) => {
        firstCitation(raw.people[0] as Record<string, unknown>).quote = "y".repeat(400);
      }),
    );
    expect(error.message).toContain('people.json, record 1 (id "anniken-huitfeldt")');
    expect(error.message).not.toContain('no person has the id "anniken-huitfeldt"');
    expect(error.problems).toHaveLength(1);
  });
});
