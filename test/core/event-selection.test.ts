import { describe, expect, it } from "vitest";
import { overlapsYears } from "../../src/core/dates.ts";
import { EventIndex, type IndexedEvent } from "../../src/core/event-index.ts";
import { synthDataset } from "../../src/synth/dataset.ts";
import { parseDataset, tinyDataset } from "../fixtures/tiny-dataset.ts";

// Narrowing by positions must give exactly what the plain filter over the events gives, in the
// same order: checked against that filter on the tiny dataset and on a synthetic one.

type By = { years?: readonly [number, number]; topic?: string; person?: string };

/** The slow, obvious answer: every event, filtered, in the index's order. */
function plainly(index: EventIndex, by: By): string[] {
  const keep = (e: IndexedEvent) =>
    (!by.years || (e.date !== undefined && overlapsYears(e.date, ...by.years))) &&
    (by.topic === undefined || index.withTopic(by.topic).includes(e)) &&
    (by.person === undefined || index.withPerson(by.person).includes(e));
  return index.events.filter(keep).map((e) => e.id);
}

const selected = (index: EventIndex, by: By) => index.eventsAt(index.narrowed(by)).map((e) => e.id);

function narrowings(index: EventIndex): By[] {
  const years: Array<readonly [number, number] | undefined> = [
    undefined,
    [1, 9999],
    [2010, 2023],
    [2023, 2023],
    [1300, 1310],
    [1, 5],
  ];
  const topics = [undefined, ...index.topics.slice(0, 6).map((t) => t.id)];
  const people = [undefined, ...index.dataset.people.slice(0, 4).map((p) => p.id)];
  return years.flatMap((y) =>
    topics.flatMap((topic) =>
      people.map((person) => {
        const by: By = {};
        if (y) by.years = y;
        if (topic) by.topic = topic;
        if (person) by.person = person;
        return by;
      }),
    ),
  );
}

describe("EventIndex.narrowed", () => {
  const tiny = new EventIndex(tinyDataset());

  it("gives every event, standing facts last, when nothing narrows it", () => {
    expect(selected(tiny, {})).toEqual(tiny.events.map((e) => e.id));
    expect(tiny.events.slice(-tiny.standingFacts.length)).toEqual(tiny.standingFacts);
  });

  it("leaves standing facts out of any range of years, however wide", () => {
    const ids = selected(tiny, { years: [1, 9999] });
    for (const fact of tiny.standingFacts) expect(ids).not.toContain(fact.id);
  });

  it("agrees with the plain filter on every narrowing of the tiny dataset", () => {
    for (const by of narrowings(tiny))
      expect(selected(tiny, by), JSON.stringify(by)).toEqual(plainly(tiny, by));
  });

  it("agrees with the plain filter on a synthetic dataset of 600 events", () => {
    const raw = synthDataset({ events: 600, people: 80, seed: 7 });
    const index = new EventIndex(
      parseDataset(raw as unknown as Parameters<typeof parseDataset>[0]),
    );
    const all = narrowings(index);
    expect(all.length).toBeGreaterThan(100);
    for (const by of all)
      expect(selected(index, by), JSON.stringify(by)).toEqual(plainly(index, by));
  });

  it("gives nothing for a topic or person with no events", () => {
    expect(selected(tiny, { topic: "no-such-topic" })).toEqual([]);
    expect(selected(tiny, { person: "no-such-person", years: [1, 9999] })).toEqual([]);
  });
});
