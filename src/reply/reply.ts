// The one platform-neutral answer every command gives and every renderer draws.
// It holds plain text only: renderers decide escaping and layout, so nothing in here is markup.

/** An answer; an empty result; bad input from the user; or a failure on our side. */
export type ReplyKind = "answer" | "empty" | "usage" | "error";

/** A command call that a button, a page or a suggestion can carry and replay later. */
export interface CommandCall {
  command: string;
  options: Record<string, string | number>;
}

export interface ReplyItem {
  /** When it happened, at its own precision ("April 2023"), or "Undated" for a standing fact. */
  when: string;
  title: string;
  /** One or two sentences; renderers may shorten it to fit. */
  detail?: string;
  /** Where a search matched, the matching words marked; shown instead of `detail`. */
  snippet?: Segment[];
  /** Numbers of the entries in `sources` that back this item, ascending. */
  cites: number[];
  /** The exact excerpts behind this item, whatever a renderer chooses to show. */
  evidence: Evidence[];
}

/** A stretch of text; `match` marks a word that matched a search, which renderers emphasise. */
export interface Segment {
  text: string;
  match?: true;
}

/** One verbatim excerpt and the number of the source it stands in. */
export interface Evidence {
  source: number;
  quote: string;
}

export interface ReplySource {
  /** 1-based, as items cite it. */
  n: number;
  label: string;
  /** Excerpts to show under the source; every item's own are in its `evidence`. */
  quotes: string[];
}

export interface Paging {
  page: number;
  pages: number;
  total: number;
  /** The call that shows any page: the same call with `page` set. */
  call: CommandCall;
}

export interface Suggestion {
  label: string;
  call: CommandCall;
}

/** A picture that goes with a reply: a chart, drawn once, for every platform to attach. */
export interface ReplyImage {
  png: Uint8Array;
  /** The attachment's name, like "expulsions-2020-2023.png": letters, digits and "-" only. */
  fileName: string;
  /** What the picture shows, in words, for readers who cannot see it. */
  alt: string;
  width: number;
  height: number;
}

export interface Reply {
  kind: ReplyKind;
  title: string;
  body: string[];
  fields: Array<{ name: string; value: string }>;
  items: ReplyItem[];
  sources: ReplySource[];
  /** Whether renderers should print the quotes under the sources, not just the labels. */
  showQuotes: boolean;
  paging?: Paging;
  suggestions: Suggestion[];
  image?: ReplyImage;
}

/** A reply with every list empty, to spread the parts a command has into. */
export function reply(kind: ReplyKind, title: string, parts: Partial<Reply> = {}): Reply {
  return {
    kind,
    title,
    body: [],
    fields: [],
    items: [],
    sources: [],
    showQuotes: false,
    suggestions: [],
    ...parts,
  };
}

/** The call that shows page `page` of a paged reply. */
export function pageCall(paging: Paging, page: number): CommandCall {
  return { command: paging.call.command, options: { ...paging.call.options, page } };
}
