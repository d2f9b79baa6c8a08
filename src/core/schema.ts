import { z } from "zod";
import { type HistDate, parseHistDate } from "./dates.ts";

// The shape of data/*.json. Everything a reply states must trace back to a citation here.

const id = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'use lowercase words joined by "-", like "expulsion-2023-norway"',
  );

const CONTROL = /[^\P{Cc}\n\t]/u;

const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  // Any control character but newline and tab, tested in place: no copy of every text to test.
  .refine((s) => !CONTROL.test(s), "must not hold control characters");

export const citationSchema = z.strictObject({
  source: id,
  quote: text.max(300, "a quote is a short excerpt: 300 characters at most"),
});

const citations = z.array(citationSchema).min(1, "every record needs at least one citation");

const histDate = z.string().transform((s, ctx): HistDate => {
  const parsed = parseHistDate(s);
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return parsed;
});

export const COUNTRIES = ["Norway", "Russia"] as const;
export const EVENT_KINDS = [
  "history",
  "diplomacy",
  "expulsion",
  "sanctions",
  "border",
  "security",
  "espionage",
  "politics",
  "culture",
  "environment",
] as const;
export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

export const sourceSchema = z.strictObject({
  id,
  title: text,
  /** Whether the title is the document's own or a description of an untitled one. */
  titleIsDescriptive: z.boolean().default(false),
  kind: z.enum(["encyclopedia article", "news report", "paraphrase", "abstract"]),
  publisher: text.optional(),
  author: text.optional(),
  url: z.url().optional(),
  date: text.optional(),
});

export const personSchema = z.strictObject({
  id,
  name: text,
  /** Other spellings the sources themselves give ("J.G. Støre"); shown as "Also written". */
  aliases: z.array(text).default([]),
  /**
   * Spellings a user might type that the sources do not give: expansions, transliterations,
   * versions without diacritics. Search finds them; no reply presents them as the sources' own.
   */
  searchAliases: z.array(text).default([]),
  roles: z.array(text).min(1, "say who the person is"),
  summary: text,
  citations,
});

export const expulsionSchema = z
  .strictObject({
    by: z.enum(COUNTRIES),
    of: z.enum(COUNTRIES),
    count: z.int().min(1),
    /** The source's own words for who was expelled: "diplomats", "intelligence officers". */
    who: text,
    reason: text.optional(),
  })
  .refine((e) => e.by !== e.of, { message: "a country does not expel its own", path: ["of"] });

export const eventSchema = z.strictObject({
  id,
  /** Omitted for a standing fact: a state of affairs the sources describe without a date. */
  date: histDate.optional(),
  /** Only where the source names the weekday but not the day ("on Thursday"). */
  weekday: z.enum(WEEKDAYS).optional(),
  title: text.max(200),
  summary: text.max(1000),
  kind: z.enum(EVENT_KINDS),
  tags: z.array(id).default([]),
  people: z.array(id).default([]),
  places: z.array(text).default([]),
  expulsion: expulsionSchema.optional(),
  /** The event this one answers, only where a source says it responded; never sorts before it. */
  respondsTo: id.optional(),
  /**
   * The event this one came after, where a source gives the order but no cause ("later that
   * month"); it keeps the timeline in order like respondsTo, but no reply calls it an answer.
   */
  follows: id.optional(),
  citations,
});

export type Citation = z.infer<typeof citationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Person = z.infer<typeof personSchema>;
export type Expulsion = z.infer<typeof expulsionSchema>;
export type Event = z.infer<typeof eventSchema>;

export interface Dataset {
  sources: Source[];
  people: Person[];
  events: Event[];
}
