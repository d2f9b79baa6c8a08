import type { z } from "zod";
import { COUNTRIES, type eventSchema, WEEKDAYS } from "../core/schema.ts";
import {
  dateAfter,
  LAST_YEAR,
  type Precision,
  precisionFor,
  type SynthDate,
  synthDate,
  synthYear,
} from "./dates.ts";
import { ANSWER_CHANCE, kindFor, MAX_DEPTH } from "./event-kinds.ts";
import {
  ANSWERS,
  type EventKind,
  KIND_TAGS,
  STANDING,
  TEMPLATES,
  type Template,
} from "./event-templates.ts";
import { ADJECTIVE, type Country, otherCountry, synthExpulsion } from "./expulsions.ts";
import type { EraPicker, SynthPerson } from "./people.ts";
import type { Random } from "./random.ts";
import { type RawSource, synthCitations } from "./sources.ts";
import { capitalise, fill, grow, listing } from "./summary.ts";
import { PLACES, TAGS, TOPICS } from "./vocabulary.ts";

// Synthetic events: dated at every precision over twelve centuries, some undated standing
// facts, expulsions both ways, and answers that respond to an earlier event.

export type RawEvent = z.input<typeof eventSchema>;

/** The words a template is filled with; {country} is the one acting. */
type Tokens = {
  place: string;
  place2: string;
  topic: string;
  country: Country;
  other: Country;
  otherAdj: string;
  surname: string;
};

/** What the generator needs to make the event, or an answer to it. */
interface Made {
  record: RawEvent;
  kind: EventKind;
  date?: SynthDate;
  /** The country acting in it: the one expelling, imposing sanctions, detaining. */
  country: Country;
  tokens: Tokens;
  /** How many events it answers in a chain; chains stay short, as real ones do. */
  depth: number;
}

/** What one of the first events must be, so that even a small dataset shows every shape. */
interface Plan {
  precision?: Precision;
  standing?: boolean;
  weekday?: boolean;
  kind?: EventKind;
  by?: Country;
}

const COVER: readonly Plan[] = [
  { precision: "century" },
  { precision: "year" },
  { precision: "month", weekday: true },
  { precision: "day" },
  { precision: "span" },
  { standing: true },
  { kind: "expulsion", by: "Norway" },
  { kind: "expulsion", by: "Russia" },
];

/** Whether a template can be used for an event that names nobody. */
function needsNoPerson(tpl: Template): boolean {
  return !tpl.title.includes("{surname}") && !tpl.clause.includes("{surname}");
}

function dateSlug(text: string): string {
  return text.toLowerCase().replace("/", "-to-").replace(/ /g, "-");
}

function tokensFor(random: Random, country: Country, people: readonly SynthPerson[]): Tokens {
  const place = random.pick(PLACES);
  let place2 = random.pick(PLACES);
  if (place2 === place) place2 = PLACES[(PLACES.indexOf(place) + 1) % PLACES.length] ?? place;
  const other = otherCountry(country);
  return {
    place,
    place2,
    topic: random.pick(TOPICS),
    country,
    other,
    otherAdj: ADJECTIVE[other],
    surname: people[0]?.surname ?? "",
  };
}

function howManyPeople(random: Random): number {
  return random.weighted([
    [0, 35],
    [1, 35],
    [2, 20],
    [3, 10],
  ] as const);
}

interface Parts {
  id: string;
  kind: EventKind;
  date?: SynthDate;
  weekday?: boolean;
  title: string;
  clause: string;
  tokens: Tokens;
  people: readonly SynthPerson[];
  places: string[];
  expulsion?: RawEvent["expulsion"];
  respondsTo?: string;
}

/** The record, its fields in the order data files list them. */
function assemble(random: Random, sources: readonly RawSource[], parts: Parts): RawEvent {
  const { date, tokens, people } = parts;
  const opening = [
    date ? `${date.phrase}, ${parts.clause}.` : `${capitalise(parts.clause)}.`,
    people.length > 0 && `The synthetic record names ${listing(people.map((p) => p.record.name))}.`,
  ]
    .filter(Boolean)
    .join(" ");
  const summary = grow(random, opening, tokens);
  const tags = [KIND_TAGS[parts.kind], ...random.sample(TAGS, random.int(0, 3))];
  const weekday = parts.weekday && date?.precision === "month" ? random.pick(WEEKDAYS) : undefined;
  return {
    id: parts.id,
    ...(date && { date: date.text }),
    ...(weekday && { weekday }),
    title: capitalise(parts.title).slice(0, 200),
    summary,
    kind: parts.kind,
    tags: [...new Set(tags)],
    people: people.map((p) => p.record.id),
    places: [...new Set(parts.places)],
    ...(parts.expulsion && { expulsion: parts.expulsion }),
    ...(parts.respondsTo && { respondsTo: parts.respondsTo }),
    citations: synthCitations(random, sources, summary),
  };
}

function expulsionPlaces(random: Random, by: Country): string[] {
  if (!random.chance(0.6)) return [];
  return [random.pick(by === "Norway" ? ["Oslo", "Kirkenes"] : ["Moscow", "Murmansk"])];
}

