import type { EventIndex } from "../core/event-index.ts";
import type { Citation, Source } from "../core/schema.ts";
import type { ReplySource } from "./reply.ts";

/** How a source is named to readers: its title, and who published or wrote it where known. */
export function sourceLabel(source: Source): string {
  const title = source.titleIsDescriptive ? source.title : `“${source.title}”`;
  const by = [source.author, source.publisher].filter(Boolean).join(", ");
  return by ? `${title}, ${by}` : title;
}

/** Gathers a reply's citations into numbered sources, each quote once, in order of first use. */
export class SourceList {
  private readonly entries = new Map<string, ReplySource>();

  constructor(private readonly index: EventIndex) {}

  /**
   * Registers citations and returns the source numbers an item shows. With `quote` false the
   * source is listed without these excerpts, for replies where they would drown the answer.
   */
  cite(citations: readonly Citation[], quote = true): number[] {
    const numbers: number[] = [];
    for (const c of citations) {
      let entry = this.entries.get(c.source);
      if (!entry) {
        const source = this.index.source(c.source);
        entry = {
          n: this.entries.size + 1,
          label: source ? sourceLabel(source) : c.source,
          quotes: [],
        };
        this.entries.set(c.source, entry);
      }
      if (quote && !entry.quotes.includes(c.quote)) entry.quotes.push(c.quote);
      if (!numbers.includes(entry.n)) numbers.push(entry.n);
    }
    return numbers;
  }

  list(): ReplySource[] {
    return [...this.entries.values()];
  }
}
