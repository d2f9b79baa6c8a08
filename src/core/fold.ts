// Spelling-insensitive keys for names, so "Store", "stoere" and "Støre" meet in one place.

// Letters that Unicode does not decompose into a base letter plus a mark.
const LETTERS: Record<string, string> = {
  ø: "o",
  æ: "ae",
  å: "a",
  ß: "ss",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
};

/** Lowercase, diacritics and punctuation removed: "José Assis-Giammaria" → "jose assis giammaria". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæåßđðłþ]/g, (ch) => LETTERS[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Transliteration collapses: Norwegian ø/å typed as oe/aa, Russian й/ы typed as y/i/iy,
// х as kh or h. Applied to both the names and the query, so it can only bring them together.
const RULES: Array<[RegExp, string]> = [
  [/kh/g, "h"],
  [/y/g, "i"],
  [/w/g, "v"],
  // Before the vowel pairs below, so "Zakayev" (zakaiev) and "Zakaev" fold alike.
  [/([aeou])i([aeou])/g, "$1$2"],
  [/oe/g, "o"],
  [/aa/g, "a"],
  [/ae/g, "a"],
  [/(\p{L})\1+/gu, "$1"],
];

/** A folded key with transliteration variants collapsed: "Zakayev" and "Zakaev" share "zakaev". */
export function spellingKey(text: string): string {
  let key = fold(text);
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}
