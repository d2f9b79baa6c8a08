import type { IndexedEvent } from "../core/event-index.ts";
import type { ReplyItem } from "../reply/reply.ts";
import type { SourceList } from "../reply/source-list.ts";

/** When an event happened as a reader should see it: "April 2023 (a Thursday)". */
export function whenLabel(event: IndexedEvent): string {
  if (!event.when) return "Undated";
  return event.weekday ? `${event.when} (a ${event.weekday})` : event.when;
}

/** An event as a reply item, its citations registered with the reply's sources. */
export function eventItem(
  event: IndexedEvent,
  sources: SourceList,
  detail: string | false = event.summary,
  showQuotes = true,
): ReplyItem {
  const item: ReplyItem = {
    when: whenLabel(event),
    title: event.title,
    ...sources.cite(event.citations, showQuotes),
  };
  if (detail) item.detail = detail;
  return item;
}
