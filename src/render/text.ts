import { pageCall, type Reply } from "../reply/reply.ts";
import { formatCall } from "../text/grammar.ts";
import { safeText } from "./safe-text.ts";

const MARK: Record<Reply["kind"], string> = { answer: "", empty: "", usage: "⚠ ", error: "✖ " };

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((line) => pad + line)
    .join("\n");
}

/** A reply as plain text for a terminal or a pipe. Pure: the same reply, the same text. */
export function renderText(reply: Reply): string {
  const s = safeText;
  const out: string[] = [`${MARK[reply.kind]}${s(reply.title)}`];
  const block = (lines: string[]) => {
    if (lines.length) out.push("", ...lines);
  };
  block(reply.body.map(s));
  block(
    reply.fields.map((f) =>
      f.value.includes("\n")
        ? `${s(f.name)}:\n${indent(s(f.value), "  ")}`
        : `${s(f.name)}: ${s(f.value)}`,
    ),
  );
  block(
    reply.items.map((item) => {
      const cites = item.cites.map((n) => `[${n}]`).join("");
      const head = `• ${s(item.when)} — ${s(item.title)}${cites ? ` ${cites}` : ""}`;
      return item.detail ? `${head}\n${indent(s(item.detail), "    ")}` : head;
    }),
  );
  const p = reply.paging;
  if (p && p.pages > 1) {
    const moves = [
      p.page > 1 ? `previous: ${s(formatCall(pageCall(p, p.page - 1)))}` : "",
      p.page < p.pages ? `next: ${s(formatCall(pageCall(p, p.page + 1)))}` : "",
    ].filter(Boolean);
    block([`Page ${p.page} of ${p.pages} (${p.total} in all) · ${moves.join(" · ")}`]);
  }
  if (reply.suggestions.length) {
    block([`Try: ${reply.suggestions.map((x) => s(formatCall(x.call))).join("  |  ")}`]);
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
