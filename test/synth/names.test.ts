import { describe, expect, it } from "vitest";
import {
  digraphNorwegian,
  type Nationality,
  plainNorwegian,
  stripMarks,
  synthName,
} from "../../src/synth/names.ts";
import { Random } from "../../src/synth/random.ts";

function many(nationality: Nationality, n = 1500, seed = 11) {
  const random = new Random(seed);
  return Array.from({ length: n }, () => synthName(random, nationality));
}

const spellings = (names: ReturnType<typeof many>) => names.flatMap((n) => [n.name, ...n.aliases]);

describe("Norwegian spellings", () => {
  it("types æ, ø and å as plain letters and as the old digraphs", () => {
    expect(plainNorwegian("Øystein Sæther Løvås")).toBe("Oystein Saether Lovas");
    expect(digraphNorwegian("Håkon Ødegård")).toBe("Haakon Oedegaard");
    expect(stripMarks("Máret Hætta Čáhppes Đuommá")).toBe("Maret Haetta Cahppes Duomma");
  });
});

describe("synthName", () => {
  it("gives Norwegians names with æ, ø and å, and aliases a plain keyboard can type", () => {
    const people = many("Norwegian");
    const withLetters = people.filter((p) => /[æøåÆØÅ]/.test(p.name));
    expect(withLetters.length).toBeGreaterThan(people.length / 3);
    const aliases = withLetters.flatMap((p) => p.aliases);
    expect(aliases).toContainEqual(expect.stringMatching(/^[A-Za-z .-]+$/));
    expect(withLetters.some((p) => p.aliases.includes(plainNorwegian(p.name)))).toBe(true);
    expect(withLetters.some((p) => p.aliases.includes(digraphNorwegian(p.name)))).toBe(true);
  });

  it("gives Sami names with á, č and đ, and their unaccented forms", () => {
    const people = many("Sami", 400);
    expect(people.some((p) => /[áčđšÁČĐŠ]/.test(p.name))).toBe(true);
    expect(people.some((p) => p.aliases.includes(stripMarks(p.name)))).toBe(true);
  });

  it("romanises Russian names several ways, as sources do", () => {
    const all = spellings(many("Russian"));
    // -sky, -ski, -skiy, -skij; Yu, Ju, Iu; Kh, Ch and plain H for х.
    for (const pattern of [/sky\b/, /ski\b/, /skiy\b/, /skij\b/, /\bYu/, /\bJu/, /\bIu/]) {
      expect(all, String(pattern)).toContainEqual(expect.stringMatching(pattern));
    }
    for (const surname of ["Zakharov", "Sacharow", "Zaharov"]) {
      expect(all.join(" ")).toContain(surname);
    }
    expect(all).toContainEqual(expect.stringMatching(/[šžč]/));
    expect(all).toContainEqual(expect.stringMatching(/\p{Script=Cyrillic}/u));
  });

  it("gives Russian women the feminine surname", () => {
    const women = many("Russian").filter((p) => p.female);
    expect(women.length).toBeGreaterThan(100);
    const endings = women.map((p) => p.surname);
    expect(endings).toContainEqual(expect.stringMatching(/(ova|eva|ina|aya|aja|aia)$/));
    expect(endings.some((s) => /(ov|ev|sky|ski|skiy)$/.test(s))).toBe(false);
  });

  it("never repeats the name among its own aliases", () => {
    for (const person of [...many("Russian", 500), ...many("Norwegian", 500)]) {
      expect(person.aliases).not.toContain(person.name);
      expect(new Set(person.aliases).size).toBe(person.aliases.length);
    }
  });
});
