import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordInteractionsRoute } from "../../../src/adapters/discord/http.ts";
import { errorLog } from "../../../src/boot.ts";
import { loadConfig } from "../../../src/config.ts";
import { close, createHttpServer, listen } from "../../../src/http/server.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import { readDiscordBody } from "../../support/discord-body.ts";
import { PUBLIC_KEY, signed } from "../../support/discord-signing.ts";
import { type FakeDiscord, startFakeDiscord } from "../../support/fake-discord.ts";
import { pngSize } from "../../support/pictures.ts";
import { slashCommand } from "./interactions.ts";

// The real /chart, drawn from the bundled data (about a second the first time, hence slow),
// answered over HTTP interactions with the real handling: the chart in the response itself.

let fake: FakeDiscord;
let server: Server;
let url = "";

beforeAll(async () => {
  fake = await startFakeDiscord();
  const logger = capturedLogger().logger;
  const started: Started = {
    config: loadConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_API_URL: fake.api }),
    ctx: bundledContext(),
    logger,
    log: errorLog(logger),
  };
  // A deadline no first render misses on a loaded machine, so the answer comes inline.
  const route = discordInteractionsRoute(started, { deadlineMs: 30_000 });
  server = createHttpServer([route], logger);
  url = `http://127.0.0.1:${(await listen(server, 0, "127.0.0.1")).port}/discord/interactions`;
});

afterAll(async () => {
  await close(server);
  await fake?.close();
});

async function chart() {
  const body = JSON.stringify(slashCommand("chart", { kind: "expulsions" }));
  const res = await fetch(url, { method: "POST", body, headers: signed(body) });
  const raw = Buffer.from(await res.arrayBuffer());
  return readDiscordBody(raw, res.headers.get("content-type") ?? "");
}

describe("Discord HTTP interactions: /chart expulsions", () => {
  it("answers with the chart uploaded, shown in the embed and described by its alt text", async () => {
    const { body, files } = await chart();
    const { type, data } = body as { type: number; data: DiscordMessage };
    expect(type).toBe(4);
    expect(limitProblems(data)).toEqual([]);
    const [attachment] = data.attachments ?? [];
    expect(attachment?.filename).toMatch(/^expulsions-\d{4}-\d{4}\.png$/);
    expect(attachment?.description).toMatch(/Norway/);
    expect(data.embeds[0]?.image?.url).toBe(`attachment://${attachment?.filename}`);
    expect(files.map((f) => f.name)).toEqual([attachment?.filename]);
    const size = pngSize(files[0]?.data ?? Buffer.alloc(0));
    expect(size.width).toBeGreaterThan(600);
    expect(size.height).toBeGreaterThan(300);
  });

  it("answers again with the same bytes, drawn once", async () => {
    const first = await chart();
    const again = await chart();
    expect(again.body).toEqual(first.body);
    expect(again.files[0]?.data.equals(first.files[0]?.data ?? Buffer.alloc(0))).toBe(true);
  });
});
