import {
  NORWEGIAN_FEMALE,
  NORWEGIAN_MALE,
  NORWEGIAN_SURNAMES,
  PATRONYMIC_STEMS,
  RUSSIAN_FEMALE,
  RUSSIAN_MALE,
  RUSSIAN_SURNAMES,
  SAMI_GIVEN,
  SAMI_SURNAMES,
} from "./name-pools.ts";
import type { Random } from "./random.ts";
import { SYSTEMS, type System, transliterate } from "./transliterate.ts";

// A person's name as the sources would print it, and the other spellings a user might type:
// Norwegian letters typed as o/a or oe/aa, Russian names in other romanisations, initials,
// the surname alone, the Cyrillic original.

export type Nationality = "Norwegian" | "Russian" | "Sami";

export interface SynthName {
  name: string;
  aliases: string[];
  /** The surname as the name spells it, for titles and summaries. */
  surname: string;
  nationality: Nationality;
  female: boolean;
}

const MAX_ALIASES = 7;

// Most sources romanise the English way; a German or scholarly source sets the main spelling.
const MAIN_SYSTEM: ReadonlyArray<readonly [System, number]> = [
  ["english", 55],
  ["bgn", 10],
  ["german", 12],
  ["french", 5],
  ["scholarly", 12],
  ["passport", 6],
];

function feminineSurname(surname: string): string {
  if (/[сц]кий$/.test(surname)) return surname.replace(/ий$/, "ая");
  if (surname.endsWith("ой")) return surname.replace(/ой$/, "ая");
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  // -ых, -ко and the like do not change with gender.
  return surname;
}

/** "Øystein Sæther" as typed on a keyboard without ø and æ: "Oystein Saether". */
export function plainNorwegian(text: string): string {
  return stripMarks(
    text.replace(
      /[øØæÆåÅ]/g,
      (ch) => ({ ø: "o", Ø: "O", æ: "ae", Æ: "Ae", å: "a", Å: "A" })[ch] ?? ch,
    ),
  );
}

/** The older digraph spelling: "Håkon Løvås" as "Haakon Loevaas". */
export function digraphNorwegian(text: string): string {
  return text.replace(
    /[øØæÆåÅ]/g,
    (ch) => ({ ø: "oe", Ø: "Oe", æ: "ae", Æ: "Ae", å: "aa", Å: "Aa" })[ch] ?? ch,
  );
}

/** Accents removed, as a user without a Sami keyboard types "Máret Hætta": "Maret Haetta". */
export function stripMarks(text: string): string {
  return plainLetters(text).normalize("NFD").replace(/\p{M}/gu, "");
}

function plainLetters(text: string): string {
  return text.replace(/[đĐæÆ]/g, (ch) => ({ đ: "d", Đ: "D", æ: "ae", Æ: "Ae" })[ch] ?? ch);
}

function initials(given: string): string {
  return given
    .split(/[ -]/)
    .map((part) => `${part.charAt(0)}.`)
    .join("");
}

function collect(name: string, candidates: Array<string | false>, random: Random): string[] {
  const seen = new Set([name]);
  const aliases: string[] = [];
  for (const alias of candidates) {
    if (!alias || seen.has(alias)) continue;
    seen.add(alias);
    aliases.push(alias);
  }
  // Some people have only their name, some a handful of spellings; the likeliest come first.
  return aliases.slice(0, random.int(0, MAX_ALIASES));
}

function russian(random: Random): SynthName {
  const female = random.chance(0.35);
  const given = random.pick(female ? RUSSIAN_FEMALE : RUSSIAN_MALE);
  const stem = random.pick(PATRONYMIC_STEMS);
  const patronymic = female ? `${stem}на` : `${stem}ич`;
  const base = random.pick(RUSSIAN_SURNAMES);
  const surname = female ? feminineSurname(base) : base;
  const main = random.weighted(MAIN_SYSTEM);
  const others = random.sample(
    SYSTEMS.filter((s) => s !== main),
    random.int(1, 4),
  );
  const say = (system: System, text: string) => transliterate(text, system);
  const name = say(main, `${given} ${surname}`);
  const other = others[0] ?? "english";
  return {
    name,
    surname: say(main, surname),
    nationality: "Russian",
    female,
    aliases: collect(
      name,
      [
        ...others.map((s) => say(s, `${given} ${surname}`)),
        say(main, surname),
        random.chance(0.5) && say(other, surname),
        random.chance(0.4) && `${say(main, given).charAt(0)}. ${say(main, surname)}`,
        random.chance(0.3) && say(main, `${given} ${patronymic} ${surname}`),
        random.chance(0.3) && `${given} ${surname}`,
      ],
      random,
    ),
  };
}

function norwegian(random: Random, sami: boolean): SynthName {
  const female = random.chance(0.45);
  const givenPool = sami ? SAMI_GIVEN : female ? NORWEGIAN_FEMALE : NORWEGIAN_MALE;
  let given = random.pick(givenPool);
  if (!sami && random.chance(0.15)) {
    const second = random.pick(givenPool);
    if (second !== given) given += random.chance(0.5) ? `-${second}` : ` ${second}`;
  }
  const surname = random.pick(sami ? SAMI_SURNAMES : NORWEGIAN_SURNAMES);
  // A family name in the middle, as in "Jonas Gahr Støre", which users often leave out.
  const middle = random.chance(0.2) ? random.pick(NORWEGIAN_SURNAMES) : undefined;
  const full = [given, middle, surname].filter(Boolean).join(" ");
  const short = `${given} ${surname}`;
  const plain = sami ? stripMarks : plainNorwegian;
  return {
    name: full,
    surname,
    nationality: sami ? "Sami" : "Norwegian",
    female,
    aliases: collect(
      full,
      [
        plain(full),
        !sami && digraphNorwegian(full),
        middle !== undefined && short,
        middle !== undefined && plain(short),
        surname,
        plain(surname),
        random.chance(0.4) && `${initials([given, middle].filter(Boolean).join(" "))} ${surname}`,
      ],
      random,
    ),
  };
}

/** A name of the given nationality, with the spelling variants a user might search for. */
export function synthName(random: Random, nationality: Nationality): SynthName {
  return nationality === "Russian" ? russian(random) : norwegian(random, nationality === "Sami");
}
