import type { Command } from "../../command/declaration.ts";
import type { Reply } from "../../reply/reply.ts";
import {
  type HeaderBlock,
  plain,
  type SlackBlock,
  type SlackMessage,
  type SlackReplyPayload,
} from "./block-kit.ts";
import { withCommandPrefix } from "./command-prefix.ts";
import { fitText } from "./fit.ts";
import { SLACK_LIMITS as L } from "./limits.ts";
import {
  bodySections,
  type CallStyle,
  contexts,
  fieldSections,
  itemSections,
  pagingBlocks,
  sourceContexts,
  suggestionBlocks,
} from "./parts.ts";

// Reply → Block Kit, laid out like the text renderer: title, body, fields, items, sources, then
// the buttons. Any reply renders within every Slack limit: when there are too many blocks the
// layout degrades a step at a time (items folded together, then fewer quotes, then no quotes,
// then no item details), and only as a last resort is the middle cut with a note saying so.

const MARK: Record<Reply["kind"], string> = { answer: "", empty: "", usage: "⚠ ", error: "✖ " };

interface Layout {
  /** Several items to a section instead of one each. */
  foldItems: boolean;
  /** How many of each source's quotes to show, when the reply shows quotes at all. */
  quotes: number;
  details: boolean;
}

const LAYOUTS: readonly Layout[] = [
  { foldItems: false, quotes: Number.POSITIVE_INFINITY, details: true },
  { foldItems: true, quotes: Number.POSITIVE_INFINITY, details: true },
  { foldItems: true, quotes: 1, details: true },
  { foldItems: true, quotes: 0, details: true },
  { foldItems: true, quotes: 0, details: false },
];

export interface SlackRenderOptions {
  /** SLACK_COMMAND_PREFIX, so that calls shown as text name the real command (`/nr-who`). */
  prefix?: string;
  /** The command declarations, so calls shown as text read as typed: `/expulsions 2020`. */
  commands?: readonly Command[];
}

function header(reply: Reply): HeaderBlock {
  const text = fitText(`${MARK[reply.kind]}${reply.title}`, L.headerText);
  return { type: "header", text: plain(text.trim() ? text : "Barents") };
}

/** The notification text: the title and the first line of the body. */
function fallback(reply: Reply): string {
  const lines = [`${MARK[reply.kind]}${reply.title}`, ...reply.body.slice(0, 1)];
  return fitText(lines.join("\n"), L.fallbackText) || "Barents";
}

/** A reply as a Slack message. Pure: the same reply, the same message, always within limits. */
export function renderSlackMessage(
  original: Reply,
  options: SlackRenderOptions = {},
): SlackMessage {
  const style: CallStyle = { prefix: options.prefix ?? "", commands: options.commands ?? [] };
  const reply = withCommandPrefix(original, style.prefix, style.commands);
  const head = [header(reply)];
  const tail = [...pagingBlocks(reply, style), ...suggestionBlocks(reply, style)];
  const room = L.blocks - head.length - tail.length;
  // The body and fields are the same in every layout; only items and sources give way.
  const opening = [...bodySections(reply), ...fieldSections(reply)];
  let body: SlackBlock[] = [];
  for (const layout of LAYOUTS) {
    body = [
      ...opening,
      ...itemSections(reply, layout.foldItems, layout.details),
      ...sourceContexts(reply, layout.quotes),
    ];
    if (body.length <= room) break;
  }
  if (body.length > room) {
    const hidden = body.length - (room - 1);
    body = [
      ...body.slice(0, room - 1),
      ...contexts([
        `Cut to fit one Slack message: ${hidden} more parts of this answer are not shown. A narrower question shows them.`,
      ]),
    ];
  }
  return { text: fallback(reply), blocks: [...head, ...body, ...tail] };
}

/**
 * A reply to a command: answers in the channel; empty results, usage help and errors only to
 * the person who asked, so a mistyped command does not clutter the channel.
 */
export function renderSlack(reply: Reply, options: SlackRenderOptions = {}): SlackReplyPayload {
  return {
    response_type: reply.kind === "answer" ? "in_channel" : "ephemeral",
    ...renderSlackMessage(reply, options),
  };
}
