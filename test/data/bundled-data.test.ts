import { describe, expect, it } from "vitest";
import { BUNDLED_DATA_DIR } from "../../src/boot.ts";
import { formatHistDate } from "../../src/core/dates.ts";
import { EventIndex } from "../../src/core/event-index.ts";
import { fold } from "../../src/core/fold.ts";
import { loadDataset } from "../../src/core/load-dataset.ts";

const data = loadDataset(BUNDLED_DATA_DIR);
const byId = new Map(data.events.map((e) => [e.id, e]));
const when = (id: string) => {
  const date = byId.get(id)?.date;
  return date && formatHistDate(date);
};

describe("the bundled data", () => {
  it("is valid: every record passes the schema and every reference resolves", () => {
    expect(data.sources).toHaveLength(4);
    expect(data.people.length).toBeGreaterThanOrEqual(10);
    expect(data.events.length).toBeGreaterThanOrEqual(40);
  });

  it("gives every event and every person at least one citation of at most 300 characters", () => {
    for (const record of [...data.events, ...data.people]) {
      expect(record.citations.length, record.id).toBeGreaterThan(0);
      for (const c of record.citations) expect(c.quote.length, record.id).toBeLessThanOrEqual(300);
    }
  });

  it("keeps dates no finer than the sources give them", () => {
    const dates = data.events.flatMap((e) => (e.date ? [formatHistDate(e.date)] : []));
    for (const date of [
      "10th century",
      "13th century",
      "1267",
      "1300",
      "1326",
      "1583",
      "1537–1814",
      "1814–1905",
      "1826",
      "30 October 1905",
      "27 April 2010",
      "May 2012",
      "2015",
      "December 2017",
      "2019",
      "July 2020",
      "2021",
      "February 2022",
      "6 April 2022",
      "April 2022",
      "October 2022",
      "April 2023",
      "August 2023",
      "August 2024",
    ]) {
      expect(dates, date).toContain(date);
    }
    // The abstract: "the mutual sanctions regime after 2014": after, so not dated 2014.
    expect(data.events.find((e) => e.id === "mutual-sanctions-regime")?.date).toBeUndefined();
    // Wikipedia: "In April 2023 Norway expelled 15 ..." — a month, and on a Thursday per the news.
    const april2023 = data.events.find((e) => e.expulsion?.count === 15);
    expect(april2023 && when(april2023.id)).toBe("April 2023");
    expect(april2023?.weekday).toBe("Thursday");
  });

  it("records the expulsions both ways with their counts", () => {
    const expulsions = data.events
      .flatMap((e) =>
        e.expulsion && e.date
          ? [`${formatHistDate(e.date)} ${e.expulsion.by}→${e.expulsion.of} ${e.expulsion.count}`]
          : [],
      )
      .sort();
    expect(expulsions).toEqual(
      [
        "July 2020 Norway→Russia 1",
        "6 April 2022 Norway→Russia 3",
        "April 2022 Russia→Norway 3",
        "April 2023 Norway→Russia 15",
        "2023 Russia→Norway 10",
      ].sort(),
    );
  });

  it("names the standing facts, which have no date", () => {
    const standing = data.events
      .filter((e) => !e.date)
      .map((e) => `${e.title} ${e.summary}`)
      .join(" ");
    for (const fact of ["195.7 km", "Barentsburg", "Norilsk Nickel", "GLOBUS", "Storskog"]) {
      expect(standing, fact).toContain(fact);
    }
  });

  describe("says what the sources say about April 2023, and no more", () => {
    const expulsion = byId.get("expulsion-2023-04-norway");
    const quotes = expulsion?.citations.map((c) => c.quote).join(" ") ?? "";
    const index = new EventIndex(data);

    it("ties the expulsion to the invasion of Ukraine, findable under the ukraine topic", () => {
      expect(quotes).toContain("following the Russian invasion of Ukraine");
      expect(expulsion?.summary).toContain("invasion of Ukraine");
      expect(index.withTopic("ukraine").map((e) => e.id)).toContain("expulsion-2023-04-norway");
    });

    it("gives the government's grounds and that the officers must leave shortly", () => {
      for (const words of [
        "citing increased intelligence threat from Moscow",
        "required to leave Norway shortly",
      ]) {
        expect(quotes).toContain(words);
        expect(expulsion?.summary).toContain(words);
      }
    });

    it("says visas will not be issued to officers seeking to come, not to 'the expelled'", () => {
      const visas = byId.get("visas-refused-2023-04");
      expect(visas?.title).not.toMatch(/expelled/i);
      expect(visas?.title).toContain("seeking to come to Norway");
    });
  });

  it("does not say Støre 'took office', which the abstract never says", () => {
    const store = data.people.find((p) => p.id === "jonas-gahr-store");
    for (const text of [store?.summary, byId.get("store-dialogue-with-russia")?.summary])
      expect(text).not.toMatch(/took office/);
  });

  it("lists the Solovetsky Monastery as a place of the record that names it", () => {
    const vardohus = byId.get("vardohus-fortress-1300");
    expect(vardohus?.summary).toContain("Solovetsky Monastery");
    expect(vardohus?.places).toContain("Solovetsky Monastery");
    const index = new EventIndex(data);
    expect(index.withTopic(fold("Solovetsky Monastery")).map((e) => e.id)).toEqual([
      "vardohus-fortress-1300",
    ]);
  });
});
