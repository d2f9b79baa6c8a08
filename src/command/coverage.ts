import type { EventIndex } from "../core/event-index.ts";
import { fold } from "../core/fold.ts";
import { type CommandCall, type Reply, reply } from "../reply/reply.ts";
import { formatCall } from "../text/grammar.ts";
import { paginate, pagingOf } from "./paginate.ts";

// What the index covers, as lists a person can browse: each entry is a command that runs.
// Built from the index on every call: a few hundred entries at most for real data, and nothing
// kept between requests.

export const COVERAGE_LISTS = ["topics", "places", "people", "years"] as const;
export type CoverageList = (typeof COVERAGE_LISTS)[number];

export interface CoverageEntry {
  /** What the entry is called: a topic, a place, a name, a year. */
  name: string;
  /** Events it appears in; for a year, the expulsions recorded in it. */
  count: number;
  call: CommandCall;
}

/** How each list's count reads: "4 events", "1 expulsion". */
export function countLabel(list: CoverageList, count: number): string {
  const noun = list === "years" ? "expulsion" : "event";
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Reads "place", "Places" or "PEOPLE" as a list's name; undefined for anything else. */
export function coverageListNamed(text: string): CoverageList | undefined {
  const word = fold(text);
  const singular: Record<string, CoverageList> = {
    topic: "topics",
    place: "places",
    person: "people",
    year: "years",
  };
  return COVERAGE_LISTS.find((l) => l === word) ?? singular[word];
}

// The lists are the index's and never change: made once per index, not per /topics. At 100k
// events making them costs a quarter of a second.
const made = new WeakMap<EventIndex, Map<CoverageList, CoverageEntry[]>>();

/** One list, most events first (years in order), each entry with the call that shows it. */
export function coverage(index: EventIndex, list: CoverageList): readonly CoverageEntry[] {
  let lists = made.get(index);
  if (!lists) {
    lists = new Map();
    made.set(index, lists);
  }
  let entries = lists.get(list);
  if (!entries) {
    entries = makeCoverage(index, list);
    lists.set(list, entries);
  }
  return entries;
}

function makeCoverage(index: EventIndex, list: CoverageList): CoverageEntry[] {
  switch (list) {
    case "topics":
    case "places": {
      // A topic is a place when an event names it as one; the rest are kinds of event and tags.
      const places = new Set(index.events.flatMap((e) => e.places).map(fold));
      return index.topics
        .filter((t) => places.has(t.id) === (list === "places"))
        .map((t) => ({
          name: t.name,
          count: index.withTopic(t.id).length,
          call: { command: "timeline", options: { topic: t.name } },
        }));
    }
    case "people":
      return index.dataset.people
        .map((p) => ({
          name: p.name,
          count: index.withPerson(p.id).length,
          call: { command: "who", options: { name: p.name } },
        }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    case "years":
      return index.expulsionYears.map((year) => ({
        name: String(year),
        count: index.inYear(year).filter((e) => e.expulsion).length,
        call: { command: "expulsions", options: { year } },
      }));
  }
}

/**
 * Entries a page of one list holds: one line each, so more than a page of events. 20 buttons
 * and a row for paging are Discord's five rows of five; Slack takes 25 in one actions block.
 */
export const LIST_PAGE_SIZE = 20;

const TITLES: Record<CoverageList, string> = {
  topics: "Topics: kinds of event and tags",
  places: "Places",
  people: "People",
  years: "Years with expulsions",
};

/** A page of one list as a reply: each entry a line with its count, and a button that runs it. */
export function coverageReply(
  index: EventIndex,
  list: CoverageList,
  page: number | undefined,
  call: CommandCall,
): Reply {
  const entries = coverage(index, list);
  if (entries.length === 0) {
    return reply("empty", `The index holds no ${list}.`, {
      suggestions: [{ label: "What the index covers", call: { command: "topics", options: {} } }],
    });
  }
  const shown = paginate(entries, page, `${formatCall(call)} page:1`, LIST_PAGE_SIZE);
  return reply("answer", `${TITLES[list]} (${entries.length})`, {
    body: [HOW[list]],
    fields: shown.slice.map((e) => ({ name: e.name, value: countLabel(list, e.count) })),
    suggestions: shown.slice.map((e) => ({ label: e.name, call: e.call })),
    paging: pagingOf(shown, call),
  });
}

const HOW: Record<CoverageList, string> = {
  topics: "Each opens its timeline: /timeline topic:expulsion.",
  places: "Each opens its timeline: /timeline topic:Vardø.",
  people: "Each opens their profile: /who huitfeldt.",
  years: "Each opens that year's expulsions, both ways: /expulsions 2023.",
};
