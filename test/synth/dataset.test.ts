import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayRange, type HistDate } from "../../src/core/dates.ts";
import { EventIndex } from "../../src/core/event-index.ts";
import { loadDataset } from "../../src/core/load-dataset.ts";
import type { Dataset } from "../../src/core/schema.ts";
import { type SynthData, synthDataset } from "../../src/synth/dataset.ts";
import { writeDataset } from "../../src/synth/write-dataset.ts";

const OPTIONS = { events: 500, people: 100, seed: 42 };
let raw: SynthData;
let data: Dataset;
let dir: string;

beforeAll(() => {
  raw = synthDataset(OPTIONS);
  dir = mkdtempSync(join(tmpdir(), "barents-synth-"));
  writeDataset(dir, raw);
  // The real loader: the schema, unique ids, references, citations and respondsTo cycles.
  data = loadDataset(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dated = () => data.events.filter((e): e is typeof e & { date: HistDate } => !!e.date);

describe("synthDataset", () => {
  it("makes exactly the records asked for, and the loader accepts every one", () => {
    expect(data.events).toHaveLength(500);
    expect(data.people).toHaveLength(100);
    expect(data.sources.length).toBeGreaterThanOrEqual(4);
  });

  it("is the same for the same seed and different for another", () => {
    expect(JSON.stringify(synthDataset(OPTIONS))).toBe(JSON.stringify(raw));
    const other = synthDataset({ ...OPTIONS, seed: 43 });
    expect(other.people.map((p) => p.name)).not.toEqual(raw.people.map((p) => p.name));
    expect(other.events.map((e) => e.title)).not.toEqual(raw.events.map((e) => e.title));
  });

  it("keeps a seed's people whatever the number of events", () => {
    const more = synthDataset({ ...OPTIONS, events: 50 });
    expect(more.people.map((p) => p.id)).toEqual(raw.people.map((p) => p.id));
  });

  it("dates events at every precision, over centuries, with standing facts apart", () => {
    const precisions = new Set(dated().map((e) => e.date.precision));
    expect(precisions).toEqual(new Set(["century", "year", "month", "day", "span"]));
    const starts = dated().map((e) => Math.floor(dayRange(e.date).start / 10000));
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(500);
    expect(data.events.some((e) => !e.date)).toBe(true);
    expect(data.events.some((e) => e.weekday)).toBe(true);
  });

  it("shows every shape even in a tiny dataset, for any seed", () => {
    for (const seed of [1, 2, 3, 99]) {
      const tiny = synthDataset({ events: 8, people: 3, seed });
      const texts = tiny.events.map((e) => e.date ?? "");
      expect(texts.some((t) => t.endsWith("century"))).toBe(true);
      expect(texts.some((t) => t.includes("/"))).toBe(true);
      expect(texts).toContain("");
      const by = tiny.events.flatMap((e) => (e.expulsion ? [e.expulsion.by] : []));
      expect(new Set(by)).toEqual(new Set(["Norway", "Russia"]));
    }
  });

  it("has expulsions both ways, of one person and of many", () => {
    const expulsions = data.events.flatMap((e) => (e.expulsion ? [e.expulsion] : []));
    expect(new Set(expulsions.map((x) => `${x.by}>${x.of}`))).toEqual(
      new Set(["Norway>Russia", "Russia>Norway"]),
    );
    expect(expulsions.some((x) => x.count === 1 && !/s$/.test(x.who))).toBe(true);
    expect(expulsions.some((x) => x.count > 5)).toBe(true);
  });

  it("answers events with later ones: the other side's expulsion, never a cycle", () => {
    const byId = new Map(data.events.map((e) => [e.id, e]));
    const answers = data.events.filter((e) => e.respondsTo);
    expect(answers.length).toBeGreaterThan(5);
    for (const answer of answers) {
      const cause = byId.get(answer.respondsTo ?? "");
      if (!cause?.date || !answer.date) throw new Error(`${answer.id} answers an undated event`);
      expect(dayRange(answer.date).end).toBeGreaterThanOrEqual(dayRange(cause.date).start);
      if (answer.expulsion && cause.expulsion) expect(answer.expulsion.by).toBe(cause.expulsion.of);
    }
  });

  it("writes long summaries too, within the schema's limits", () => {
    const lengths = data.events.map((e) => e.summary.length);
    expect(Math.max(...lengths)).toBeGreaterThan(800);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(1000);
    expect(Math.min(...lengths)).toBeLessThan(200);
  });

  it("gives events tags, places with Norwegian letters, and people of the dataset", () => {
    expect(data.events.every((e) => e.tags.length > 0)).toBe(true);
    expect(data.events.flatMap((e) => e.places)).toContainEqual(expect.stringMatching(/[øå]/));
    const linked = data.events.filter((e) => e.people.length > 0);
    expect(linked.length).toBeGreaterThan(data.events.length / 3);
    const named = new Set(linked.flatMap((e) => e.people));
    expect(named.size).toBeGreaterThan(data.people.length / 2);
  });

  it("cites every record with a quote taken from its own text", () => {
    for (const record of [...data.people, ...data.events]) {
      expect(record.citations.length).toBeGreaterThan(0);
      for (const c of record.citations) expect(record.summary).toContain(c.quote);
    }
  });

  it("titles every source Synthetic and points any address at .invalid", () => {
    for (const source of data.sources) {
      expect(source.title).toMatch(/^Synthetic /);
      if (source.url) expect(new URL(source.url).hostname).toMatch(/\.invalid$/);
    }
  });

  it("makes every person findable by name and by each alias", () => {
    const index = new EventIndex(data);
    for (const person of data.people) {
      for (const spelling of [person.name, ...person.aliases]) {
        const found = index.searchPeople(spelling, 1000).map((m) => m.id);
        expect(found, `${spelling} finds ${person.id}`).toContain(person.id);
      }
    }
  });
});
