import { defineCommand } from "../src/command/declaration.ts";
import { whenLabel } from "../src/command/event-item.ts";
import { PAGE_OPTION, PAGE_SIZE, pageOf, pagingOf } from "../src/command/paginate.ts";
import type { EventIndex } from "../src/core/event-index.ts";
import { type ReplyItem, reply, type Segment } from "../src/reply/reply.ts";
import { SourceList, sourceLabel } from "../src/reply/source-list.ts";
import { snippet } from "../src/search/snippet.ts";
import type { TextHit } from "../src/search/text-search.ts";
import { formatCall } from "../src/text/grammar.ts";

const searchCall = (query: string) => ({ command: "search", options: { query } });

/** The first of the texts that shows a matching word, as a marked snippet. */
function firstSnippet(texts: readonly string[], terms: readonly string[]): Segment[] | undefined {
  const matches = new Set(terms);
  for (const text of texts) {
    const found = snippet(text, matches);
    if (found) return found;
  }
  return undefined;
}

/** A hit as an item: what it is and when, its title, where it matched, its sources. */
function hitItem(index: EventIndex, hit: TextHit, sources: SourceList): ReplyItem | undefined {
  if (hit.kind === "event") {
    const e = index.event(hit.id);
    if (!e) return undefined;
    const quotes = e.citations.map((c) => c.quote);
    return {
      when: `Event · ${whenLabel(e)}`,
      title: e.title,
      ...sources.cite(e.citations, false),
      detail: e.summary,
      ...optional(firstSnippet([e.summary, ...quotes, e.places.join(", ")], hit.terms)),
    };
  }
  if (hit.kind === "person") {
    const p = index.person(hit.id);
    if (!p) return undefined;
    return {
      when: "Person",
      title: p.name,
      ...sources.cite(p.citations, false),
      detail: p.summary,
      ...optional(
        firstSnippet(
          [p.summary, ...p.citations.map((c) => c.quote), p.roles.join("; ")],
          hit.terms,
        ),
      ),
    };
  }
  const s = index.source(hit.id);
  if (!s) return undefined;
  return { when: "Source", title: sourceLabel(s), cites: [sources.number(s.id)], evidence: [] };
}

const optional = (found: Segment[] | undefined) => (found ? { snippet: found } : {});

export const search = defineCommand({
  name: "search",
  description: "Search events, people and sources by any words: names, places, years, quotes",
  options: [
    {
      name: "query",
      description: "Words to look for; spelling need not be exact",
      type: "string",
      required: true,
      maxLength: 100,
      autocomplete: "search",
      example: "kirkenes",
    },
    { ...PAGE_OPTION, description: "Which page of hits" },
  ],
  examples: ["/search kirkenes", "/search expelled diplomats", "/search Микушин"],
  handle(ctx, { query, page }) {
    const { index } = ctx;
    // Only the page shown is ranked and read: at 100k records a common word matches most.
    const requested = page ?? 1;
    const { total, hits } = index.text.page(query, {
      offset: (requested - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (total === 0) {
      const near = index.text.nearestTerms(query);
      return reply("empty", `Nothing matches “${query}”.`, {
        body: [
          near.length
            ? `The nearest words the index holds: ${near.join(", ")}.`
            : "Try a name, a place, a year or a kind of event, as in /search kirkenes.",
        ],
        suggestions: near.map((word) => ({ label: word, call: searchCall(word) })),
      });
    }
    const shown = pageOf(total, page, `${formatCall(searchCall(query), search)} page:1`);
    const sources = new SourceList(index);
    const items = hits.flatMap((hit) => hitItem(index, hit, sources) ?? []);
    return reply("answer", `Search: ${query}`, {
      body: [`${total.toLocaleString("en")} ${total === 1 ? "record matches" : "records match"}.`],
      items,
      sources: sources.list(),
      paging: pagingOf(shown, searchCall(query)),
    });
  },
});
