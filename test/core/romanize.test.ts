import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { romanize } from "../../src/core/romanize.ts";

describe("romanize", () => {
  it("romanises Cyrillic names to the Latin spellings the index holds", () => {
    expect(romanize("Микушин")).toBe("Mikushin");
    expect(romanize("Путин")).toBe("Putin");
  });

  it("leaves Latin text, diacritics included, for fold() to handle", () => {
    expect(romanize("Støre")).toBe("Støre");
    expect(romanize("Vardø")).toBe("Vardø");
  });
});

describe("romanize on Cyrillic, from its own table", () => {
  const { transliterate } = createRequire(import.meta.url)("transliteration") as {
    transliterate: (text: string) => string;
  };

  it("gives for every letter of U+0400–U+052F what the transliteration package gives", () => {
    for (let cp = 0x400; cp <= 0x52f; cp++) {
      const letter = String.fromCodePoint(cp);
      // The block's few signs and marks are no letters: left for fold() as before.
      if (!/\p{L}/u.test(letter)) continue;
      expect(romanize(`a${letter}`), `U+${cp.toString(16)}`).toBe(`a${transliterate(letter)}`);
    }
  });

  it("gives the package's spelling of whole names, mixed with Latin text and digits", () => {
    for (const text of ["Хрущёв", "Юрий Гагарин", "Київ", "Подъезд", "Sergey Лавров 2023"]) {
      expect(romanize(text)).toBe(transliterate(text));
    }
  });

  it("leaves text with letters of another script to the package", () => {
    expect(romanize("Ελλάδα")).toBe(transliterate("Ελλάδα"));
    expect(romanize("Путин 東京")).toBe(transliterate("Путин 東京"));
  });
});
