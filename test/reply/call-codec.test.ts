import { describe, expect, it } from "vitest";
import { decodeCall, encodeCall } from "../../src/reply/call-codec.ts";

describe("button call codec", () => {
  it("round-trips a call with text and number options, diacritics included", () => {
    const call = {
      command: "timeline",
      options: { topic: "Svalbard", person: "J.G. Støre", page: 2 },
    };
    expect(decodeCall(encodeCall(call))).toEqual(call);
  });

  it("stays short enough for Discord's 100-character custom_id for a typical page button", () => {
    const id = encodeCall({ command: "timeline", options: { from: 2017, to: 2019, page: 2 } });
    expect(id.length).toBeLessThanOrEqual(100);
  });

  it("refuses what it did not write: other prefixes, broken JSON, wrong shapes", () => {
    for (const foreign of [
      "",
      "next_page",
      'b0:["timeline",{}]',
      "b1:{",
      'b1:["timeline"]',
      'b1:["Timeline; drop",{}]',
      'b1:["who",{"name":{"nested":true}}]',
      'b1:["who",{"name":"x"},"extra"]',
    ])
      expect(decodeCall(foreign), foreign).toBeUndefined();
  });
});
