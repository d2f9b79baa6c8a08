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
