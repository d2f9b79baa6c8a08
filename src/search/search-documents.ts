import type { IndexedEvent } from "../core/event-index.ts";
import type { Dataset, Person, Source } from "../core/schema.ts";

// What /search looks through: every event, person and source, each as one document whose fields
// are weighed differently, so a hit in a title or a name outranks one in a quote.

export type RecordKind = "event" | "person" | "source";

export interface SearchDocument {
  /** `e:`, `p:` or `s:` and the record's id: one id space for three kinds of record. */
  id: string;
  /** An event's title, a person's name, a source's title. */
  title: string;
  /** Other names: aliases, and for an event the names of the people in it. */
  names: string;
  /** Places, tags and kind of an event; the kind of a source. */
  labels: string;
  /** What a person is or did: "Minister of Foreign Affairs". */
  roles: string;
  /** An event's date as readers see it ("April 2023"), so a year finds its events. */
  when: string;
  summary: string;
  quotes: string;
}

export const SEARCH_FIELDS = [
  "title",
  "names",
  "labels",
  "roles",
  "when",
  "summary",
  "quotes",
] as const;

/** How much a hit in each field counts; chosen on the relevance set (test/fixtures). */
export const FIELD_BOOST: Record<(typeof SEARCH_FIELDS)[number], number> = {
  title: 5,
  names: 4,
  labels: 3,
  roles: 1.5,
  when: 2,
  summary: 1.5,
  quotes: 1,
};

export const docId = (kind: RecordKind, id: string) => `${kind[0]}:${id}`;

export function kindOfDoc(id: string): RecordKind {
  return id.startsWith("e:") ? "event" : id.startsWith("p:") ? "person" : "source";
}

function eventDocument(e: IndexedEvent, names: (id: string) => string[]): SearchDocument {
  return {
    id: docId("event", e.id),
    title: e.title,
    names: e.people.flatMap(names).join(" · "),
    // Tags are ids ("barents-sea"); read as words.
    labels: [...e.places, ...e.tags.map((t) => t.replace(/-/g, " ")), e.kind].join(" · "),
    roles: "",
    when: e.when ?? "",
    summary: e.summary,
    quotes: e.citations.map((c) => c.quote).join(" … "),
  };
}

function personDocument(p: Person): SearchDocument {
  return {
    id: docId("person", p.id),
    title: p.name,
    // Spellings the sources never give still find the person; they are never shown as theirs.
    names: [...p.aliases, ...p.searchAliases].join(" · "),
    labels: "",
    roles: p.roles.join(" · "),
    when: "",
    summary: p.summary,
    quotes: p.citations.map((c) => c.quote).join(" … "),
  };
}

function sourceDocument(s: Source): SearchDocument {
  return {
    id: docId("source", s.id),
    title: s.title,
    names: [s.author, s.publisher].filter(Boolean).join(" · "),
    labels: s.kind,
    roles: "",
    when: s.date ?? "",
    summary: "",
    quotes: "",
  };
}

/** Every record of the dataset as a search document: events, then people, then sources. */
export function searchDocuments(
  dataset: Dataset,
  events: readonly IndexedEvent[],
): SearchDocument[] {
  const byId = new Map(dataset.people.map((p) => [p.id, p]));
  const names = (id: string) => {
    const p = byId.get(id);
    return p ? [p.name, ...p.aliases, ...p.searchAliases] : [];
  };
  return [
    ...events.map((e) => eventDocument(e, names)),
    ...dataset.people.map(personDocument),
    ...dataset.sources.map(sourceDocument),
  ];
}
