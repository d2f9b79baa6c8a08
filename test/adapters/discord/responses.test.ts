import { describe, expect, it } from "vitest";
import {
  asEdit,
  encodedResponse,
  type InteractionResponse,
} from "../../../src/adapters/discord/responses.ts";
import { renderDiscord } from "../../../src/render/discord/message.ts";
import { reply } from "../../../src/reply/reply.ts";
import { readDiscordBody } from "../../support/discord-body.ts";
import { testImage } from "../../support/pictures.ts";

const pictured = renderDiscord(reply("answer", "A chart", { image: testImage(8, 8) }));

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

  it("is a multipart body when the message carries a file, encoded once when frozen", async () => {
    const shared = Object.freeze<InteractionResponse>({ type: 4, data: pictured });
    const encoded = encodedResponse(shared);
    expect(encodedResponse(shared)).toBe(encoded);
    const read = await readDiscordBody(encoded.bytes, encoded.contentType);
    const { files: _bytes, ...json } = pictured;
    expect(read.body).toEqual({ type: 4, data: JSON.parse(JSON.stringify(json)) });
    expect(read.files.map((f) => f.name)).toEqual(["test-8x8.png"]);
  });
});

describe("asEdit", () => {
  it("lists no files for a message without any, so an earlier picture is taken away", () => {
    const edit = asEdit(renderDiscord(reply("empty", "Nothing")));
    expect(edit.attachments).toEqual([]);
    expect(edit).not.toHaveProperty("flags");
  });

  it("lists the picture of a message that has one", () => {
    expect(asEdit(pictured).attachments).toEqual(pictured.attachments);
    expect(asEdit(pictured).files).toBe(pictured.files);
  });
});
