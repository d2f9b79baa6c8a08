import { describe, expect, it } from "vitest";
import { SYSTEMS, type System, transliterate } from "../../src/synth/transliterate.ts";

const all = (cyrillic: string) =>
  Object.fromEntries(SYSTEMS.map((s) => [s, transliterate(cyrillic, s)])) as Record<System, string>;

describe("transliterate", () => {
  it("writes Захаров as Zakharov, Sacharow and Zaharov: Kh, Ch and H for х", () => {
    const z = all("Захаров");
    expect(z.english).toBe("Zakharov");
    expect(z.german).toBe("Sacharow");
    expect(z.scholarly).toBe("Zaharov");
  });

  it("ends -ский as -sky, -skiy, -ski and -skij by convention", () => {
    const p = all("Павловский");
    expect(p.english).toBe("Pavlovsky");
    expect(p.bgn).toBe("Pavlovskiy");
    expect(p.german).toBe("Pawlowski");
    expect(p.french).toBe("Pavlovski");
    expect(p.scholarly).toBe("Pavlovskij");
  });

  it("writes ю as Yu, Ju, Iou or Iu", () => {
    const y = all("Юрий");
    expect(y.english).toBe("Yury");
    expect(y.german).toBe("Juri");
    expect(y.french).toBe("Iouri");
    expect(y.scholarly).toBe("Jurij");
    expect(y.passport).toBe("Iurii");
  });

  it("keeps the diacritics of the scholarly system: š, č, ž", () => {
    expect(transliterate("Анастасия Щербакова", "scholarly")).toBe("Anastasija Ščerbakova");
    expect(transliterate("Чайковский", "scholarly")).toBe("Čajkovskij");
    expect(transliterate("Ксения Жукова", "scholarly")).toBe("Ksenija Žukova");
  });

  it("follows each system's context rules: iotated е, doubled s, hard g, x for кс", () => {
    expect(transliterate("Сергей Сергеев", "english")).toBe("Sergei Sergeyev");
    expect(transliterate("Сергей Сергеев", "german")).toBe("Sergei Sergejew");
    expect(transliterate("Сергей", "french")).toBe("Sergueï");
    expect(transliterate("Василий", "german")).toBe("Wassili");
    expect(transliterate("Максим", "english")).toBe("Maxim");
    expect(transliterate("Максим", "bgn")).toBe("Maksim");
  });

  it("capitalises every part of a name and keeps spaces and hyphens", () => {
    expect(transliterate("анна-мария ершова", "english")).toBe("Anna-Maria Yershova");
  });
});
