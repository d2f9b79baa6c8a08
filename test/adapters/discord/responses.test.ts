import { describe, expect, it } from "vitest";
import {
  encodedResponse,
  type InteractionResponse,
} from "../../../src/adapters/discord/responses.ts";

describe("encodedResponse", () => {
  it("is the response's JSON as bytes", () => {
    const response: InteractionResponse = { type: 1 };
    const { contentType, bytes } = encodedResponse(response);
    expect(contentType).toBe("application/json");
    expect(bytes.toString("utf8")).toBe('{"type":1}');
  });

  it("encodes a frozen response, shared between requests, once", () => {
    const shared = Object.freeze<InteractionResponse>({ type: 5 });
    expect(encodedResponse(shared)).toBe(encodedResponse(shared));
  });

  it("encodes a response that may still change each time it is sent", () => {
    const fresh: InteractionResponse = { type: 5 };
    expect(encodedResponse(fresh)).not.toBe(encodedResponse(fresh));
  });
});
