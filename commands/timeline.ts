import { MAX_MARKS } from "../src/chart/timeline-layout.ts";
import { defineCommand } from "../src/command/declaration.ts";
import { eventItem } from "../src/command/event-item.ts";
import { PAGE_OPTION, paginate, pagingOf } from "../src/command/paginate.ts";
import { selectTimeline } from "../src/command/timeline-selection.ts";
import { reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

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
    const { index } = ctx;
    const selected = selectTimeline(index, { from, to, topic, person }, "timeline");
    if (!("positions" in selected)) return selected;
    const { positions: events, title, notes, call } = selected;
    const shown = paginate(events, page, "/timeline page:1");
    const onPage = index.eventsAt(shown.slice);
    const sources = new SourceList(index);
    // A chart of the same events, where there are few enough to draw one by one.
    // Counted as /chart counts: the dated events, which are what it draws. They come first in
    // index.events (the timeline, then the standing facts), so a position says it unread.
    const dated = events.filter((position) => position < index.timeline.length).length;
    const drawable = dated > 0 && dated <= MAX_MARKS;
    return reply("answer", title.join(" · "), {
      body: notes,
      items: onPage.map((e) => eventItem(e, sources, false)),
      sources: sources.list(),
      paging: pagingOf(shown, { command: "timeline", options: call }),
      suggestions: drawable
        ? [{ label: "Chart", call: { command: "chart", options: { kind: "timeline", ...call } } }]
        : [],
    });
  },
});
