import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { discordInteractionsRoute, INLINE_FILE_BYTES } from "../../../src/adapters/discord/http.ts";
import { errorLog } from "../../../src/boot.ts";
import { runCommand } from "../../../src/command/run-command.ts";
import { loadConfig } from "../../../src/config.ts";
import { close, createHttpServer, listen } from "../../../src/http/server.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import { type FakeFile, readDiscordBody } from "../../support/discord-body.ts";
import { PUBLIC_KEY, signed } from "../../support/discord-signing.ts";
import { type FakeDiscord, startFakeDiscord } from "../../support/fake-discord.ts";
import { pictureCommand, pngSize, testImage } from "../../support/pictures.ts";
import { slashCommand } from "./interactions.ts";

// Pictures in HTTP interactions mode: a small one in the HTTP response itself, as
// multipart/form-data; a large one, or one not ready in time, after a deferral, as an edit of
// the original through the webhook endpoint. Both bodies are parsed as Discord reads them.

const small = testImage(64, 48);
// Noisy pixels barely compress: 4 bytes a pixel, well past the inline limit.
const large = testImage(256, 256, true);
const commands = [...COMMANDS, pictureCommand("picture", small), pictureCommand("big", large)];

let fake: FakeDiscord;
let server: Server;
let url = "";
let hold: Promise<void> | undefined;
const captured = capturedLogger();

beforeAll(async () => {
  fake = await startFakeDiscord();
  const ctx = { ...bundledContext(), commands };
  const started: Started = {
    config: loadConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_API_URL: fake.api }),
    ctx,
    logger: captured.logger,
    log: errorLog(captured.logger),
  };
  const route = discordInteractionsRoute(started, {
    deadlineMs: 50,
    run: async (call) => {
      if (hold) await hold;
      return runCommand(ctx, call, started.log);
    },
  });
  server = createHttpServer([route], captured.logger);
  url = `http://127.0.0.1:${(await listen(server, 0, "127.0.0.1")).port}/discord/interactions`;
});

afterAll(async () => {
  await close(server);
  await fake?.close();
});

/** Sends a signed interaction; the response as Discord reads it. */
async function interact(interaction: unknown) {
  const body = JSON.stringify(interaction);
  const res = await fetch(url, { method: "POST", body, headers: signed(body) });
  const raw = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, type, ...(await readDiscordBody(raw, type)) };
}

/** Checks the message and file for `image`: the entry, the embed, the PNG itself. */
function expectPicture(
  message: DiscordMessage | undefined,
  files: FakeFile[],
  image: typeof small,
) {
  expect(message).toBeDefined();
  if (!message) return;
  expect(limitProblems(message)).toEqual([]);
  expect(message.embeds[0]?.image).toEqual({ url: `attachment://${image.fileName}` });
  expect(message.attachments).toEqual([
    { id: "0", filename: image.fileName, description: image.alt },
  ]);
  expect(message).not.toHaveProperty("files");
  expect(files.map((f) => [f.field, f.name, f.contentType])).toEqual([
    ["files[0]", image.fileName, "image/png"],
  ]);
  const data = files[0]?.data ?? Buffer.alloc(0);
  expect(pngSize(data)).toEqual({ width: image.width, height: image.height });
  expect(data.equals(Buffer.from(image.png))).toBe(true);
}

const originalOf = (interaction: { application_id: string; token: string }) =>
  fake.request(
    "PATCH",
    `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
  );

describe("Discord HTTP interactions: pictures", () => {
  it("answers in the HTTP response as multipart: the JSON part and the PNG as files[0]", async () => {
    expect(small.png.byteLength).toBeLessThan(INLINE_FILE_BYTES);
    const answer = await interact(slashCommand("picture", {}, commands));
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const response = answer.body as { type: number; data?: DiscordMessage };
    expect(response.type).toBe(4);
    expectPicture(response.data, answer.files, small);
  });

  it("defers a picture too large for the response, then edits the original with it", async () => {
    expect(large.png.byteLength).toBeGreaterThan(INLINE_FILE_BYTES);
    const interaction = slashCommand("big", {}, commands);
    const answer = await interact(interaction);
    expect(answer.type).toBe("application/json");
    expect(answer.body).toEqual({ type: 5 });
    const edit = await originalOf(interaction);
    expectPicture(edit.body as DiscordMessage, edit.files, large);
    expect(edit.authorization).toBeUndefined();
  });

  it("defers a picture not ready in time, then edits the original with it", async () => {
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const interaction = slashCommand("picture", {}, commands);
    try {
      expect((await interact(interaction)).body).toEqual({ type: 5 });
    } finally {
      hold = undefined;
      release();
    }
    const edit = await originalOf(interaction);
    expectPicture(edit.body as DiscordMessage, edit.files, small);
  });
});
