import type { EVENT_KINDS } from "../core/schema.ts";

// Titles and opening clauses of synthetic events, by kind. {place}, {place2}, {topic},
// {country}, {other}, {otherAdj} and {surname} are filled in; a clause follows a date
// ("In April 2023, …"), so it starts in lower case unless it starts with a name.

export type EventKind = (typeof EVENT_KINDS)[number];

export interface Template {
  title: string;
  clause: string;
}

/** Expulsions are built from their numbers instead (see expulsions.ts). */
export type TemplatedKind = Exclude<EventKind, "expulsion">;

const t = (title: string, clause: string): Template => ({ title, clause });

export const TEMPLATES: Record<TemplatedKind, readonly Template[]> = {
  history: [
    t(
      "Pomor traders reach {place}",
      "Pomor traders from the White Sea coast reached {place} with grain and bought dried fish",
    ),
    t(
      "The fortress at {place} is strengthened",
      "the fortress at {place} was strengthened against raids from the east",
    ),
    t(
      "Envoys travel between {place} and {place2}",
      "envoys travelled between {place} and {place2} to settle questions of {topic}",
    ),
    t(
      "Monks from {place} trade along the coast",
      "monks from {place} traded along the coast as far as {place2}",
    ),
    t(
      "{surname} describes the trade of {place}",
      "{surname} described the customs and trade of {place}",
    ),
    t(
      "Tax collectors from {country} and {other} meet in {place}",
      "tax collectors from {country} and {other} met in {place} and quarrelled over who could tax its people",
    ),
  ],
  diplomacy: [
    t(
      "Talks in {place} on {topic}",
      "delegations from Norway and Russia met in {place} to discuss {topic}",
    ),
    t(
      "{country} and {other} sign a protocol on {topic}",
      "{country} and {other} signed a protocol on {topic} in {place}",
    ),
    t("{surname} visits {place}", "{surname} visited {place} and spoke about {topic}"),
    t("A consulate opens in {place}", "a consulate opened in {place} to deal with {topic}"),
    t(
      "Foreign ministers meet in {place}",
      "the foreign ministers of Norway and Russia met in {place} and agreed to keep talking about {topic}",
    ),
  ],
  sanctions: [
    t(
      "{country} extends sanctions over {topic}",
      "{country} extended its sanctions against {other}, citing {topic}",
    ),
    t(
      "{country} bars {otherAdj} vessels from {place}",
      "{country} barred {otherAdj} fishing vessels from the port of {place}",
    ),
    t(
      "{country} freezes assets linked to {topic}",
      "{country} froze assets of companies linked to {topic}",
    ),
  ],
  border: [
    t(
      "Crossing at {place} closes",
      "the border crossing at {place} was closed to most travellers because of {topic}",
    ),
    t(
      "Border commissioners meet at {place}",
      "the Norwegian and Russian border commissioners met at {place}",
    ),
    t(
      "New border markers near {place}",
      "new border markers were set near {place} and the river course was surveyed again",
    ),
    t(
      "{surname} inspects the border at {place}",
      "{surname} inspected the border at {place} and reported on {topic}",
    ),
  ],
  security: [
    t(
      "Naval exercise near {place}",
      "{country} held a naval exercise near {place}, which {other} protested",
    ),
    t("Aircraft intercepted off {place}", "{otherAdj} aircraft were intercepted off {place}"),
    t(
      "{country} raises readiness in {place}",
      "{country} raised the readiness of its forces in {place}",
    ),
  ],
  espionage: [
    t("Suspected spy detained in {place}", "a suspected {otherAdj} agent was detained in {place}"),
    t(
      "{surname} charged with espionage",
      "{surname} was charged in {place} with spying for {other}",
    ),
    t(
      "Drone flights over {place} investigated",
      "police investigated drone flights over {place} and questioned {otherAdj} citizens",
    ),
  ],
  politics: [
    t(
      "{surname} takes office in {place}",
      "{surname} took office in {place} and promised a new approach to {topic}",
    ),
    t(
      "Parliament in {country} debates {topic}",
      "the parliament in {country} debated {topic} and relations with {other}",
    ),
    t(
      "A new government in {country} reviews {topic}",
      "a new government in {country} began a review of {topic}",
    ),
  ],
  culture: [
    t(
      "A festival of {otherAdj} music in {place}",
      "a festival of {otherAdj} music was held in {place}",
    ),
    t(
      "Choir from {place} tours {other}",
      "a choir from {place} toured {other} and sang in {place2}",
    ),
    t("Exhibition on {topic} opens in {place}", "an exhibition on {topic} opened in {place}"),
    t(
      "{surname} opens an exhibition in {place}",
      "{surname} opened an exhibition in {place} on the history of {topic}",
    ),
  ],
  environment: [
    t(
      "Emissions from {place} measured in Finnmark",
      "emissions from {place} were measured across the border in Finnmark",
    ),
    t(
      "Joint survey of {topic} in the Barents Sea",
      "Norwegian and Russian scientists carried out a joint survey of {topic} in the Barents Sea",
    ),
    t(
      "Radioactive waste near {place} assessed",
      "experts assessed radioactive waste stored near {place}",
    ),
  ],
};

/** States of affairs without a date: a standing crossing, a consulate, a lasting pollution. */
export const STANDING: ReadonlyArray<readonly [TemplatedKind, Template]> = [
  [
    "border",
    t(
      "The crossing at {place}",
      "the only regular crossing on this stretch of the border is at {place}",
    ),
  ],
  [
    "diplomacy",
    t("{country} keeps a consulate in {place}", "{country} keeps a consulate general in {place}"),
  ],
  ["environment", t("Emissions from {place}", "emissions from {place} reach across the border")],
  [
    "culture",
    t("A twin-town link with {place}", "{place} keeps a twin-town link with a town in {other}"),
  ],
];

// Written from the answering side: {country} answers what {other} did.
/** What answers an event of a kind, as the kind of the answer and its template. */
export const ANSWERS = {
  sanctions: [
    "sanctions",
    {
      title: "{country} answers with counter-sanctions",
      clause: "{country} answered the sanctions of {other} with restrictions on {topic}",
    },
  ],
  espionage: [
    "diplomacy",
    {
      title: "{country} protests the detention in {place}",
      clause: "{country} protested the detention in {place} and summoned the ambassador of {other}",
    },
  ],
} as const satisfies Record<string, readonly [EventKind, Template]>;

/** Tags every event of a kind carries, before the random ones. */
export const KIND_TAGS: Record<EventKind, string> = {
  history: "early-history",
  diplomacy: "treaty",
  expulsion: "diplomats",
  sanctions: "sanctions",
  border: "border",
  security: "military",
  espionage: "espionage",
  politics: "politics",
  culture: "culture",
  environment: "environment",
};
