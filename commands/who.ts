import { coverageReply } from "../src/command/coverage.ts";
import { defineCommand } from "../src/command/declaration.ts";
import { eventItem } from "../src/command/event-item.ts";
import { PAGE_OPTION, paginate, pagingOf } from "../src/command/paginate.ts";
import { spellingKey } from "../src/core/fold.ts";
import type { NameMatch } from "../src/core/name-search.ts";
import { reply } from "../src/reply/reply.ts";
import { SourceList } from "../src/reply/source-list.ts";

// How far behind the best match another may score and still be offered as "did you mean".
const CLOSE = 0.1;
const MAX_ALTERNATIVES = 4;

function alternatives(matches: NameMatch[]): NameMatch[] {
  const [best, ...rest] = matches;
  if (!best) return [];
  // After an exact hit only other exact hits are worth offering (two people named Berg).
  const close = rest.filter((m) => (best.exact ? m.exact : m.score - best.score <= CLOSE));
  return close.slice(0, MAX_ALTERNATIVES);
}

/**
 * The sources' own other spellings worth showing: not the name, nor a word of it or of a spelling
 * already shown, with other accents or case. Only `aliases` qualify: `searchAliases` are spellings
 * the sources never give, so showing them as "Also written" would put words in the sources' mouth.
 */
function distinctSpellings(name: string, aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const see = (spelling: string) => {
    const key = spellingKey(spelling);
    for (const k of [key, ...key.split(" ")]) seen.add(k);
  };
  see(name);
  return aliases.filter((alias) => {
    if (seen.has(spellingKey(alias))) return false;
    see(alias);
    return true;
  });
}

const whoCall = (name: string) => ({ command: "who", options: { name } });
const timelineCall = (topic: string) => ({ command: "timeline", options: { topic } });

export const who = defineCommand({
  name: "who",
  description: "Who a person is, their roles, and the events they appear in",
  options: [
    {
      name: "name",
      description:
        "A name in any order or script; spelling need not be exact. Everyone if left out",
      type: "string",
      maxLength: 100,
      autocomplete: "people",
      example: "huitfeldt",
    },
    { ...PAGE_OPTION, description: "Which page of their events" },
  ],
  examples: ["/who huitfeldt", "/who Giammaria", "/who store", "/who"],
  handle(ctx, { name, page }) {
    const { index } = ctx;
    // No name: everyone the index knows, each a button to their profile.
    if (name === undefined)
      return coverageReply(index, "people", page, { command: "who", options: {} });
    const matches = index.searchPeople(name, 1 + MAX_ALTERNATIVES);
    const best = matches[0];
    // Only a topic matched exactly is worth pointing to; a near one would be a wild guess.
    const place = index.topicNamed(name);
    // "vardo" is Vardø the town, not a person who happens to be spelled a bit like it.
    const person = best && !(place?.exact && !best.exact) ? index.person(best.id) : undefined;
    if (!best || !person) {
      const loose = index.searchPeople(name.slice(0, 3), 3);
      return reply("empty", `No one matches “${name}”.`, {
        body: place
          ? [
              `“${place.name}” is a topic or a place, not a person: try /timeline topic:${place.name}`,
            ]
          : ["A surname or part of a name is enough, as in /who huitfeldt."],
        suggestions: [
          ...(place ? [{ label: `Timeline: ${place.name}`, call: timelineCall(place.name) }] : []),
          ...loose.map((m) => ({ label: m.name, call: whoCall(m.name) })),
        ],
      });
    }

    const sources = new SourceList(index);
    const personCites = sources.cite(person.citations).cites;
    const events = index.withPerson(person.id);
    const shown = paginate(events, page, `/who ${person.name} page:1`);
    const others = alternatives(matches);
    const body = [person.summary];
    if (!best.exact) body.unshift(`Closest match for “${name}”.`);
    if (others.length) body.push(`Did you mean ${others.map((m) => m.name).join(", ")}?`);

    const fields = [{ name: "Roles", value: person.roles.join("; ") }];
    const aliases = distinctSpellings(person.name, person.aliases);
    if (aliases.length) fields.push({ name: "Also written", value: aliases.join(", ") });
    fields.push({
      name: "Sources for this profile",
      value: personCites.map((n) => `[${n}]`).join(" "),
    });
    return reply("answer", person.name, {
      body,
      fields,
      // The profile's own quotes back the profile; its events keep their sources, not their quotes.
      items: shown.slice.map((e) => eventItem(e, sources, false, false)),
      sources: sources.list(),
      showQuotes: true,
      suggestions: others.map((m) => ({ label: m.name, call: whoCall(m.name) })),
      paging: pagingOf(shown, whoCall(person.name)),
    });
  },
});
