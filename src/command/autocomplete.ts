import { MAX_SUGGESTIONS } from "../core/name-search.ts";
import type { AutocompleteSource, CommandContext } from "./declaration.ts";
import { clip } from "./resolve-options.ts";

export interface Choice {
  /** What the person sees: 1 to 100 characters. */
  name: string;
  value: string | number;
}

/** Discord's ceiling, and a sensible one anywhere: more is noise. */
export const MAX_CHOICES = MAX_SUGGESTIONS;
const MAX_NAME = 100;
/** Every IANA zone the runtime knows, read once; Node 20's list leaves out UTC itself. */
const TIME_ZONES: readonly string[] = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];

function choice(name: string, value: string | number): Choice {
  return { name: clip(name, MAX_NAME), value };
}

/** Ranked choices for a partly typed option value, from memory, never more than 25. */
export function autocomplete(
  ctx: CommandContext,
  source: AutocompleteSource,
  typed: string,
): Choice[] {
  const text = typed.trim();
  switch (source) {
    case "people": {
      if (!text)
        return ctx.index.dataset.people.slice(0, MAX_CHOICES).map((p) => choice(p.name, p.name));
      return ctx.index.searchPeople(text, MAX_CHOICES).map((m) => choice(m.name, m.name));
    }
    case "topics": {
      if (!text) return ctx.index.topics.slice(0, MAX_CHOICES).map((t) => choice(t.name, t.name));
      return ctx.index.searchTopics(text, MAX_CHOICES).map((m) => choice(m.name, m.name));
    }
    case "search": {
      // Titles and names of the best hits: picking one searches for it, and it comes first.
      // Before anything is typed, the people, as /who offers them.
      if (!text) return autocomplete(ctx, "people", "");
      return ctx.index.text
        .search(text, { kinds: ["event", "person"], limit: MAX_CHOICES })
        .flatMap((hit) => {
          const name =
            hit.kind === "event" ? ctx.index.event(hit.id)?.title : ctx.index.person(hit.id)?.name;
          return name ? [choice(name, clip(name, MAX_NAME))] : [];
        });
    }
    case "expulsion-years": {
      const years = [...ctx.index.expulsionYears].reverse();
      return years
        .filter((y) => String(y).startsWith(text))
        .slice(0, MAX_CHOICES)
        .map((y) => choice(String(y), y));
    }
    case "time-zones": {
      // Matches anywhere in the name, so "oslo" finds Europe/Oslo and "new_y" America/New_York.
      const wanted = text.toLowerCase().replace(/\s+/g, "_");
      const matches = TIME_ZONES.filter((zone) => zone.toLowerCase().includes(wanted));
      // "os" offers Europe/Oslo before America/Costa_Rica: a part that starts so ranks first.
      const starts = (zone: string) =>
        zone.toLowerCase().startsWith(wanted) ||
        zone
          .toLowerCase()
          .split("/")
          .some((part) => part.startsWith(wanted));
      return [...matches.filter(starts), ...matches.filter((zone) => !starts(zone))]
        .slice(0, MAX_CHOICES)
        .map((zone) => choice(zone, zone));
    }
  }
}
