import { createRequire } from "node:module";
import { CYRILLIC, CYRILLIC_FIRST } from "./cyrillic.ts";

// People type names in the script they know: "Микушин" for Mikushin, "Путин" for Putin. The
// index holds Latin spellings, so a query in another script is romanised before it is folded.
// transliteration's tables give one common romanisation ("Хрущёв" → "Hrushchyov"); spellingKey()
// and the fuzzy match absorb the rest of the differences between conventions (kh/h, y/i).

// Only letters outside Latin need it; Latin text (with its diacritics) is left to fold().
const NON_LATIN = /(?!\p{Script=Latin})\p{L}/u;
// Text whose only letters beyond Latin are Cyrillic ones cyrillic.ts holds (with the generic
// combining accents, as on a stressed Russian word, but no other script's marks), and with no
// other symbols the package would spell out: romanised from that table, letter by letter.
const CYRILLIC_TEXT = /^[ -~\p{Script=Latin}\p{Script=Inherited}\p{Zs}\u0400-\u052F]*$/u;
const CYRILLIC_LETTER = /[\u0400-\u052F]/g;

// The package's tables cost some 60 ms and 14 MB to load: loaded only for a letter of another
// script (Greek, Arabic, Chinese…), which neither the data nor most queries have.
const load = createRequire(import.meta.url);
let transliterate: ((text: string) => string) | undefined;

/** The text with any non-Latin letters romanised; Latin text comes back unchanged. */
export function romanize(text: string): string {
  if (!NON_LATIN.test(text)) return text;
  if (CYRILLIC_TEXT.test(text)) {
    return text.replace(
      CYRILLIC_LETTER,
      (letter) => CYRILLIC[(letter.codePointAt(0) ?? 0) - CYRILLIC_FIRST] ?? letter,
    );
  }
  transliterate ??= (load("transliteration") as { transliterate: (text: string) => string })
    .transliterate;
  return transliterate(text);
}
