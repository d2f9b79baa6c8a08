import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { NO_ATTACH_FILES } from "../../../src/adapters/discord/answer-message.ts";
import { type RunningGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.ts";
import { errorLog } from "../../../src/boot.ts";
import { runCommand } from "../../../src/command/run-command.ts";
import { loadConfig } from "../../../src/config.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import { encodeCall } from "../../../src/reply/call-codec.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import {
  FAKE_DISCORD as F,
  type FakeDiscord,
  type RestRequest,
  startFakeDiscord,
} from "../../support/fake-discord.ts";
import { pictureCommand, pngSize, testImage } from "../../support/pictures.ts";
import { buttonPress, slashCommand } from "./interactions.ts";
import { gatewayMessage, MENTION } from "./messages.ts";

// Pictures in gateway mode, end to end: the real discord.js Client answers through REST
// callbacks, webhook edits and channel messages, each sent as multipart/form-data with the
// JSON in payload_json and the PNG in files[0], which the fake parses as Discord would.

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.pictures-token";
const image = testImage(64, 48);
const picture = pictureCommand("picture", image);

let fake: FakeDiscord;
let gateway: RunningGateway;
let hold: Promise<void> | undefined;
const captured = capturedLogger();
const commands = [...COMMANDS, picture];

beforeAll(async () => {
  fake = await startFakeDiscord();
  const ctx = { ...bundledContext(), commands };
  const started: Started = {
    config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api }),
    ctx,
    logger: captured.logger,
    log: errorLog(captured.logger),
  };
  gateway = await startDiscordGateway(started, {
    deadlineMs: 50,
    run: async (call) => {
      if (hold) await hold;
      return runCommand(ctx, call, started.log);
    },
  });
});

afterAll(async () => {
  await gateway?.stop();
  await fake?.close();
});

/** The picture a request uploads, checked as Discord would: the file, its entry, its embed. */
function expectPicture(request: RestRequest, message: DiscordMessage | undefined) {
  expect(message).toBeDefined();
  if (!message) return;
  expect(limitProblems(message)).toEqual([]);
  expect(message.allowed_mentions.parse).toEqual([]);
  expect(message.embeds[0]?.image).toEqual({ url: "attachment://test-64x48.png" });
  expect(message.attachments).toEqual([
    { id: "0", filename: "test-64x48.png", description: image.alt },
  ]);
  expect(message).not.toHaveProperty("files");
  expect(request.files.map((f) => [f.field, f.name, f.contentType])).toEqual([
    ["files[0]", "test-64x48.png", "image/png"],
  ]);
  const [file] = request.files;
  expect(pngSize(file?.data ?? new Uint8Array())).toEqual({ width: 64, height: 48 });
  expect(file?.data.equals(Buffer.from(image.png))).toBe(true);
}

const dataOf = (request: RestRequest) =>
  (request.body as { type: number; data?: DiscordMessage }).data;

describe("Discord gateway: pictures", () => {
  it("answers a slash command with the picture attached and shown in the embed", async () => {
    const callback = await fake.interact(slashCommand("picture", {}, commands));
    expect((callback.body as { type: number }).type).toBe(4);
    expectPicture(callback, dataOf(callback));
  });

  it("replaces the message a button is on with the picture, uploading it again", async () => {
    const press = buttonPress(encodeCall({ command: "picture", options: {} }));
    const callback = await fake.interact(press);
    expect((callback.body as { type: number }).type).toBe(7);
    expectPicture(callback, dataOf(callback));
  });

  it("takes an earlier picture away when a button replaces it with a message without one", async () => {
    const press = buttonPress(encodeCall({ command: "timeline", options: { page: 2 } }));
    const callback = await fake.interact(press);
    expect((callback.body as { type: number }).type).toBe(7);
    expect(dataOf(callback)?.attachments).toEqual([]);
    expect(callback.files).toEqual([]);
  });

  it("defers an answer that is not ready in time, then edits the original with the file", async () => {
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const interaction = slashCommand("picture", {}, commands);
    try {
      const deferred = await fake.interact(interaction);
      expect(deferred.body).toEqual({ type: 5 });
      expect(deferred.files).toEqual([]);
    } finally {
      hold = undefined;
      release();
    }
    const edit = await fake.request(
      "PATCH",
      `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
    );
    expectPicture(edit, edit.body as DiscordMessage);
  });

  it("answers a mention with the picture on the reply", async () => {
    const message = gatewayMessage(`${MENTION} picture`);
    fake.dispatch("MESSAGE_CREATE", message as unknown as Record<string, unknown>);
    const reply = await fake.replyTo(message.id);
    expect(reply.path).toBe(`/channels/${F.channelId}/messages`);
    expectPicture(reply, reply.body as DiscordMessage);
  });

  it("replies without the picture, saying why, where Discord refuses the upload", async () => {
    const message = gatewayMessage(`${MENTION} picture`);
    const refuse = (r: RestRequest) =>
      r.files.length > 0 && r.path.startsWith("/channels/")
        ? { status: 403, body: { message: "Missing Permissions", code: 50013 } }
        : undefined;
    fake.overrides.push(refuse);
    try {
      fake.dispatch("MESSAGE_CREATE", message as unknown as Record<string, unknown>);
      await expect
        .poll(() => fake.messages.find((m) => m.nonce === message.id))
        .toMatchObject({ content: NO_ATTACH_FILES });
    } finally {
      fake.overrides.splice(fake.overrides.indexOf(refuse), 1);
    }
    const sent = fake.messages.find((m) => m.nonce === message.id) as unknown as DiscordMessage;
    expect(sent.embeds[0]?.title).toBe("Picture picture");
    expect(sent.embeds[0]?.image).toBeUndefined();
    expect(sent.attachments).toBeUndefined();
    expect(limitProblems(sent)).toEqual([]);
    expect(captured.lines).toContainEqual(
      expect.objectContaining({ msg: "Discord refused the picture; replying without it" }),
    );
  });
});
