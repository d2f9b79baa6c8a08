import { describe, expect, it } from "vitest";
import {
  fileBytes,
  multipartBody,
  restRequest,
  withoutFiles,
} from "../../../src/adapters/discord/outgoing.ts";
import type { DiscordFile } from "../../../src/render/discord/picture.ts";
import { readDiscordBody } from "../../support/discord-body.ts";
import { testPng } from "../../support/pictures.ts";

const file: DiscordFile = { name: "chart.png", data: testPng(8, 8), contentType: "image/png" };

describe("multipartBody", () => {
  it("is a form Discord reads: the JSON as payload_json, each file as files[n] with its name", async () => {
    const json = { type: 4, data: { attachments: [{ id: "0", filename: "chart.png" }] } };
    const { contentType, bytes } = multipartBody(json, [file, { ...file, name: "two.png" }]);
    const read = await readDiscordBody(bytes, contentType);
    expect(read.body).toEqual(json);
    expect(read.files.map((f) => [f.field, f.name, f.contentType])).toEqual([
      ["files[0]", "chart.png", "image/png"],
      ["files[1]", "two.png", "image/png"],
    ]);
    expect(read.files[0]?.data.equals(Buffer.from(file.data))).toBe(true);
  });

  it("picks a boundary that appears in no part", () => {
    const { contentType, bytes } = multipartBody({ text: "--barents-" }, [file]);
    const boundary = contentType.split("boundary=")[1] ?? "";
    expect(boundary).toMatch(/^barents-[0-9a-f]{24}$/);
    // Opening each of the two parts, and closing the body: nowhere else.
    expect(bytes.toString("latin1").split(`--${boundary}`)).toHaveLength(4);
  });
});

describe("withoutFiles and restRequest", () => {
  it("take the bytes out of the JSON and hand discord.js the multipart body as it is", async () => {
    const { json, files } = withoutFiles({ embeds: [], files: [file] });
    expect(json).toEqual({ embeds: [] });
    const request = restRequest(json, files);
    expect(request.passThroughBody).toBe(true);
    const type = request.headers?.["Content-Type"] ?? "";
    const read = await readDiscordBody(request.body as Buffer, type);
    expect(read.body).toEqual({ embeds: [] });
    expect(read.files.map((f) => f.field)).toEqual(["files[0]"]);
    expect(fileBytes(files)).toBe(file.data.byteLength);
  });

  it("send a message without files as plain JSON", () => {
    const message: { embeds: unknown[]; files?: DiscordFile[] } = { embeds: [] };
    const { json, files } = withoutFiles(message);
    expect(restRequest(json, files)).toEqual({ body: { embeds: [] } });
    expect(fileBytes(undefined)).toBe(0);
  });
});
