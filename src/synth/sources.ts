import type { z } from "zod";
import type { citationSchema, sourceSchema } from "../core/schema.ts";
import type { Random } from "./random.ts";
import { PLACES, TOPICS } from "./vocabulary.ts";

// Synthetic sources and the citations that point to them. Every title starts with "Synthetic"
// and every address is under the reserved .invalid domain, so nobody takes this data for fact.

export type RawSource = z.input<typeof sourceSchema>;
export type RawCitation = z.input<typeof citationSchema>;

const KINDS = ["encyclopedia article", "news report", "paraphrase", "abstract"] as const;
const MAX_QUOTE = 300;

/** Roughly one source per 250 records, as a large real index would have. */
export function sourceCount(records: number): number {
  return Math.max(4, Math.ceil(records / 250));
}

/** Sources numbered from 1, each kind in turn, with the optional fields present or not. */
export function synthSources(random: Random, count: number): RawSource[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length] ?? "news report";
    const id = `synthetic-${kind.replace(" ", "-")}-${i + 1}`;
    const about = `${random.pick(TOPICS)} and ${random.pick(PLACES)}`;
    const source: RawSource = {
      id,
      title: `Synthetic ${kind} ${i + 1}: ${about}`,
      kind,
    };
    // Paraphrases and abstracts have no title of their own, as in the bundled data.
    if (kind === "paraphrase" || kind === "abstract") source.titleIsDescriptive = true;
    if (kind === "encyclopedia article" || random.chance(0.5)) {
      source.publisher = "Synthetic Barents Press";
    }
    if (kind === "news report" && random.chance(0.7)) source.author = `Synthetic Author ${i + 1}`;
    if (random.chance(0.6)) source.url = `https://synthetic.invalid/sources/${id}`;
    if (kind === "news report") source.date = String(random.int(1990, 2025));
    return source;
  });
}

/** The sentences of a text, for quoting one at a time. */
export function sentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]+/g)?.map((s) => s.trim()) ?? [text];
}

/** A quote of at most 300 characters, cut at a word so it still reads as an excerpt. */
export function excerpt(sentence: string): string {
  if (sentence.length <= MAX_QUOTE) return sentence;
  const cut = sentence.slice(0, MAX_QUOTE);
  return cut.slice(0, cut.lastIndexOf(" ")).trim();
}

/** One to three citations, each quoting a sentence of the record's own text. */
export function synthCitations(
  random: Random,
  sources: readonly RawSource[],
  text: string,
): RawCitation[] {
  const parts = sentences(text);
  const n = random.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ] as const);
  return Array.from({ length: Math.min(n, parts.length) }, (_, i) => ({
    source: random.pick(sources).id,
    quote: excerpt(parts[i] ?? text),
  }));
}
