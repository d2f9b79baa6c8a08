// Russian names are stored in Cyrillic and romanised by several real conventions, so the
// synthetic people carry the spelling variety users really type: Zakharov, Sacharow, Zaharov;
// Pavlovsky, Pawlowski, Pavlovskiy, Pavlovskij; Yuri, Juri, Iouri, Iurii.

export const SYSTEMS = ["english", "bgn", "german", "french", "scholarly", "passport"] as const;
export type System = (typeof SYSTEMS)[number];

interface Rules {
  letters: Record<string, string>;
  /** е at the start of a word or after a vowel or sign, where it sounds "ye". */
  iotatedE: string;
  /** Word endings replaced whole, longest first: -ий is -y, -i, -iy or -ij by convention. */
  endings: ReadonlyArray<readonly [string, string]>;
  /** с between vowels, doubled in German and French so it is not read as z. */
  sBetweenVowels?: string;
  /** г before е, и, ы, written "gu" in French so it stays hard. */
  hardG?: string;
  /** кс, written x by the conventional English and German forms (Maxim, Xenia). */
  ks?: string;
}

const BASE: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  з: "z",
  и: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
};

const RULES: Record<System, Rules> = {
  english: {
    letters: {
      ...BASE,
      ё: "yo",
      ж: "zh",
      й: "y",
      х: "kh",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ю: "yu",
      я: "ya",
    },
    iotatedE: "ye",
    endings: [
      ["ия", "ia"],
      ["ий", "y"],
      ["ый", "y"],
      ["ей", "ei"],
      ["ай", "ai"],
    ],
    ks: "x",
  },
  bgn: {
    letters: {
      ...BASE,
      ё: "ë",
      ж: "zh",
      й: "y",
      х: "kh",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ю: "yu",
      я: "ya",
    },
    iotatedE: "ye",
    endings: [
      ["ий", "iy"],
      ["ый", "yy"],
    ],
  },
  german: {
    letters: {
      ...BASE,
      в: "w",
      з: "s",
      ё: "jo",
      ж: "sch",
      й: "i",
      х: "ch",
      ц: "z",
      ч: "tsch",
      ш: "sch",
      щ: "schtsch",
      ю: "ju",
      я: "ja",
    },
    iotatedE: "je",
    endings: [
      ["ия", "ija"],
      ["ий", "i"],
      ["ый", "y"],
      ["ой", "oi"],
    ],
    sBetweenVowels: "ss",
    ks: "x",
  },
  french: {
    letters: {
      ...BASE,
      ё: "io",
      ж: "j",
      й: "ï",
      у: "ou",
      х: "kh",
      ц: "ts",
      ч: "tch",
      ш: "ch",
      щ: "chtch",
      ю: "iou",
      я: "ia",
    },
    iotatedE: "ie",
    endings: [
      ["ия", "ia"],
      ["ий", "i"],
      ["ый", "y"],
    ],
    sBetweenVowels: "ss",
    hardG: "gu",
  },
  scholarly: {
    letters: {
      ...BASE,
      ё: "ë",
      ж: "ž",
      й: "j",
      х: "h",
      ц: "c",
      ч: "č",
      ш: "š",
      щ: "šč",
      э: "è",
      ю: "ju",
      я: "ja",
    },
    iotatedE: "e",
    endings: [],
  },
  passport: {
    letters: {
      ...BASE,
      ё: "e",
      ж: "zh",
      й: "i",
      х: "kh",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ъ: "ie",
      ю: "iu",
      я: "ia",
    },
    iotatedE: "e",
    endings: [],
  },
};

const VOWELS = new Set("аеёиоуыэюя");
const SIGNS = new Set("ьъ");

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function word(cyrillic: string, system: System): string {
  const rules = RULES[system];
  const w = cyrillic.toLowerCase();
  let stem = w;
  let ending = "";
  for (const [suffix, latin] of rules.endings) {
    if (w.length > suffix.length && w.endsWith(suffix)) {
      stem = w.slice(0, -suffix.length);
      ending = latin;
      break;
    }
  }
  let out = "";
  for (let i = 0; i < stem.length; i++) {
    const ch = stem.charAt(i);
    const prev = stem.charAt(i - 1);
    // Context comes from the whole word, so the last letter of the stem sees the ending.
    const next = w.charAt(i + 1);
    if (rules.ks && ch === "к" && next === "с") {
      out += rules.ks;
      i++;
    } else if (ch === "е" && (i === 0 || VOWELS.has(prev) || SIGNS.has(prev))) {
      out += i === 0 && system === "french" ? "e" : rules.iotatedE;
    } else if (rules.sBetweenVowels && ch === "с" && VOWELS.has(prev) && VOWELS.has(next)) {
      out += rules.sBetweenVowels;
    } else if (rules.hardG && ch === "г" && "еиы".includes(next) && next !== "") {
      out += rules.hardG;
    } else {
      // Anything not Cyrillic (a hyphen) passes through unchanged.
      out += rules.letters[ch] ?? ch;
    }
  }
  return capitalise(out + ending);
}

/** A Cyrillic name ("Юрий Захаров") in one romanisation: "Yury Zakharov", "Jurij Zaharov". */
export function transliterate(cyrillic: string, system: System): string {
  return cyrillic
    .split(" ")
    .map((part) =>
      part
        .split("-")
        .map((piece) => word(piece, system))
        .join("-"),
    )
    .join(" ");
}
