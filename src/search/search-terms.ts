import { fold, spellingKey } from "../core/fold.ts";
import { romanize } from "../core/romanize.ts";

// How text becomes search terms, for the records when they are indexed and for the query alike,
// so the two can only meet: romanised (Путин → Putin), folded (Vardø → vardo), transliteration
// variants collapsed (Zakayev → zakaev), and a plural "s" dropped so "expulsions" meets
// "expulsion". The same key marks the words a snippet shows in bold.

// Words too common to tell records apart; a query made only of them finds nothing rather than all.
const STOP_WORDS = new Set(
  (
    "a an and are as at be by for from had has have he her his in is it its of on or she that the " +
    "their them they this to was were what when where which who whom why will with"
  ).split(" "),
);

// A word as the text holds it: letters and digits, so "Støre's" is "Støre" and "s".
const WORD = /[\p{L}\p{N}]+/gu;

// A large dataset repeats a few thousand words millions of times; each is keyed once. Bounded,
// so a stream of odd queries cannot grow it without end.
const known = new Map<string, string | undefined>();
const MAX_KNOWN = 200_000;

/** The search key of one word, or undefined for a stop word. */
export function termOf(word: string): string | undefined {
  if (known.has(word)) return known.get(word);
  const key = keyOf(word);
  // Full, it starts again rather than stay full of whatever odd queries filled it.
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(word, key);
  return key;
}

function keyOf(word: string): string | undefined {
  const latin = romanize(word);
  // Checked before spellingKey, which would make "with" "vith" and "they" "thei".
  if (STOP_WORDS.has(fold(latin))) return undefined;
  let key = spellingKey(latin).replace(/ /g, "");
  if (!key) return undefined;
  if (key.length > 4 && key.endsWith("s") && !key.endsWith("ss")) key = key.slice(0, -1);
  return key;
}

/** The search terms of a text, in order; stop words left out. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const m of romanize(text).matchAll(WORD)) {
    const term = termOf(m[0]);
    if (term) terms.push(term);
  }
  return terms;
}

/** Each word of a text with where it stands, for marking matches in the original spelling. */
export function wordsOf(text: string): Array<{ start: number; end: number; term?: string }> {
  return [...text.matchAll(WORD)].map((m) => {
    const term = termOf(m[0]);
    return { start: m.index, end: m.index + m[0].length, ...(term ? { term } : {}) };
  });
}
