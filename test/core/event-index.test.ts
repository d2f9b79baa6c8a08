import { describe, expect, it } from "vitest";
import { EventIndex } from "../../src/core/event-index.ts";
import { parseDataset, tinyDataset, tinyRaw } from "../fixtures/tiny-dataset.ts";
import { bundledContext } from "../support/context.ts";

const index = new EventIndex(tinyDataset());
const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);

/** The tiny dataset with extra raw events appended, indexed. */
function indexWith(...events: Record<string, unknown>[]): EventIndex {
  const raw = tinyRaw();
  raw.events.push(...events);
  return new EventIndex(parseDataset(raw));
}

const citations = [{ source: "encyclopedia", quote: "A quote." }];

describe("EventIndex", () => {
  describe("timeline", () => {
    it("orders dated events by when they could first have happened, whatever the file order", () => {
      expect(ids(index.timeline)).toEqual([
        "viking-trade",
        "vardohus-1307",
        "union-1537",
        "recognition-1905",
        "border-treaty-2010",
        "vardo-radar",
        "frode-berg-arrest",
        "sanctions-2022",
        "unfriendly-list-2022",
        "expulsion-2022-norway",
        "fisheries-2023",
        "expulsion-2023-norway",
        "expulsion-2023-russia",
      ]);
    });

    it("puts a response dated only 2023 after the April 2023 event it answers", () => {
      const order = ids(index.timeline);
      expect(order.indexOf("expulsion-2023-russia")).toBeGreaterThan(
        order.indexOf("expulsion-2023-norway"),
      );
    });

    it("puts an event dated only 2022 after the February 2022 event its source places it after", () => {
      const order = ids(index.timeline);
      expect(order.indexOf("unfriendly-list-2022")).toBeGreaterThan(
        order.indexOf("sanctions-2022"),
      );
    });

    it("puts a year-only event that answers nothing at the start of its year", () => {
      const ix = indexWith({
        id: "annual-report-2023",
        date: "2023",
        title: "Annual report",
        summary: "An annual report.",
        kind: "politics",
        citations,
      });
      const order = ids(ix.timeline);
      expect(order.indexOf("annual-report-2023")).toBeLessThan(order.indexOf("fisheries-2023"));
    });

    it("keeps a chain of responses in order", () => {
      const ix = indexWith({
        id: "reply-to-russia-2023",
        date: "2023",
        title: "Norway answers Russia's expulsions",
        summary: "Norway answers.",
        kind: "diplomacy",
        respondsTo: "expulsion-2023-russia",
        citations,
      });
      expect(ids(ix.timeline).slice(-3)).toEqual([
        "expulsion-2023-norway",
        "expulsion-2023-russia",
        "reply-to-russia-2023",
      ]);
    });

    it("leaves standing facts out of the timeline and keeps them apart", () => {
      expect(ids(index.timeline)).not.toContain("border-length");
      expect(ids(index.standingFacts)).toEqual(["border-length"]);
    });

    it("gives each dated event its day range and its date as readers see it", () => {
      const treaty = index.event("border-treaty-2010");
      expect(treaty?.range).toEqual({ start: 20100427, end: 20100427 });
      expect(treaty?.when).toBe("27 April 2010");
      expect(index.event("union-1537")?.when).toBe("1537–1814");
      expect(index.event("border-length")?.when).toBeUndefined();
      expect(index.event("border-length")?.range).toBeUndefined();
    });
  });

  describe("lookups by date", () => {
    it("lists a year's events in timeline order", () => {
      expect(ids(index.inYear(2023))).toEqual([
        "fisheries-2023",
        "expulsion-2023-norway",
        "expulsion-2023-russia",
      ]);
      expect(ids(index.inYear(2022))).toEqual([
        "sanctions-2022",
        "unfriendly-list-2022",
        "expulsion-2022-norway",
      ]);
    });

    it("lists a span under every year it covers", () => {
      expect(ids(index.inYear(1537))).toEqual(["union-1537"]);
      expect(ids(index.inYear(1600))).toEqual(["union-1537"]);
      expect(ids(index.inYear(1814))).toEqual(["union-1537"]);
      expect(index.inYear(1815)).toEqual([]);
    });

    it("does not list a century-dated event under each of its hundred years", () => {
      expect(index.inYear(950)).toEqual([]);
      expect(index.inYear(1000)).toEqual([]);
    });

    it("finds day-precision events on a day of any year", () => {
      expect(ids(index.onDay(4, 27))).toEqual(["border-treaty-2010"]);
      expect(ids(index.onDay(10, 30))).toEqual(["recognition-1905"]);
      expect(index.onDay(4, 28)).toEqual([]);
    });

    it("finds several years' events on the same day", () => {
      const ix = indexWith({
        id: "anniversary-2020",
        date: "2020-04-27",
        title: "Ten years since the treaty",
        summary: "An anniversary.",
        kind: "border",
        citations,
      });
      expect(ids(ix.onDay(4, 27))).toEqual(["border-treaty-2010", "anniversary-2020"]);
    });

    it("finds month-precision events by their month, leaving out day-precision ones", () => {
      expect(ids(index.inMonth(4))).toEqual(["expulsion-2023-norway"]);
      expect(ids(index.inMonth(6))).toEqual(["vardo-radar"]);
      expect(index.inMonth(3)).toEqual([]);
    });

    it("finds a month's events to the day and to the month together, in timeline order", () => {
      expect(ids(index.ofMonth(4))).toEqual([
        "border-treaty-2010",
        "expulsion-2022-norway",
        "expulsion-2023-norway",
      ]);
      expect(ids(index.ofMonth(10))).toEqual(["recognition-1905"]);
      expect(index.ofMonth(3)).toEqual([]);
    });

    it("lists events overlapping a range of years, in timeline order", () => {
      expect(ids(index.between(2022, 2022))).toEqual([
        "sanctions-2022",
        "unfriendly-list-2022",
        "expulsion-2022-norway",
      ]);
      expect(ids(index.between(2017, 2022))).toEqual([
        "vardo-radar",
        "frode-berg-arrest",
        "sanctions-2022",
        "unfriendly-list-2022",
        "expulsion-2022-norway",
      ]);
    });

    it("counts an event as between years when only part of it lies there", () => {
      expect(ids(index.between(1000, 1000))).toEqual(["viking-trade"]);
      expect(ids(index.between(1800, 1900))).toEqual(["union-1537"]);
      expect(index.between(1001, 1300)).toEqual([]);
    });

    it("lists the years with expulsions, ascending", () => {
      expect(index.expulsionYears).toEqual([2022, 2023]);
    });
  });

  describe("lookups by person and topic", () => {
    it("lists the events naming a person", () => {
      expect(ids(index.withPerson("frode-berg"))).toEqual(["frode-berg-arrest"]);
      expect(ids(index.withPerson("anniken-huitfeldt"))).toEqual(["expulsion-2023-norway"]);
      expect(index.withPerson("akhmed-zakayev")).toEqual([]);
      expect(index.withPerson("nobody")).toEqual([]);
    });

    it("includes standing facts that name a person", () => {
      const ix = indexWith({
        id: "berg-pardon",
        title: "Berg was pardoned",
        summary: "A standing fact.",
        kind: "espionage",
        people: ["frode-berg"],
        citations,
      });
      expect(ids(ix.withPerson("frode-berg"))).toEqual(["frode-berg-arrest", "berg-pardon"]);
    });

    it("finds events by kind, dated ones in timeline order and standing facts after", () => {
      expect(ids(index.withTopic("expulsion"))).toEqual([
        "expulsion-2022-norway",
        "expulsion-2023-norway",
        "expulsion-2023-russia",
      ]);
      expect(ids(index.withTopic("border"))).toEqual(["border-treaty-2010", "border-length"]);
    });

    it("finds events by tag", () => {
      expect(ids(index.withTopic("radar"))).toEqual(["vardo-radar"]);
      expect(ids(index.withTopic("delimitation"))).toEqual(["border-treaty-2010"]);
    });

    it("finds events by place, under the place's folded name", () => {
      expect(ids(index.withTopic("vardo"))).toEqual(["vardohus-1307", "vardo-radar"]);
      expect(ids(index.withTopic("barents sea"))).toEqual(["border-treaty-2010"]);
      expect(index.withTopic("Vardø")).toEqual([]);
    });

    it("lists each topic once, its id the folded name and its name as written", () => {
      const vardo = index.topics.filter((t) => t.id === "vardo");
      expect(vardo).toEqual([{ id: "vardo", name: "Vardø" }]);
      expect(index.topics).toContainEqual({ id: "expulsion", name: "expulsion" });
      expect(index.topics).toContainEqual({ id: "radar", name: "radar" });
      expect(index.topics).toContainEqual({ id: "pasvik river", name: "Pasvik River" });
      const topicIds = index.topics.map((t) => t.id);
      expect(new Set(topicIds).size).toBe(topicIds.length);
    });

    it("names a topic by the place's own spelling even when a tag spelled it first", () => {
      const raw = tinyRaw();
      raw.events.unshift({
        id: "vardo-visit",
        date: "2016",
        title: "Visit to Vardø",
        summary: "A visit.",
        kind: "politics",
        tags: ["vardo"],
        citations,
      });
      const ix = new EventIndex(parseDataset(raw));
      expect(ix.topics.find((t) => t.id === "vardo")?.name).toBe("Vardø");
    });

    it("finds a topic typed without its diacritics", () => {
      expect(index.searchTopics("Vardo")[0]).toMatchObject({ id: "vardo", name: "Vardø" });
      expect(index.searchTopics("expul")[0]?.id).toBe("expulsion");
    });

    it("finds people by spelling-insensitive search", () => {
      expect(index.searchPeople("stoere")[0]?.id).toBe("jonas-gahr-store");
      expect(index.searchPeople("Giammaria")[0]?.id).toBe("mikhail-mikushin");
    });

    it("finds people by search-only aliases as well as by the sources' own spellings", () => {
      const raw = tinyRaw();
      const zakayev = raw.people.find((p) => p.id === "akhmed-zakayev");
      if (zakayev) zakayev.searchAliases = ["Ahmed Zakaev"];
      const ix = new EventIndex(parseDataset(raw));
      expect(ix.searchPeople("Ahmed Zakaev")[0]).toMatchObject({
        id: "akhmed-zakayev",
        exact: true,
      });
    });
  });

  describe("what came after an event", () => {
    it("tells an answer its source states from an event its source only places later", () => {
      expect(ids(index.responsesTo("expulsion-2023-norway"))).toEqual(["expulsion-2023-russia"]);
      expect(index.followersOf("expulsion-2023-norway")).toEqual([]);
      expect(ids(index.followersOf("sanctions-2022"))).toEqual(["unfriendly-list-2022"]);
      expect(index.responsesTo("sanctions-2022")).toEqual([]);
    });
  });

  describe("records by id", () => {
    it("looks up events, people and sources by id", () => {
      expect(index.event("vardo-radar")?.title).toBe("Radar at Vardø draws Russian protest");
      expect(index.person("frode-berg")?.name).toBe("Frode Berg");
      expect(index.source("newswire")?.publisher).toBe("Example Newswire");
    });

    it("returns undefined for an unknown id", () => {
      expect(index.event("nope")).toBeUndefined();
      expect(index.person("nope")).toBeUndefined();
      expect(index.source("nope")).toBeUndefined();
    });
  });
});

