import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Reply, ReplyItem, ReplySource } from "../../reply/reply.ts";
import { markedSnippet } from "../marked-snippet.ts";
import { DISCORD_LIMITS as L } from "./limits.ts";
import { escapeText, fitPlain, fitText } from "./markdown.ts";

// A reply as two embeds: the answer (title, body, items, fields, a footer with the page) and its
// sources. Any reply fits Discord's limits: when it is too long, the layout gives up detail a
// step at a time (long quotes, then quotes, then item details, then long labels). Only when even
// the barest layout is too long are lists shortened, and then with a note saying how many
// entries are not shown: a list is never cut silently.

const MARK: Record<Reply["kind"], string> = { answer: "", empty: "", usage: "⚠ ", error: "✖ " };

const COLOR: Record<Reply["kind"], number> = {
  answer: 0x3b6ea5,
  empty: 0x8b949e,
  usage: 0xd29922,
  error: 0xcf222e,
};

const ALL = Number.POSITIVE_INFINITY;

interface Layout {
  /** How many of each source's quotes to show, when the reply shows quotes at all. */
  quotes: number;
  quoteLength: number;
  /** Longest item detail; 0 leaves details out. */
  detail: number;
  label: number;
  itemTitle: number;
}

const LAYOUTS: readonly Layout[] = [
  { quotes: ALL, quoteLength: ALL, detail: ALL, label: ALL, itemTitle: ALL },
  { quotes: ALL, quoteLength: 300, detail: ALL, label: ALL, itemTitle: ALL },
  { quotes: 1, quoteLength: 300, detail: ALL, label: ALL, itemTitle: ALL },
  { quotes: 1, quoteLength: 150, detail: 300, label: ALL, itemTitle: ALL },
  { quotes: 0, quoteLength: 0, detail: 300, label: ALL, itemTitle: ALL },
  { quotes: 0, quoteLength: 0, detail: 150, label: ALL, itemTitle: ALL },
  { quotes: 0, quoteLength: 0, detail: 0, label: ALL, itemTitle: ALL },
  { quotes: 0, quoteLength: 0, detail: 0, label: 150, itemTitle: 150 },
  { quotes: 0, quoteLength: 0, detail: 0, label: 80, itemTitle: 80 },
];

/** Room for each part. The natural one is Discord's own; the last resort adds up under 6000. */
interface Budget {
  body: number;
  items: number;
  fields: number;
  fieldName: number;
  fieldValue: number;
  sources: number;
  footer: number;
}

const NATURAL: Budget = {
  body: L.description,
  items: L.description,
  fields: ALL,
  fieldName: L.fieldName,
  fieldValue: L.fieldValue,
  sources: L.description,
  footer: L.footer,
};

const SOURCES_TITLE = "Sources";

// title 256 + body 700 + items 2400 + fields 1100 + "Sources" 7 + sources 1000 + footer 500.
const LAST_RESORT: Budget = {
  body: 700,
  items: 2400,
  fields: 1100,
  fieldName: 80,
  fieldValue: 300,
  sources: 1000,
  footer: 500,
};

/** Embed fields with one short line of value sit side by side. */
const INLINE_VALUE = 40;
// Discord refuses an empty field name or value.
const BLANK = "\u200b";

interface Fitted {
  text: string;
  hidden: number;
}

/** As many entries as fit in `max` characters, in order, then a note of how many are left out. */
function fitList(
  entries: readonly string[],
  separator: string,
  max: number,
  note: (hidden: number) => string,
): Fitted {
  const whole = entries.join(separator);
  if (entries.length === 0 || whole.length <= max) return { text: whole, hidden: 0 };
  let text = "";
  let shown = 0;
  for (const entry of entries) {
    const next = text ? text + separator + entry : entry;
    const hidden = entries.length - shown - 1;
    if (next.length + separator.length + note(hidden).length > max) break;
    text = next;
    shown++;
  }
  const hidden = entries.length - shown;
  return { text: text ? text + separator + note(hidden) : note(hidden), hidden };
}

/** fitText, remembered for one render: the layouts tried in turn fit the same texts again. */
type Fit = (text: string, max: number) => string;

function memoFit(): Fit {
  const seen = new Map<string, string>();
  return (text, max) => {
    const key = `${max}\u0000${text}`;
    let fitted = seen.get(key);
    if (fitted === undefined) {
      fitted = fitText(text, max);
      seen.set(key, fitted);
    }
    return fitted;
  };
}

