import { COUNTRIES } from "../core/schema.ts";
import { altText } from "./alt-text.ts";
import type { ExpulsionSeries } from "./expulsion-series.ts";
import { axisLabels, barLabel, yearsLabel } from "./expulsion-spec.ts";

// The expulsions chart in words: the one-line summary under it and the text alternative that
// stands in for the picture (Discord's attachment description, Slack's alt text). Both say only
// what the bars say, with the sources' own nouns for who was expelled.

const people = (n: number) => (n === 0 ? "none" : n === 1 ? "1 person" : `${n} people`);

/** The sources' nouns, a plural standing for its singular: "diplomats and intelligence officers". */
function nounPhrase(nouns: readonly string[]): string {
  const kept = nouns.filter((n) => !nouns.includes(`${n}s`));
  if (kept.length <= 1) return kept.join("");
  return `${kept.slice(0, -1).join(", ")} and ${kept.at(-1)}`;
}

export function expulsionSummary(series: ExpulsionSeries): string {
  const [first, second] = COUNTRIES;
  const { totals } = series;
  const second_ = totals[second] === 0 ? "none" : String(totals[second]);
  const nouns = nounPhrase(series.nouns);
  let line = `In ${yearsLabel(series)} ${first} expelled ${people(totals[first])} and ${second} ${second_}`;
  line += nouns ? `: ${nouns}, in the sources' words.` : ".";
  if (series.undrawn > 0) {
    const n = series.undrawn;
    line += ` ${n} expulsion${n === 1 ? " is" : "s are"} dated only to a span of years and not drawn.`;
  }
  return line;
}

export function expulsionAlt(series: ExpulsionSeries): string {
  const each = series.step === 1 ? "each year" : `${series.step} years to a bar`;
  const head = `Bar chart of people expelled by Norway and by Russia, ${each}, ${yearsLabel(series)}.`;
  const years: string[] = [];
  for (const label of axisLabels(series)) {
    const bars = series.bars.filter((b) => barLabel(b.year, series.step) === label);
    years.push(
      `${label}: ${bars.length ? bars.map((b) => `${b.by} ${b.count}`).join(", ") : "none"}.`,
    );
  }
  return altText(head, years);
}
