import type { EventIndex } from "../core/event-index.ts";
import type { Citation, Source } from "../core/schema.ts";
import type { Evidence, ReplySource } from "./reply.ts";

/** How a source is named to readers: its title, and who published or wrote it where known. */
export function sourceLabel(source: Source): string {
  // A description must never pass for a real headline someone could cite.
  const title = source.titleIsDescriptive
    ? `[untitled ${source.kind}] ${source.title}`
    : `“${source.title}”`;
  const by = [source.author, source.publisher].filter(Boolean).join(", ");
  return by ? `${title}, ${by}` : title;
}

/** Gathers a reply's citations into numbered sources, each quote once, in order of first use. */
export class SourceList {
  private readonly entries = new Map<string, ReplySource>();

  constructor(private readonly index: EventIndex) {}

  /**
   * Registers citations and returns what an item shows: its source numbers and its exact
   * excerpts. With `show` false the excerpts stay with the item but are not listed under the
   * source, for replies where they would drown the answer.
   */
  cite(citations: readonly Citation[], show = true): { cites: number[]; evidence: Evidence[] } {
    const evidence: Evidence[] = [];
    for (const c of citations) {
      const entry = this.entry(c.source);
      if (show && !entry.quotes.includes(c.quote)) entry.quotes.push(c.quote);
      evidence.push({ source: entry.n, quote: c.quote });
    }
    const cites = [...new Set(evidence.map((e) => e.source))].sort((a, b) => a - b);
    return { cites, evidence };
  }

  /** The number a source has in this reply, registering it if it is new. */
  number(sourceId: string): number {
    return this.entry(sourceId).n;
  }

  private entry(sourceId: string): ReplySource {
    let entry = this.entries.get(sourceId);
    if (!entry) {
      const source = this.index.source(sourceId);
      entry = {
        n: this.entries.size + 1,
        label: source ? sourceLabel(source) : sourceId,
        quotes: [],
      };
      this.entries.set(sourceId, entry);
    }
    return entry;
  }

  list(): ReplySource[] {
    return [...this.entries.values()];
  }
}
