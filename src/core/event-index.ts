import { searchDocuments } from "../search/search-documents.ts";
import { termsOf } from "../search/search-terms.ts";
import { TextSearch } from "../search/text-search.ts";
import { type DayRange, dayRange, formatHistDate, type HistDate, yearsOf } from "./dates.ts";
import { EventSelection } from "./event-selection.ts";
import { fold } from "./fold.ts";
import { type NameMatch, NameSearch } from "./name-search.ts";
import { predecessorOf } from "./predecessor.ts";
import type { Dataset, Event, Person, Source } from "./schema.ts";

/** An event with what the index derived from it once, at build time. */
export interface IndexedEvent extends Event {
  /** The calendar days its date could mean; absent for standing facts. */
  range?: DayRange;
  /** Its date as readers see it, at its own precision: "April 2023". */
  when?: string;
}

// How many event positions the topics' word matches may hold in all: 4 MB of them.
const MENTIONS_KEPT = 1_000_000;

/** What /timeline narrows by; every part given must hold. */
export interface EventFilter {
  years?: readonly [number, number];
  /** A topic's id, as `topics` gives it. */
  topic?: string;
  /** A person's id. */
  person?: string;
  /** Words an event's text must hold; with `topic`, either will do (eventsMentioning). */
  mentioning?: string;
}

/** A topic a timeline can be narrowed to: an event kind, a tag or a place. */
export interface Topic {
  id: string;
  name: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Lookups over one validated dataset, built once at start-up and read-only after. */
export class EventIndex {
  /** Dated events in the order a timeline shows them. */
  readonly timeline: readonly IndexedEvent[];
  /** Undated states of affairs: the border's length, the consulates. */
  readonly standingFacts: readonly IndexedEvent[];
  /** Every event: the timeline, then the standing facts. */
  readonly events: readonly IndexedEvent[];
  /** Years with at least one expulsion, ascending. */
  readonly expulsionYears: readonly number[];
  readonly topics: readonly Topic[];

  private readonly eventsById = new Map<string, IndexedEvent>();
  private readonly peopleById: Map<string, Person>;
  private readonly sourcesById: Map<string, Source>;
  private readonly byYear = new Map<number, IndexedEvent[]>();
  private readonly byMonthDay = new Map<string, IndexedEvent[]>();
  private readonly byMonth = new Map<number, IndexedEvent[]>();
  /** A month's day- and month-precision events, made on first use: few months are asked for. */
  private readonly ofMonths = new Map<number, readonly IndexedEvent[]>();
  private readonly byPerson = new Map<string, IndexedEvent[]>();
  private readonly byTopic = new Map<string, IndexedEvent[]>();
  private readonly byCause = new Map<string, IndexedEvent[]>();
  private readonly byPrevious = new Map<string, IndexedEvent[]>();
  private readonly selection: EventSelection;
  /** Position lists of topics and people, made on first use. */
  private readonly positions = new Map<string, Int32Array>();
  private readonly peopleSearch: NameSearch;
  private readonly topicSearch: NameSearch;
  private fullText?: TextSearch;
  /**
   * Events mentioning a topic's words, kept for the topics asked most lately: paging through a
   * topic asks again for each page, and at 100k events one common word matches tens of thousands.
   */
  private readonly mentions = new Map<string, Int32Array>();
  private mentionsHeld = 0;

