import { describe, expect, it } from "vitest";
import { Vocabulary } from "../../src/search/vocabulary.ts";

describe("Vocabulary", () => {
  const vocabulary = new Vocabulary();
  for (const term of ["huitfeldt", "kirkene", "vardo", "vardohu", "murmansk", "2023", "2022"]) {
    vocabulary.add(term);
  }

  it("knows the terms it was given", () => {
    expect(vocabulary.has("vardo")).toBe(true);
    expect(vocabulary.has("vard")).toBe(false);
    expect(vocabulary.size).toBe(7);
  });

  it("finds terms within the edits allowed, nearest first, never the term itself", () => {
    expect(vocabulary.near("huitfedlt", 1)).toEqual(["huitfeldt"]);
    expect(vocabulary.near("vardo", 2)).toEqual(["vardohu"]);
    expect(vocabulary.near("vardu", 2)).toEqual(["vardo", "vardohu"]);
    expect(vocabulary.near("murmxnqq", 1)).toEqual([]);
  });

  it("never offers a number as a typo of another", () => {
    expect(vocabulary.near("2024", 1)).toEqual([]);
  });
});
