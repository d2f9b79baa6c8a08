// Terminal control sequences and invisible direction overrides, in data or in what people type.
// CSI (colours, cursor moves), then OSC (window titles, hyperlinks) up to its terminator.
// They start with ESC (or their one-character C1 forms), never with just any control: a line
// break followed by "[1]" is text, not an escape sequence.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const CSI = /(?:\u001b\[|\u009b)[0-9;?]*[ -/]*[@-~]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const OSC = /(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/gu;
const OTHERS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** Removes control sequences and characters, keeping newlines and tabs. */
export function stripControls(text: string): string {
  return text
    .replace(CSI, "")
    .replace(OSC, "")
    .replace(OTHERS, (ch) => (ch === "\n" || ch === "\t" ? ch : ""));
}

/**
 * What a person typed, made comparable: compatibility forms folded (full-width "Ｈｕｉｔ" is
 * "Huit"), control sequences removed, line breaks and tabs made spaces.
 */
export function normalizeInput(text: string): string {
  return stripControls(text.normalize("NFKC")).replace(/[\n\t]/g, " ");
}
