import { defineCommand } from "../src/command/declaration.ts";
import { eventItem } from "../src/command/event-item.ts";
import { PAGE_OPTION, paginate, pagingOf } from "../src/command/paginate.ts";
import { UsageError } from "../src/command/usage-error.ts";
import type { EventFilter, EventIndex } from "../src/core/event-index.ts";
import { fold } from "../src/core/fold.ts";
import type { NameMatch } from "../src/core/name-search.ts";
import { reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

/** Years as a person says them: "in 2023", "from 2025 on", "up to 1800", "from 1100 to 1199". */
function yearsPhrase(from: number | undefined, to: number | undefined): string {
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

export const timeline = defineCommand({
  name: "timeline",
  description: "Events in date order, optionally narrowed to years, a topic or a person",
  options: [
    {
      name: "from",
      description: "First year to include",
      type: "integer",
      min: 1,
      max: 9999,
      example: "2017",
    },
    {
      name: "to",
      description: "Last year to include",
      type: "integer",
      min: 1,
      max: 9999,
      example: "2019",
    },
    {
      name: "topic",
      description: "A kind of event, a tag or a place, like expulsion or Vardø",
      type: "string",
      maxLength: 100,
      autocomplete: "topics",
      example: "expulsion",
    },
    {
      name: "person",
      description: "Only events this person appears in",
      type: "string",
      maxLength: 100,
      autocomplete: "people",
      example: "huitfeldt",
    },
    PAGE_OPTION,
  ],
  examples: ["/timeline from:2017 to:2019", "/timeline topic:expulsion", "/timeline person:støre"],
  handle(ctx, { from, to, topic, person, page }) {
    if (from !== undefined && to !== undefined && from > to) {
      throw new UsageError(
        `from (${from}) comes after to (${to}).`,
        `/timeline from:${to} to:${from}`,
      );
    }
    const { index } = ctx;
    const ranged = from !== undefined || to !== undefined;
    const both = from !== undefined && to !== undefined;
    const title = [
      both ? `Timeline ${from}–${to}` : ranged ? `Timeline ${yearsPhrase(from, to)}` : "Timeline",
    ];
    const notes: string[] = [];
    const call: Record<string, string | number> = {};
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
            call: { command: "timeline", options: { topic: t } },
          })),
        });
      }
      narrow("topic", topic, match);
    }
    if (person !== undefined) {
      const match = index.searchPeople(person, 1)[0];
      if (!match) {
        return reply("empty", `No one matches “${person}”.`, {
          body: ["A surname is enough, as in /timeline person:huitfeldt."],
        });
      }
      narrow("person", person, match);
    }

    // Standing facts have no date, so they belong only to a timeline with no years set.
    const events = index.narrowed(by);
    if (events.length === 0) {
      const whole = { label: "Whole timeline", call: { command: "timeline", options: {} } };
      if (topic !== undefined || person !== undefined) {
        return reply("empty", `No events match: ${title.join(" · ")}.`, {
          body: [
            ...notes,
            ranged ? "Widen the years or drop a filter." : "Drop a filter to see more.",
          ],
          suggestions: [whole],
        });
      }
      // Only years were asked for: say which years, as a person would, and, past the end of
      // the records, where they end.
      const latest = from !== undefined && to === undefined ? latestYear(index) : undefined;
      return reply("empty", `Nothing is recorded ${yearsPhrase(from, to)}.`, {
        body: [
          latest === undefined ? "Widen the years." : `The latest recorded year is ${latest}.`,
        ],
        suggestions: [
          ...(latest === undefined
            ? []
            : [
                {
                  label: `From ${latest}`,
                  call: { command: "timeline", options: { from: latest } },
                },
              ]),
          whole,
        ],
      });
    }
    const shown = paginate(events, page, "/timeline page:1");
    const onPage = index.eventsAt(shown.slice);
    const sources = new SourceList(index);
    return reply("answer", title.join(" · "), {
      body: notes,
      items: onPage.map((e) => eventItem(e, sources, false)),
      sources: sources.list(),
      paging: pagingOf(shown, { command: "timeline", options: call }),
    });
  },
});
