import type { Command } from "../command/declaration.ts";
import { type CommandCall, pageCall, type Reply } from "../reply/reply.ts";
import { formatCall } from "../text/grammar.ts";
import { markedSnippet } from "./marked-snippet.ts";
import { safeText } from "./safe-text.ts";

const MARK: Record<Reply["kind"], string> = { answer: "", empty: "", usage: "⚠ ", error: "✖ " };

// A field longer than this reads better with its value on the next line.
const INLINE_FIELD = 80;

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}

/**
 * A reply as plain text for a terminal or a pipe. Pure: the same reply, the same text. Given the
 * command declarations, calls it suggests are written as people type them: `/expulsions 2020`.
 */
export function renderText(reply: Reply, commands: readonly Command[] = []): string {
  const s = safeText;
  const call = (c: CommandCall) =>
    s(
      formatCall(
        c,
        commands.find((cmd) => cmd.name === c.command),
      ),
    );
  const out: string[] = [`${MARK[reply.kind]}${s(reply.title)}`];
  const block = (lines: string[]) => {
    if (lines.length) out.push("", ...lines);
  };
  block(reply.body.map(s));
  // A terminal cannot show the picture: what it shows, in words, stands in for it.
  if (reply.image) block([`[Picture: ${s(reply.image.fileName)}] ${s(reply.image.alt)}`]);
  block(
    reply.fields.map((f) =>
      f.value.includes("\n") || f.name.length + f.value.length > INLINE_FIELD
        ? `${s(f.name)}:\n${indent(s(f.value), "  ")}`
        : `${s(f.name)}: ${s(f.value)}`,
    ),
  );
  block(
    reply.items.map((item) => {
      const cites = item.cites.map((n) => `[${n}]`).join("");
      const head = `• ${s(item.when)} — ${s(item.title)}${cites ? ` ${cites}` : ""}`;
      // A terminal has no bold; the matching words stand out as **word**, as in Markdown.
      const detail = item.snippet
        ? markedSnippet(item.snippet, s, (word) => `**${word}**`, Number.POSITIVE_INFINITY)
        : item.detail && s(item.detail);
      return detail ? `${head}\n${indent(detail, "    ")}` : head;
    }),
  );
  const p = reply.paging;
  if (p && p.pages > 1) {
    const moves = [
      p.page > 1 ? `previous: ${call(pageCall(p, p.page - 1))}` : "",
      p.page < p.pages ? `next: ${call(pageCall(p, p.page + 1))}` : "",
    ].filter(Boolean);
    block([`Page ${p.page} of ${p.pages} (${p.total} in all) · ${moves.join(" · ")}`]);
  }
  if (reply.suggestions.length) {
    block([`Try: ${reply.suggestions.map((x) => call(x.call)).join("  |  ")}`]);
  }
  if (reply.sources.length) {
    block([
      "Sources:",
      ...reply.sources.flatMap((src) => [
        `  [${src.n}] ${s(src.label)}`,
        ...(reply.showQuotes ? src.quotes.map((q) => `      “${s(q)}”`) : []),
      ]),
    ]);
  }
  return out.join("\n");
}
