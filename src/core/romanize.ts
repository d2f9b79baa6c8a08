import { createRequire } from "node:module";

// People type names in the script they know: "Микушин" for Mikushin, "Путин" for Putin. The
// index holds Latin spellings, so a query in another script is romanised before it is folded.
// transliteration's tables give one common romanisation ("Хрущёв" → "Hrushchyov"); spellingKey()
// and the fuzzy match absorb the rest of the differences between conventions (kh/h, y/i).

// Only letters outside Latin need it; Latin text (with its diacritics) is left to fold().
const NON_LATIN = /(?!\p{Script=Latin})\p{L}/u;

// The package's tables cost some 60 ms and 14 MB to load: loaded at the first non-Latin letter,
// so a process that never sees one (the console, `ask` on Latin names) never pays.
const load = createRequire(import.meta.url);
let transliterate: ((text: string) => string) | undefined;

/** The text with any non-Latin letters romanised; Latin text comes back unchanged. */
export function romanize(text: string): string {
  if (!NON_LATIN.test(text)) return text;
  transliterate ??= (load("transliteration") as { transliterate: (text: string) => string })
    .transliterate;
  return transliterate(text);
}
