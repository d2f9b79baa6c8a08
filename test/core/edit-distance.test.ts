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
});
