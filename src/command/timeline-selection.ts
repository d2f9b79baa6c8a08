import type { EventFilter, EventIndex } from "../core/event-index.ts";
import { fold } from "../core/fold.ts";
import type { NameMatch } from "../core/name-search.ts";
import { type Reply, reply } from "../reply/reply.ts";
import { UsageError } from "./usage-error.ts";

// Which events a timeline holds, from its years, topic and person as typed: shared by /timeline,
// which lists them, and /chart timeline, which draws them, so both always mean the same events.

export interface TimelineAsk {
  from?: number;
  to?: number;
  topic?: string;
  person?: string;
}

export interface TimelineSelection {
  /** Positions in index.events, in timeline order (EventIndex.narrowed). */
  positions: readonly number[];
  /** "Timeline 2017–2019", then "topic: expulsion", "person: Anniken Huitfeldt". */
  title: string[];
  /** Said when a topic or person was matched inexactly. */
  notes: string[];
  /** The options that give this selection again, with names as matched. */
  call: Record<string, string | number>;
}

/** Years as a person says them: "in 2023", "from 2025 on", "up to 1800", "from 1100 to 1199". */
export function yearsPhrase(from: number | undefined, to: number | undefined): string {
  if (from !== undefined && to !== undefined)
    return from === to ? `in ${from}` : `from ${from} to ${to}`;
  if (from !== undefined) return `from ${from} on`;
  return to === undefined ? "at all" : `up to ${to}`;
}

/** The last year any dated event reaches; a span counts to its end. */
function latestYear(index: EventIndex): number | undefined {
  let end = 0;
  for (const e of index.timeline) if (e.range && e.range.end > end) end = e.range.end;
  return end ? Math.floor(end / 10000) : undefined;
}

/** Refuses years given backwards, showing `again` (the command as typed) with them swapped. */
export function checkYearOrder(from: number | undefined, to: number | undefined, again: string) {
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(
      `from (${from}) comes after to (${to}).`,
      `${again} from:${to} to:${from}`,
    );
  }
}

/**
 * The events a timeline asked for, or the empty reply that says why there are none (`command`
 * names the command its suggestions call). Throws UsageError for years given backwards.
 */
export function selectTimeline(
  index: EventIndex,
  { from, to, topic, person }: TimelineAsk,
  command: string,
): TimelineSelection | Reply {
  checkYearOrder(from, to, command === "timeline" ? "/timeline" : `/${command} timeline`);
  const base: Record<string, string | number> = command === "chart" ? { kind: "timeline" } : {};
  const ranged = from !== undefined || to !== undefined;
  const both = from !== undefined && to !== undefined;
  const title = [
    both ? `Timeline ${from}–${to}` : ranged ? `Timeline ${yearsPhrase(from, to)}` : "Timeline",
  ];
  const notes: string[] = [];
  const call: Record<string, string | number> = { ...base };
  if (from !== undefined) call.from = from;
  if (to !== undefined) call.to = to;

  // Narrowing by topic and by person work alike: best match, a note if inexact.
  const by: EventFilter = {};
  if (ranged) by.years = [from ?? 1, to ?? 9999];
  const narrow = (option: "topic" | "person", typed: string, match: NameMatch) => {
    by[option] = match.id;
    title.push(`${option}: ${match.name}`);
    if (!match.exact) notes.push(`Showing the ${option} “${match.name}” for “${typed}”.`);
    call[option] = match.name;
  };
  // A topic is a tag, a kind or a place, or any word of an event's title, summary or quotes:
  // "ukraine", "Solovetsky", "monastery" all work. Only if neither holds is a near topic tried.
  const named = topic === undefined ? undefined : index.topicNamed(topic);
  if (topic !== undefined && (named || index.countMentioning(topic) > 0)) {
    if (named) by.topic = named.id;
    by.mentioning = topic;
    const name = named && fold(named.name) === fold(topic) ? named.name : topic;
    title.push(`topic: ${name}`);
    call.topic = name;
  } else if (topic !== undefined) {
    const match = index.searchTopics(topic, 1)[0];
    if (!match) {
      return reply("empty", `No topic matches “${topic}”.`, {
        body: [
          "Topics are kinds of event such as expulsion, sanctions or espionage, and places such as Vardø.",
        ],
        suggestions: ["expulsion", "sanctions", "Vardø"].map((t) => ({
          label: t,
          call: { command, options: { ...base, topic: t } },
        })),
      });
    }
    narrow("topic", topic, match);
  }
  if (person !== undefined) {
    const match = index.searchPeople(person, 1)[0];
    if (!match) {
      return reply("empty", `No one matches “${person}”.`, {
        body: [
          `A surname is enough, as in /${command}${command === "chart" ? " timeline" : ""} person:huitfeldt.`,
        ],
      });
    }
    narrow("person", person, match);
  }

  // Standing facts have no date, so they belong only to a timeline with no years set.
  const positions = index.narrowed(by);
  if (positions.length > 0) return { positions, title, notes, call };
  const whole = { label: "Whole timeline", call: { command, options: { ...base } } };
  if (topic !== undefined || person !== undefined) {
    return reply("empty", `No events match: ${title.join(" · ")}.`, {
      body: [...notes, ranged ? "Widen the years or drop a filter." : "Drop a filter to see more."],
      suggestions: [whole],
    });
  }
  // Only years were asked for: say which years, as a person would, and, past the end of the
  // records, where they end.
  const latest = from !== undefined && to === undefined ? latestYear(index) : undefined;
  return reply("empty", `Nothing is recorded ${yearsPhrase(from, to)}.`, {
    body: [latest === undefined ? "Widen the years." : `The latest recorded year is ${latest}.`],
    suggestions: [
      ...(latest === undefined
        ? []
        : [{ label: `From ${latest}`, call: { command, options: { ...base, from: latest } } }]),
      whole,
    ],
  });
}
