// How the transliteration package (2.6.1) romanises each letter of Unicode's Cyrillic and Cyrillic
// Supplement blocks (U+0400–U+052F), one entry per code point, copied from its tables. It maps
// these letters one by one, without context, so this table gives exactly its output for Cyrillic
// text while sparing every process that reads Cyrillic names (the bundled data has them) the 60 ms
// and 14 MB of loading the whole package. test/core/romanize.test.ts checks each entry against the
// package, so an upgrade that changes one shows.

export const CYRILLIC_FIRST = 0x400;

// biome-ignore format: a table, sixteen code points a row
export const CYRILLIC: readonly string[] = [
  "Jo", "Yo", "Dj", "Gj", "Ie", "Dz", "I", "Yi", "J", "Lj", "Nj", "Tsh", "Kj", "I", "U", "Dzh", // U+0400
  "A", "B", "V", "G", "D", "E", "Zh", "Z", "I", "Y", "K", "L", "M", "N", "O", "P", // U+0410
  "R", "S", "T", "U", "F", "H", "C", "Ch", "Sh", "Shch", "", "Y", "", "E", "Yu", "Ya", // U+0420
  "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", // U+0430
  "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", // U+0440
  "je", "yo", "dj", "gj", "ie", "dz", "i", "yi", "j", "lj", "nj", "tsh", "kj", "i", "u", "dzh", // U+0450
  "O", "o", "E", "e", "Ie", "ie", "E", "e", "Ie", "ie", "O", "o", "Io", "io", "Ks", "ks", // U+0460
  "Ps", "ps", "F", "f", "Y", "y", "Y", "y", "u", "u", "O", "o", "O", "o", "Ot", "ot", // U+0470
  "Q", "q", "*1000*", "", "", "", "", "", "*100.000*", "*1.000.000*", "", "", "\"", "\"", "R'", "r'", // U+0480
  "G'", "g'", "G'", "g'", "G'", "g'", "Zh'", "zh'", "Z'", "z'", "K'", "k'", "K'", "k'", "K'", "k'", // U+0490
  "K'", "k'", "N'", "n'", "Ng", "ng", "P'", "p'", "Kh", "kh", "S'", "s'", "T'", "t'", "U", "u", // U+04A0
  "U'", "u'", "Kh'", "kh'", "Tts", "tts", "Ch'", "ch'", "Ch'", "ch'", "H", "h", "Ch", "ch", "Ch'", "ch'", // U+04B0
  "`", "Zh", "zh", "K'", "k'", "", "", "N'", "n'", "", "", "Ch", "ch", "", "", "", // U+04C0
  "a", "a", "A", "a", "Ae", "ae", "Ie", "ie", "@", "@", "@", "@", "Zh", "zh", "Z", "z", // U+04D0
  "Dz", "dz", "I", "i", "I", "i", "O", "o", "O", "o", "O", "o", "E", "e", "U", "u", // U+04E0
  "U", "u", "U", "u", "Ch", "ch", "", "", "Y", "y", "", "", "", "", "", "", // U+04F0
  "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", // U+0500
  "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", // U+0510
  "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", // U+0520
];
