import { defineCommand } from "../src/command/declaration.ts";
import { eventItem } from "../src/command/event-item.ts";
import { PAGE_OPTION, paginate, pagingOf } from "../src/command/paginate.ts";
import type { EventIndex, IndexedEvent } from "../src/core/event-index.ts";
import type { Expulsion } from "../src/core/schema.ts";
import { reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

const ADJECTIVE: Record<Expulsion["of"], string> = { Norway: "Norwegian", Russia: "Russian" };

/** "15 Russian intelligence officers": the count, whose, and the source's own noun. */
export function expelledPhrase(x: Expulsion): string {
  return `${countWord(x.count)} ${ADJECTIVE[x.of]} ${x.who}`;
}

// Newsroom style: one to nine in words, 10 and up in figures.
const SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

function countWord(n: number): string {
  return SMALL[n - 1] ?? String(n);
}

/** The nearest years before and after `year` that have expulsions. */
function nearestYears(years: readonly number[], year: number): number[] {
  const before = years.filter((y) => y < year).at(-1);
  const after = years.find((y) => y > year);
  return [before, after].filter((y): y is number => y !== undefined);
}

// Said of an expulsion a source places after another without saying it was a response to it.
const NO_STATED_CAUSE = "the sources do not call it an answer";

/**
 * One line per expulsion that started something: what was done, and what came after it, looked
 * up across all years so that an answer dated the next year is not mistaken for none. Only an
 * expulsion a source says responded ("respondsTo") is called an answer; one it merely places
 * later ("follows") is told as a sequence, because the sources state no cause for it.
 */
function pairings(
  shown: readonly IndexedEvent[],
  year: ReadonlySet<IndexedEvent>,
  index: EventIndex,
): string[] {
  const lines: string[] = [];
  const expulsionOf = (id: string | undefined) => (id ? index.event(id) : undefined);
  const whenOutside = (r: IndexedEvent) => (year.has(r) ? "" : ` (${r.when})`);
  for (const e of shown) {
    const x = e.expulsion;
    if (!x) continue;
    const cause = expulsionOf(e.respondsTo);
    const previous = expulsionOf(e.follows);
    const before = cause ?? previous;
    if (before?.expulsion && year.has(before)) continue; // told with what came before it
    let line = `${x.by} expelled ${expelledPhrase(x)}`;
    if (cause?.expulsion)
      line += ` in answer to the expulsion of ${expelledPhrase(cause.expulsion)} (${cause.when})`;
    else if (previous?.expulsion)
      line += ` after the expulsion of ${expelledPhrase(previous.expulsion)} (${previous.when}); ${NO_STATED_CAUSE}`;
    const answers = index
      .responsesTo(e.id)
      .flatMap((r) => (r.expulsion ? [{ r, rx: r.expulsion }] : []))
      .map(({ r, rx }) => `${rx.by} answered by expelling ${expelledPhrase(rx)}${whenOutside(r)}`);
    const later = index
      .followersOf(e.id)
      .flatMap((r) => (r.expulsion ? [{ r, rx: r.expulsion }] : []))
      .map(
        ({ r, rx }) =>
          `later, ${rx.by} expelled ${expelledPhrase(rx)}${whenOutside(r)}; ${NO_STATED_CAUSE}`,
      );
    const after = [...answers, ...later];
    if (after.length) line += `; ${after.join("; ")}`;
    else if (!before?.expulsion) line += "; the sources record no expulsion in answer";
    lines.push(`${line}.`);
  }
  return lines;
}

export const expulsions = defineCommand({
  name: "expulsions",
  description:
    "Every expulsion of diplomats in a year, both ways, with counts, reasons and responses",
  options: [
    {
      name: "year",
      description: "The year, like 2023",
      type: "integer",
      required: true,
      min: 1,
      max: 9999,
      autocomplete: "expulsion-years",
      example: "2023",
    },
    PAGE_OPTION,
  ],
  examples: ["/expulsions 2023", "/expulsions 2022"],
  handle(ctx, { year, page }) {
    const { index } = ctx;
    const events = index.inYear(year).filter((e) => e.expulsion);
    if (events.length === 0) {
      const near = nearestYears(index.expulsionYears, year);
      return reply("empty", `No expulsions are recorded for ${year}.`, {
        body: [
          near.length
            ? `The nearest years with expulsions: ${near.join(" and ")}.`
            : "The data holds no expulsions at all.",
        ],
        suggestions: near.map((y) => ({
          label: String(y),
          call: { command: "expulsions", options: { year: y } },
        })),
      });
    }
    const sources = new SourceList(index);
    const totals = new Map<string, number>();
    for (const e of events) {
      const x = e.expulsion as Expulsion;
      totals.set(x.by, (totals.get(x.by) ?? 0) + x.count);
    }
    // The totals are the whole year's; the pairings and items, the page's.
    const shown = paginate(events, page, `/expulsions ${year} page:1`);
    return reply("answer", `Expulsions in ${year}`, {
      body: pairings(shown.slice, new Set(events), index),
      fields: [...totals].map(([by, n]) => ({ name: `${by} expelled`, value: String(n) })),
      items: shown.slice.map((e) => {
        const x = e.expulsion as Expulsion;
        // The grounds are as the sources report them, not necessarily as a government stated them.
        const facts = x.reason ? [`Reported grounds: ${x.reason}.`] : [];
        return eventItem(e, sources, [...facts, e.summary].join(" "));
      }),
      sources: sources.list(),
      showQuotes: true,
      paging: pagingOf(shown, { command: "expulsions", options: { year } }),
      // Every year's expulsions in one picture, this year among them.
      suggestions: [
        {
          label: "Chart of every year",
          call: { command: "chart", options: { kind: "expulsions" } },
        },
      ],
    });
  },
});