  constructor(readonly dataset: Dataset) {
    this.peopleById = new Map(dataset.people.map((p) => [p.id, p]));
    this.sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
    const all: IndexedEvent[] = dataset.events.map((e) =>
      e.date ? { ...e, range: dayRange(e.date), when: formatHistDate(e.date) } : { ...e },
    );
    for (const e of all) this.eventsById.set(e.id, e);

    this.timeline = sortChronologically(
      all.filter((e) => e.range),
      this.eventsById,
    );
    this.standingFacts = all.filter((e) => !e.range);
    this.events = [...this.timeline, ...this.standingFacts];
    this.selection = new EventSelection(this.events);

    for (const e of this.timeline) this.indexDated(e, e.date as HistDate);
    // A large dataset repeats a few dozen places, kinds and tags a million times: fold each once.
    const folded = new Map<string, string>();
    const key = (name: string) => {
      let made = folded.get(name);
      if (made === undefined) {
        made = fold(name);
        folded.set(name, made);
      }
      return made;
    };
    // Topic names are shown to people, so a place's own spelling ("Vardø") wins over a kind's,
    // and a kind's over a tag's. Tags are ids ("barents-sea"), shown as words ("barents sea");
    // folding reads a hyphen as a space, so both fold alike.
    const places = new Map<string, string>();
    const kinds = new Map<string, string>();
    const tags = new Map<string, string>();
    const name = (names: Map<string, string>, spelling: string, shown = spelling) => {
      const k = key(spelling);
      if (!names.has(k)) names.set(k, shown);
    };
    for (const e of all) {
      for (const place of e.places) name(places, place);
      name(kinds, e.kind);
      for (const tag of e.tags) name(tags, tag, tag.replace(/-/g, " "));
    }
    const topicNames = new Map(places);
    for (const names of [kinds, tags])
      for (const [k, shown] of names) if (!topicNames.has(k)) topicNames.set(k, shown);
    // An event's own topics, each once, though a place and a tag may fold alike.
    const own: string[] = [];
    const addTopic = (e: IndexedEvent, spelling: string) => {
      const k = key(spelling);
      if (own.includes(k)) return;
      own.push(k);
      push(this.byTopic, k, e);
    };
    for (const e of this.events) {
      for (const pid of e.people) push(this.byPerson, pid, e);
      if (e.respondsTo) push(this.byCause, e.respondsTo, e);
      if (e.follows) push(this.byPrevious, e.follows, e);
      own.length = 0;
      for (const place of e.places) addTopic(e, place);
      addTopic(e, e.kind);
      for (const tag of e.tags) addTopic(e, tag);
    }
    this.expulsionYears = [...this.byYear.entries()]
      .filter(([, events]) => events.some((e) => e.expulsion))
      .map(([year]) => year)
      .sort((a, b) => a - b);
    const weigh = (map: Map<string, IndexedEvent[]>, id: string) => map.get(id)?.length ?? 0;
    // Broadest topics first, so an empty autocomplete offers the useful ones.
    this.topics = [...topicNames]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => weigh(this.byTopic, b.id) - weigh(this.byTopic, a.id));
    // Search finds a person by every spelling, the sources' own and the search-only ones alike.
    this.peopleSearch = new NameSearch(
      dataset.people.map((p) => ({
        ...p,
        aliases: [...p.aliases, ...p.searchAliases],
        weight: weigh(this.byPerson, p.id),
      })),
    );
    this.topicSearch = new NameSearch(
      this.topics.map((t) => ({ ...t, weight: weigh(this.byTopic, t.id) })),
    );
  }

  private indexDated(e: IndexedEvent, date: HistDate): void {
    // A century would put one event under a hundred years; only finer dates go by year.
    if (date.precision !== "century") for (const y of yearsOf(date)) push(this.byYear, y, e);
    if (date.precision === "day") push(this.byMonthDay, `${date.month}-${date.day}`, e);
    if (date.precision === "month") push(this.byMonth, date.month, e);
  }

