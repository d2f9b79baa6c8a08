// Terminal control sequences and invisible direction overrides, in data or in what people type.
// CSI (colours, cursor moves), then OSC (window titles, hyperlinks) up to its terminator.
const CSI = /\p{Cc}\[[0-9;?]*[ -/]*[@-~]/gu;
const OSC = /\p{Cc}\][^\p{Cc}]*(?:\p{Cc}\\?)?/gu;
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