function itemEntry(item: ReplyItem, layout: Layout, fitMemo: Fit): string {
  const cites = item.cites.map((n) => `[${n}]`).join("");
  const head = `**${escapeText(item.when)}** — ${fitMemo(item.title, layout.itemTitle)}`;
  const line = cites ? `${head} ${cites}` : head;
  if (!item.detail || layout.detail <= 0) return line;
  const marked =
    item.snippet && markedSnippet(item.snippet, escapeText, (w) => `**${w}**`, layout.detail);
  return `${line}\n${marked || fitMemo(item.detail, layout.detail)}`;
}

function sourceEntry(
  source: ReplySource,
  layout: Layout,
  showQuotes: boolean,
  fitMemo: Fit,
): string {
  const quotes = showQuotes ? source.quotes.slice(0, layout.quotes) : [];
  return [
    `**[${source.n}]** ${fitMemo(source.label, layout.label)}`,
    ...quotes.map((q) => `> “${fitMemo(q, layout.quoteLength).replace(/\n/g, "\n> ")}”`),
  ].join("\n");
}

function fields(
  reply: Reply,
  budget: Budget,
  fitMemo: Fit,
): { fields: APIEmbedField[]; hidden: number } {
  const out: APIEmbedField[] = [];
  let used = 0;
  for (const f of reply.fields.slice(0, L.fields)) {
    const name = fitMemo(f.name, budget.fieldName) || BLANK;
    const value = fitMemo(f.value, budget.fieldValue) || BLANK;
    if (used + name.length + value.length > budget.fields) break;
    used += name.length + value.length;
    out.push({ name, value, inline: value.length <= INLINE_VALUE && !value.includes("\n") });
  }
  return { fields: out, hidden: reply.fields.length - out.length };
}

function pageLine(reply: Reply): string[] {
  const p = reply.paging;
  return p && p.pages > 1 ? [`Page ${p.page} of ${p.pages} · ${p.total} in all`] : [];
}

interface Built {
  embeds: APIEmbed[];
  /** Whether every list entry is shown. */
  complete: boolean;
}

function build(
  reply: Reply,
  layout: Layout,
  budget: Budget,
  notes: readonly string[],
  fitMemo: Fit,
): Built {
  const title = fitMemo(`${MARK[reply.kind]}${reply.title}`, L.title) || "Barents";
  const body = fitMemo(reply.body.join("\n\n"), budget.body);
  const entries = reply.items.map((item) => itemEntry(item, layout, fitMemo));
  const spaced = entries.some((e) => e.includes("\n"));
  const items = fitList(
    entries,
    spaced ? "\n\n" : "\n",
    Math.min(budget.items, L.description - (body ? body.length + 2 : 0)),
    (n) => `…and ${n} more not shown: too long for one Discord message.`,
  );
  const description = [body, items.text].filter(Boolean).join("\n\n");
  const shownFields = fields(reply, budget, fitMemo);
  const footer = fitPlain(
    [
      ...pageLine(reply),
      ...notes,
      ...(shownFields.hidden ? [`${shownFields.hidden} more fields not shown.`] : []),
    ].join("\n"),
    budget.footer,
  );
  const main: APIEmbed = { title, color: COLOR[reply.kind] };
  if (description) main.description = description;
  if (shownFields.fields.length) main.fields = shownFields.fields;
  if (footer) main.footer = { text: footer };
  const embeds = [main];
  let hiddenSources = 0;
  if (reply.sources.length) {
    const sources = fitList(
      reply.sources.map((s) => sourceEntry(s, layout, reply.showQuotes, fitMemo)),
      "\n",
      budget.sources,
      (n) => `…and ${n} more sources not shown: too long for one Discord message.`,
    );
    hiddenSources = sources.hidden;
    embeds.push({ title: SOURCES_TITLE, description: sources.text, color: COLOR[reply.kind] });
  }
  return {
    embeds,
    complete: items.hidden === 0 && shownFields.hidden === 0 && hiddenSources === 0,
  };
}

/** The characters Discord counts toward its 6000 across a message's embeds. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const e of embeds) {
    total += (e.title ?? "").length + (e.description ?? "").length;
    total += (e.footer?.text ?? "").length + (e.author?.name ?? "").length;
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  return total;
}

/**
 * A reply as embeds within every Discord limit: the fullest layout that fits whole, or else the
 * barest one with lists shortened (and saying so). `notes` are plain lines for the footer.
 */
export function replyEmbeds(reply: Reply, notes: readonly string[] = []): APIEmbed[] {
  const fitMemo = memoFit();
  for (const layout of LAYOUTS) {
    const built = build(reply, layout, NATURAL, notes, fitMemo);
    if (built.complete && embedsLength(built.embeds) <= L.embedsTotal) return built.embeds;
  }
  return build(reply, LAYOUTS[LAYOUTS.length - 1] as Layout, LAST_RESORT, notes, fitMemo).embeds;
}
