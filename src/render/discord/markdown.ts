import { safeText } from "../safe-text.ts";

// Data and user text reach Discord only through here: controls stripped and mentions defused
// (safeText), then every markdown sign escaped, so a record can neither ping anyone nor restyle
// the message. Long text is cut, never refused, since one long field fails the whole message.
//
// discord.js's escapeMarkdown leaves some signs alone by design (a lone `*`, `>` quotes, `<t:…>`
// timestamps), so Barents escapes more bluntly: Discord shows a backslash before any
// punctuation as the punctuation itself, so over-escaping costs only length.

// Signs that mean something anywhere in a line.
const INLINE = /[\\*_~`|<>[\]]/g;
// Signs that mean something only at the start of a line: headings, subtext, lists, quotes.
const LINE_START = /^(\s*)([#+-]|\d+\.)/gm;
// Links are left whole: Discord finds them before markdown, and a backslash would break them.
const URL = /(https?:\/\/[^\s<>]+)/;

function escapeMarkdown(text: string): string {
  return text
    .split(URL)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(INLINE, "\\$&")
            .replace(LINE_START, (_all, pad: string, sign: string) =>
              sign.endsWith(".") ? `${pad}${sign.slice(0, -1)}\\.` : `${pad}\\${sign}`,
            ),
    )
    .join("");
}

const ELLIPSIS = "…";
// A boundary further back than this share of the room would throw away too much text.
const NEAR = 0.5;

/** Text as Discord should show it literally: no markdown, no mentions, no control characters. */
export function escapeText(text: string): string {
  return escapeMarkdown(safeText(text));
}

/** Where to cut `head` so that the cut reads naturally: a line end, a sentence end, a word. */
function boundary(head: string): { at: number; clean: boolean } {
  const floor = Math.floor(head.length * NEAR);
  const line = head.lastIndexOf("\n");
  if (line >= floor && line > 0) return { at: line, clean: true };
  let sentence = -1;
  for (const m of head.matchAll(/[.!?…]["”’)\]]?(?=\s)/g)) sentence = m.index + m[0].length;
  if (sentence >= floor && sentence > 0) return { at: sentence, clean: true };
  const space = head.search(/\s\S*$/);
  if (space >= floor && space > 0) return { at: space, clean: false };
  return { at: head.length, clean: false };
}

/** The first `n` code points of `chars`, so an emoji's surrogate pair is never split. */
const prefix = (chars: readonly string[], n: number) => chars.slice(0, n).join("");

/**
 * `text` made safe, then as `show` shows it, cut to at most `max` characters at a line or
 * sentence end where one is near, ending the cut with "…". An empty result means there was
 * nothing to show.
 */
function fitWith(text: string, max: number, show: (safe: string) => string): string {
  const clean = safeText(text);
  if (clean.length <= max) {
    const whole = show(clean);
    if (whole.length <= max) return whole;
  }
  if (max < 2) return "";
  // Escaping only lengthens text, so nothing past the first `max` code points can be shown.
  // Cutting there first keeps a huge record from being escaped over and over below.
  const chars = [...clean.slice(0, 2 * max)].slice(0, max);
  // Shrink the prefix until its escaped form leaves room for " …"; an escape takes two units
  // for one character, so measure rather than count.
  let n = chars.length;
  for (;;) {
    const over = show(prefix(chars, n)).length + 2 - max;
    if (over <= 0 || n === 0) break;
    // An emoji or an escape takes two units for one code point: step by half, then closer.
    n = Math.max(0, n - Math.max(1, Math.ceil(over / 2)));
  }
  const cut = boundary(prefix(chars, n));
  const kept = [...prefix(chars, n).slice(0, cut.at).trimEnd()];
  const tail = cut.clean ? ` ${ELLIPSIS}` : ELLIPSIS;
  // Trimming can leave an escape with more to do ("1." alone becomes "1\."): shorten till it fits.
  while (kept.length && show(kept.join("")).length + tail.length > max) kept.pop();
  const head = kept.join("").trimEnd();
  return head ? show(head) + tail : ELLIPSIS;
}

/** Markdown text (descriptions, field values, titles) escaped and cut to `max`. */
export function fitText(text: string, max: number): string {
  return fitWith(text, max, escapeMarkdown);
}

/** Text where Discord shows markdown literally (embed footers): made safe and cut to `max`. */
export function fitPlain(text: string, max: number): string {
  return fitWith(text, max, (safe) => safe);
}

/** A plain-text label (a button, a choice): controls stripped, cut to `max`, never empty. */
export function fitLabel(text: string, max: number, fallback = "…"): string {
  const chars = [...safeText(text).replace(/\s+/g, " ").trim()];
  let out = chars.join("");
  if (out.length > max) {
    let n = max - 1;
    while (n > 0 && prefix(chars, n).length > max - 1) n--;
    out = `${prefix(chars, n).trimEnd()}…`;
  }
  return out || fallback;
}
