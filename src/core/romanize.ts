import { transliterate } from "transliteration";

// People type names in the script they know: "Микушин" for Mikushin, "Путин" for Putin. The
// index holds Latin spellings, so a query in another script is romanised before it is folded.
// transliteration's tables give one common romanisation ("Хрущёв" → "Hrushchyov"); spellingKey()
// and the fuzzy match absorb the rest of the differences between conventions (kh/h, y/i).

// Only letters outside Latin need it; Latin text (with its diacritics) is left to fold().
const NON_LATIN = /(?!\p{Script=Latin})\p{L}/u;

/** The text with any non-Latin letters romanised; Latin text comes back unchanged. */
export function romanize(text: string): string {
  return NON_LATIN.test(text) ? transliterate(text) : text;
}