describe("EventIndex words in events (the bundled data)", () => {
  const { index } = bundledContext();
  const titles = (positions: readonly number[]) =>
    index.eventsAt([...positions]).map((e) => e.title);

  it("finds the events whose text holds every word, in timeline order", () => {
    const found = index.eventsMentioning("Solovetsky monastery").map((e) => e.title);
    expect(found).toEqual(["Norwegians build the fortress of Vardøhus"]);
    expect(index.eventsMentioning("monastery kirkenes")).toEqual([]);
  });

  it("answers a topic asked again the same, however its words are dressed", () => {
    const first = index.eventsMentioning("ukraine");
    expect(index.eventsMentioning("Ukraine")).toEqual(first);
    expect(index.eventsMentioning("the Ukraine")).toEqual(first);
    expect(index.countMentioning("UKRAINE")).toBe(first.length);
  });

  it("narrows to a topic's own events together with those that mention it, each once", () => {
    const topic = index.topicNamed("expulsion")?.id ?? "";
    const own = titles(index.narrowed({ topic }));
    const either = titles(index.narrowed({ topic, mentioning: "expulsion" }));
    expect(either).toEqual(expect.arrayContaining(own));
    expect(either).toContain("Russia adds Norway to its list of unfriendly countries");
    expect(new Set(either).size).toBe(either.length);
    const order = index.narrowed({ topic, mentioning: "expulsion" });
    expect([...order]).toEqual([...order].sort((a, b) => a - b));
  });
});
