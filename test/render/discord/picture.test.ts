import { describe, expect, it } from "vitest";
import { DISCORD_LIMITS as L } from "../../../src/render/discord/limits.ts";
import { renderDiscord } from "../../../src/render/discord/message.ts";
import { attachmentName } from "../../../src/render/discord/picture.ts";
import { type ReplyImage, reply } from "../../../src/reply/reply.ts";
import { testImage } from "../../support/pictures.ts";
import { limitProblems, shownText } from "./within-limits.ts";

const answer = (image: ReplyImage) =>
  reply("answer", "Expulsions between Norway and Russia, 2020–2023", {
    body: ["Norway expelled 19 and Russia 13 diplomats in 2020–2023."],
    image,
  });

describe("renderDiscord: a reply's picture", () => {
  const image = testImage(64, 48);
  const message = renderDiscord(answer(image));

  it("uploads the PNG as files[0], described by its alt text", () => {
    expect(message.files).toEqual([
      { name: "test-64x48.png", data: image.png, contentType: "image/png" },
    ]);
    expect(message.attachments).toEqual([
      { id: "0", filename: "test-64x48.png", description: image.alt },
    ]);
  });

  it("shows it in the answer's embed, and keeps every limit", () => {
    expect(message.embeds[0]?.image).toEqual({ url: "attachment://test-64x48.png" });
    expect(message.embeds.slice(1).every((e) => e.image === undefined)).toBe(true);
    expect(limitProblems(message)).toEqual([]);
    // …which would catch an embed pointing at a file the message does not upload.
    expect(limitProblems({ ...message, attachments: [] })).toEqual([
      "embed 0: image attachment://test-64x48.png not attached",
    ]);
  });

  it("cuts an alt text past 1024 characters", () => {
    const long = renderDiscord(answer({ ...image, alt: "Bars. ".repeat(400) }));
    const description = long.attachments?.[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(L.attachmentDescription);
    expect(description).toMatch(/^Bars\. Bars\..*…$/);
  });

  it("leaves out a picture over 10 MiB and says so, with what it shows", () => {
    const huge = { ...image, png: new Uint8Array(L.fileBytes + 1) };
    const without = renderDiscord(answer(huge));
    expect(without.files).toBeUndefined();
    expect(without.attachments).toBeUndefined();
    expect(without.embeds[0]?.image).toBeUndefined();
    expect(shownText(without)).toContain(
      "The picture is too large to attach on Discord (10.1 MB; files may be at most 10.0 MB). It shows: A test picture, 64 by 48 pixels.",
    );
    expect(limitProblems(without)).toEqual([]);
  });

  it("attaches a picture of exactly 10 MiB", () => {
    const most = renderDiscord(answer({ ...image, png: new Uint8Array(L.fileBytes) }));
    expect(most.files).toHaveLength(1);
  });
});

describe("attachmentName", () => {
  it.each([
    ["expulsions-2020-2023.png", "expulsions-2020-2023.png"],
    ["expulsions 2020–2023", "expulsions-2020-2023.png"],
    ["Vardø/radar.PNG", "Vard-radar.png"],
    ["", "picture.png"],
  ])("makes %j a name attachment:// can point at: %j", (given, made) => {
    expect(attachmentName(given)).toBe(made);
  });
});
