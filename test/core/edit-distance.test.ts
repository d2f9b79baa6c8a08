import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/core/edit-distance.ts";

describe("editDistance", () => {
  it.each([
    ["huitfeldt", "huitfeldt", 0],
    ["huitfeld", "huitfeldt", 1],
    ["huitfedlt", "huitfeldt", 1],
    ["hiutfeldt", "huitfeldt", 1],
    ["vardo", "jarmo", 2],
    ["", "abc", 3],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
  ])("counts %s → %s as %i edits", (a, b, n) => {
    expect(editDistance(a, b)).toBe(n);
    expect(editDistance(b, a)).toBe(n);
  });

  it("stops counting past a bound, answering bound + 1", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("abcdefgh", "a", 2)).toBe(3);
    expect(editDistance("huitfedlt", "huitfeldt", 1)).toBe(1);
  });

  it("gives the same answers however long the strings it saw before", () => {
    editDistance("x".repeat(500), "y".repeat(400));
    expect(editDistance("vardo", "jarmo")).toBe(2);
  });
});