class EventMaker {
  constructor(
    private readonly random: Random,
    private readonly sources: readonly RawSource[],
    private readonly picker: EraPicker,
  ) {}

  fresh(n: number, plan: Plan = {}): Made {
    const { random } = this;
    const standing = plan.standing ?? random.chance(0.015);
    const country = plan.by ?? random.pick(COUNTRIES);
    if (standing) {
      const [kind, tpl] = random.pick(STANDING);
      const people = this.picker.pick(random, random.chance(0.2) ? 1 : 0);
      return this.templated(n, kind, tpl, country, people, undefined, plan);
    }
    let year = plan.precision || plan.kind ? random.int(1500, LAST_YEAR) : synthYear(random);
    const kind = plan.kind ?? kindFor(random, year);
    if (kind === "expulsion") year = Math.max(year, random.int(1920, LAST_YEAR));
    const precision =
      plan.precision ??
      (kind === "expulsion"
        ? random.weighted<Precision>([
            ["day", 50],
            ["month", 30],
            ["year", 20],
          ])
        : precisionFor(random, year));
    const date = synthDate(random, year, precision);
    const people = this.picker.pick(random, howManyPeople(random), date.year);
    if (kind === "expulsion") {
      const facts = synthExpulsion(random, country);
      const tokens = tokensFor(random, country, people);
      const places = expulsionPlaces(random, country);
      const parts = { ...facts, id: this.id(kind, n, date), kind, date, tokens, people, places };
      const record = assemble(random, this.sources, { ...parts, expulsion: facts.block });
      return { record, kind, date, country, tokens, depth: 0 };
    }
    const pool = people.length > 0 ? TEMPLATES[kind] : TEMPLATES[kind].filter(needsNoPerson);
    return this.templated(n, kind, random.pick(pool), country, people, date, plan);
  }

  /** An event that answers `cause`: the other country's expulsion, counter-sanctions, a protest. */
  answer(n: number, cause: Made & { date: SynthDate }): Made {
    const { random } = this;
    const date = dateAfter(random, cause.date);
    const people = this.picker.pick(random, random.chance(0.4) ? 1 : 0, date.year);
    const depth = cause.depth + 1;
    const respondsTo = cause.record.id;
    if (cause.kind === "expulsion" && cause.record.expulsion) {
      const by = otherCountry(cause.country);
      const facts = synthExpulsion(random, by, cause.record.expulsion);
      const tokens = tokensFor(random, by, people);
      const parts = {
        ...facts,
        id: this.id("expulsion", n, date),
        kind: "expulsion" as const,
        date,
        tokens,
        people,
        places: expulsionPlaces(random, by),
      };
      const record = assemble(random, this.sources, {
        ...parts,
        expulsion: facts.block,
        respondsTo,
      });
      return { record, kind: "expulsion", date, country: by, tokens, depth };
    }
    if (cause.kind !== "sanctions" && cause.kind !== "espionage") {
      throw new Error(`no answer is defined for an event of kind ${cause.kind}`);
    }
    const [kind, tpl] = ANSWERS[cause.kind];
    const by = otherCountry(cause.country);
    const tokens = {
      ...cause.tokens,
      country: by,
      other: cause.country,
      otherAdj: ADJECTIVE[cause.country],
    };
    const made = this.templated(n, kind, tpl, by, people, date, {}, tokens, respondsTo);
    return { ...made, depth };
  }

  private templated(
    n: number,
    kind: EventKind,
    template: Template,
    country: Country,
    people: readonly SynthPerson[],
    date: SynthDate | undefined,
    plan: Plan,
    given?: Tokens,
    respondsTo?: string,
  ): Made {
    const { random } = this;
    const tokens = given ?? tokensFor(random, country, people);
    const places = [tokens.place];
    if (template.clause.includes("{place2}")) places.push(tokens.place2);
    if (random.chance(0.2)) places.push(random.pick(PLACES));
    const parts: Parts = {
      id: this.id(kind, n, date),
      kind,
      date,
      weekday: plan.weekday ?? random.chance(0.1),
      title: fill(template.title, tokens),
      clause: fill(template.clause, tokens),
      tokens,
      people,
      places,
      respondsTo,
    };
    const record = assemble(random, this.sources, parts);
    return { record, kind, date, country, tokens, depth: 0 };
  }

  private id(kind: EventKind, n: number, date?: SynthDate): string {
    return `${kind}-${date ? dateSlug(date.text) : "standing"}-${n + 1}`;
  }
}

/** `count` events citing `sources` and naming `people` of their era. */
export function synthEvents(
  random: Random,
  count: number,
  sources: readonly RawSource[],
  picker: EraPicker,
): RawEvent[] {
  const maker = new EventMaker(random, sources, picker);
  const events: RawEvent[] = [];
  let cause: (Made & { date: SynthDate }) | undefined;
  for (let n = 0; n < count; n++) {
    const made = cause ? maker.answer(n, cause) : maker.fresh(n, COVER[n]);
    events.push(made.record);
    const { date } = made;
    const answerable = date !== undefined && date.precision !== "century" && made.depth < MAX_DEPTH;
    cause =
      answerable && random.chance(ANSWER_CHANCE[made.kind] ?? 0) ? { ...made, date } : undefined;
  }
  return events;
}