  event(id: string): IndexedEvent | undefined {
    return this.eventsById.get(id);
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  source(id: string): Source | undefined {
    return this.sourcesById.get(id);
  }

  /** Events dated within a year, at year precision or finer, in timeline order. */
  inYear(year: number): readonly IndexedEvent[] {
    return this.byYear.get(year) ?? [];
  }

  /** Day-precision events on this day and month of any year. */
  onDay(month: number, day: number): readonly IndexedEvent[] {
    return this.byMonthDay.get(`${month}-${day}`) ?? [];
  }

  /** Month-precision events of this month in any year. */
  inMonth(month: number): readonly IndexedEvent[] {
    return this.byMonth.get(month) ?? [];
  }

  /** Events dated to this month of any year, to the day or to the month, in timeline order. */
  ofMonth(month: number): readonly IndexedEvent[] {
    let found = this.ofMonths.get(month);
    if (!found) {
      found = this.timeline.filter((e) => {
        const d = e.date;
        return (d?.precision === "day" || d?.precision === "month") && d.month === month;
      });
      this.ofMonths.set(month, found);
    }
    return found;
  }

  /** Events that overlap the years from..to (inclusive), in timeline order. */
  between(from: number, to: number): readonly IndexedEvent[] {
    return this.selection.events(this.selection.select({ years: [from, to] }));
  }

  /**
   * The events within the years (if given) that have every topic and person given (by id), as
   * positions in `events`; turn a page of them into events with `eventsAt`.
   */
  narrowed(by: Readonly<EventFilter>): readonly number[] {
    const lists: Int32Array[] = [];
    const topic =
      by.topic === undefined
        ? undefined
        : this.positionsOf(`t:${by.topic}`, this.withTopic(by.topic));
    const words = by.mentioning === undefined ? undefined : this.mentioning(by.mentioning);
    if (topic && words) lists.push(union(topic, words));
    else if (topic ?? words) lists.push((topic ?? words) as Int32Array);
    if (by.person !== undefined)
      lists.push(this.positionsOf(`p:${by.person}`, this.withPerson(by.person)));
    return this.selection.select(by.years ? { years: by.years, lists } : { lists });
  }

  eventsAt(positions: readonly number[]): IndexedEvent[] {
    return this.selection.events(positions);
  }

  private positionsOf(key: string, events: readonly IndexedEvent[]): Int32Array {
    let list = this.positions.get(key);
    if (!list) {
      list = this.selection.positionsOf(events);
      this.positions.set(key, list);
    }
    return list;
  }

  /** The events a source says answered this one, in timeline order, whatever their year. */
  responsesTo(eventId: string): readonly IndexedEvent[] {
    return this.byCause.get(eventId) ?? [];
  }

  /** The events a source places after this one without calling them an answer. */
  followersOf(eventId: string): readonly IndexedEvent[] {
    return this.byPrevious.get(eventId) ?? [];
  }

  /** Every event, dated or standing, that names this person. */
  withPerson(personId: string): readonly IndexedEvent[] {
    return this.byPerson.get(personId) ?? [];
  }

  /** Every event of a topic (its id as `topics` gives it). */
  withTopic(topicId: string): readonly IndexedEvent[] {
    return this.byTopic.get(topicId) ?? [];
  }

  searchPeople(query: string, limit?: number): NameMatch[] {
    return this.peopleSearch.search(query, limit);
  }

  searchTopics(query: string, limit?: number): NameMatch[] {
    return this.topicSearch.search(query, limit);
  }

  /**
   * Full-text search over every event, person and source. Built on first use: at a large dataset
   * it costs as much again as the rest of the index, and a process that never searches never pays.
   */
  get text(): TextSearch {
    this.fullText ??= new TextSearch(searchDocuments(this.dataset, this.events));
    return this.fullText;
  }

  /**
   * Events whose words hold every word typed, exactly after folding: in the title, summary,
   * quotes, places, tags, kind or people. What a topic matches besides its own events.
   */
  eventsMentioning(words: string): readonly IndexedEvent[] {
    return this.eventsAt([...this.mentioning(words)]);
  }

  /** How many events eventsMentioning would give, without making the list of them. */
  countMentioning(words: string): number {
    return this.mentioning(words).length;
  }

  /** eventsMentioning as sorted positions, kept for the topics asked most lately. */
  private mentioning(words: string): Int32Array {
    // Keyed by the words as the index reads them, so "the Russia" and "russia" are one entry.
    const key = [...new Set(termsOf(words))].sort().join(" ");
    let list = this.mentions.get(key);
    if (list) {
      // Most recently used last, so the oldest is the one let go.
      this.mentions.delete(key);
      this.mentionsHeld -= list.length;
    } else {
      const events = this.text.matching(words, "event").flatMap((id) => this.event(id) ?? []);
      list = this.selection.positionsOf(events).sort();
    }
    // Bounded by the positions held, not the topics: at 100k events one common word is 400 KB.
    for (const [oldest, held] of this.mentions) {
      if (this.mentionsHeld + list.length <= MENTIONS_KEPT) break;
      this.mentions.delete(oldest);
      this.mentionsHeld -= held.length;
    }
    this.mentions.set(key, list);
    this.mentionsHeld += list.length;
    return list;
  }

  /** The topic whose name, or a word of it, is exactly what was typed (after folding). */
  topicNamed(query: string): NameMatch | undefined {
    return this.topicSearch.exact(query)[0];
  }
}

/** The positions on either sorted list, sorted, each once. */
function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const next = Math.min(x, y);
    if (x === next) i++;
    if (y === next) j++;
    out[n++] = next;
  }
  return out.subarray(0, n);
}

/**
 * Orders by when an event could first have happened; an event never comes before the one it
 * responds to or follows, so Russia's answer dated only "2023" still follows Norway's "April 2023".
 */
function sortChronologically(
  events: IndexedEvent[],
  byId: Map<string, IndexedEvent>,
): IndexedEvent[] {
  // key: the earliest day the event can sit at; rank: how many causes it waits behind.
  const place = (e: IndexedEvent, guard = 0): { key: number; rank: number } => {
    const own = e.range?.start ?? 0;
    const previous = predecessorOf(e);
    const cause = previous ? byId.get(previous) : undefined;
    if (!cause?.range || guard > events.length) return { key: own, rank: 0 };
    const after = place(cause, guard + 1);
    return after.key >= own ? { key: after.key, rank: after.rank + 1 } : { key: own, rank: 0 };
  };
  // Keys computed once per event, not once per comparison.
  const keyed = events.map((e, i) => ({ e, ...place(e), end: e.range?.end ?? 0, i }));
  keyed.sort((a, b) => a.key - b.key || a.rank - b.rank || a.end - b.end || a.i - b.i);
  return keyed.map((k) => k.e);
}
