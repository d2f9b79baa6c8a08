import { describe, expect, it } from "vitest";
import { termsOf } from "../../src/search/search-terms.ts";
import { snippet } from "../../src/search/snippet.ts";

const marked = (segments: ReturnType<typeof snippet>) =>
  segments?.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");

describe("search terms", () => {
  it("fold case, diacritics and Norwegian letters, so vardo meets Vardø", () => {
    expect(termsOf("Vardø")).toEqual(termsOf("vardo"));
    expect(termsOf("Båtsfjord")).toEqual(termsOf("batsfjord"));
  });

  it("romanise Cyrillic, and collapse romanisation variants", () => {
    expect(termsOf("Микушин")).toEqual(["mikushin"]);
    expect(termsOf("Zakayev")).toEqual(termsOf("Zakaev"));
  });

  it("leave out words too common to search for, and a plural s", () => {
    expect(termsOf("the expulsions of diplomats")).toEqual(termsOf("expulsion diplomat"));
    // Before their spelling is collapsed, or "with" would be kept as "vith".
    expect(termsOf("who were they with, by whom")).toEqual([]);
  });
});

describe("snippet", () => {
  const text =
    "Following Russia's invasion of Ukraine, Norway banned all Russian ships from entering Norwegian ports, except fishing boats, which may still dock in Båtsfjord, Kirkenes and Tromsø.";

  it("marks every matching word in its original spelling", () => {
    expect(
      marked(snippet("Consulates in Kirkenes and Vardø.", new Set(termsOf("vardo kirkenes")))),
    ).toBe("Consulates in [Kirkenes] and [Vardø].");
  });

  it("marks neighbouring matches as one stretch", () => {
    expect(
      marked(snippet("Norwegian citizen Frode Berg was arrested.", new Set(termsOf("frode berg")))),
    ).toBe("Norwegian citizen [Frode Berg] was arrested.");
  });

  it("cuts a long text around the first match, at word boundaries, with ellipses", () => {
    const out = marked(snippet(text, new Set(termsOf("kirkenes")), 80)) ?? "";
    expect(out).toMatch(/^…/);
    expect(out).toContain("[Kirkenes]");
    expect(out.length).toBeLessThanOrEqual(80 + 4);
    expect(out).not.toMatch(/…\S*[a-z]…/);
  });

  it("is undefined when no word of the text matches", () => {
    expect(snippet(text, new Set(termsOf("huitfeldt")))).toBeUndefined();
  });
});
