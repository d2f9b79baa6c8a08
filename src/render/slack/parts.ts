import type { Command } from "../../command/declaration.ts";
import { encodeCall } from "../../reply/call-codec.ts";
import { type CommandCall, pageCall, type Reply, type ReplyItem } from "../../reply/reply.ts";
import { formatCall } from "../../text/grammar.ts";
import { markedSnippet } from "../marked-snippet.ts";
import {
  type ActionsBlock,
  type ButtonElement,
  type ContextBlock,
  mrkdwn,
  PAGE_NEXT,
  PAGE_PREVIOUS,
  plain,
  type SectionBlock,
  type SlackBlock,
  suggestionAction,
} from "./block-kit.ts";
import { fitText } from "./fit.ts";
import { SLACK_LIMITS as L } from "./limits.ts";
import { escapeMrkdwn } from "./mrkdwn.ts";

// The pieces of a Slack message, each built within its own limits. Every piece of data or user
// text goes through fitText, which escapes it; the `*`, `_` and line breaks added here are ours.

export interface CallStyle {
  /** SLACK_COMMAND_PREFIX, so a call shown as text names the command people really type. */
  prefix: string;
  commands: readonly Command[];
}

/** A call as someone would type it in Slack: `/nr-expulsions 2020`. Not yet escaped. */
export function slashCall(call: CommandCall, style: CallStyle): string {
  const command = style.commands.find((c) => c.name === call.command);
  return `/${style.prefix}${formatCall(call, command).slice(1)}`;
}

/** Joins texts (each already within `max`) into as few texts of at most `max` as keep order. */
export function pack(texts: readonly string[], max: number, separator: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const text of texts) {
    if (!text) continue;
    if (current && current.length + separator.length + text.length <= max) {
      current += separator + text;
    } else {
      if (current) out.push(current);
      current = text;
    }
  }
  if (current) out.push(current);
  return out;
}

export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

// Shorter than this, a cut quote is too little of the source's words to be worth showing.
const MIN_QUOTE = 80;

const section = (text: string): SectionBlock => ({ type: "section", text: mrkdwn(text) });

/** Context blocks holding `texts` (each within the element limit), ten elements a block. */
export function contexts(texts: readonly string[]): ContextBlock[] {
  return chunk(
    texts.filter((t) => t),
    L.contextElements,
  ).map((group) => ({ type: "context", elements: group.map(mrkdwn) }));
}

export function bodySections(reply: Reply): SectionBlock[] {
  const lines = reply.body.map((line) => fitText(line, L.sectionText));
  return pack(lines, L.sectionText, "\n").map(section);
}

export function fieldSections(reply: Reply): SectionBlock[] {
  const fields = reply.fields
    .map((f) => {
      const name = fitText(f.name, 300);
      const head = name ? `*${name}*\n` : "";
      const value = fitText(f.value, L.fieldText - head.length);
      return head + value;
    })
    .filter((text) => text.trim())
    .map(mrkdwn);
  return chunk(fields, L.sectionFields).map((group) => ({ type: "section", fields: group }));
}

/** One item as mrkdwn: "*when* — title [1][2]", its detail below when wanted. */
export function itemText(item: ReplyItem, withDetail: boolean): string {
  const cites = fitText(item.cites.map((n) => `[${n}]`).join(""), 200);
  const head = `*${fitText(item.when, 200)}* — ${fitText(item.title, 1000)}${cites ? ` ${cites}` : ""}`;
  if (!withDetail || !item.detail) return head;
  const room = L.sectionText - head.length - 1;
  const detail =
    (item.snippet && markedSnippet(item.snippet, escapeMrkdwn, (w) => `*${w}*`, room)) ||
    fitText(item.detail, room);
  return detail ? `${head}\n${detail}` : head;
}

export function itemSections(reply: Reply, packed: boolean, withDetail: boolean): SectionBlock[] {
  const texts = reply.items.map((item) => itemText(item, withDetail));
  return (packed ? pack(texts, L.sectionText, "\n\n") : texts).map(section);
}

/** The sources in context blocks, each with up to `quotes` of its excerpts when the reply shows them. */
export function sourceContexts(reply: Reply, quotes: number): ContextBlock[] {
  if (!reply.sources.length) return [];
  const title = "*Sources*";
  const entries = reply.sources.map((src, i) => {
    // The first entry shares its element with the title.
    const room = L.contextText - (i === 0 ? title.length + 1 : 0);
    let text = fitText(`[${src.n}] ${src.label}`, Math.min(room, 1000));
    const shown = reply.showQuotes ? src.quotes.slice(0, quotes) : [];
    for (const quote of shown) {
      // "\n_“" and "”_" take 5; a quote cut to a few words says nothing, so stop instead.
      const left = room - text.length - 5;
      if (left < MIN_QUOTE) break;
      const fitted = fitText(quote, left);
      if (fitted) text += `\n_“${fitted}”_`;
    }
    return i === 0 ? `${title}\n${text}` : text;
  });
  return contexts(pack(entries, L.contextText, "\n"));
}

function button(label: string, actionId: string, value: string): ButtonElement {
  return {
    type: "button",
    text: plain(fitText(label, L.buttonText) || "…"),
    action_id: actionId,
    value,
  };
}

/** "Page 2 of 6" with Previous and Next buttons whose values carry the page they show. */
export function pagingBlocks(reply: Reply, style: CallStyle): SlackBlock[] {
  const p = reply.paging;
  if (!p || p.pages <= 1) return [];
  const buttons: ButtonElement[] = [];
  const typed: string[] = [];
  const moves = [
    { label: "◀ Previous", word: "Previous", id: PAGE_PREVIOUS, page: p.page - 1 },
    { label: "Next ▶", word: "Next", id: PAGE_NEXT, page: p.page + 1 },
  ];
  for (const move of moves) {
    if (move.page < 1 || move.page > p.pages) continue;
    const call = pageCall(p, move.page);
    const value = encodeCall(call);
    // A call too long to carry is still reachable: say what to type instead.
    if (value.length <= L.buttonValue) buttons.push(button(move.label, move.id, value));
    else typed.push(`${move.word} (page ${move.page}): ${slashCall(call, style)}`);
  }
  const info = `Page ${p.page} of ${p.pages} · ${p.total} in all`;
  // Each hint gets an equal share of the room, so a long one cannot crowd out the other.
  const share = Math.floor((L.contextText - info.length) / Math.max(1, typed.length)) - 1;
  const text = [info, ...typed.map((t) => fitText(t, share))].join("\n");
  const blocks: SlackBlock[] = [...contexts([text])];
  if (buttons.length) blocks.push({ type: "actions", elements: buttons } satisfies ActionsBlock);
  return blocks;
}

/** "Did you mean" and other suggested calls as buttons that answer them when pressed. */
export function suggestionBlocks(reply: Reply, style: CallStyle): SlackBlock[] {
  const buttons: ButtonElement[] = [];
  const typed: string[] = [];
  for (const [i, s] of reply.suggestions.entries()) {
    const value = encodeCall(s.call);
    if (value.length <= L.buttonValue && buttons.length < L.actionsElements) {
      buttons.push(button(s.label, suggestionAction(i), value));
    } else typed.push(slashCall(s.call, style));
  }
  const blocks: SlackBlock[] = [];
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  if (typed.length)
    blocks.push(...contexts([fitText(`Try: ${typed.join("  |  ")}`, L.contextText)]));
  return blocks;
}
