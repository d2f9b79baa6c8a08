import { generateKeyPairSync } from "node:crypto";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordInteractionsRoute } from "../../../src/adapters/discord/http.ts";
import { errorLog } from "../../../src/boot.ts";
import { runCommand } from "../../../src/command/run-command.ts";
import { loadConfig } from "../../../src/config.ts";
import { close, createHttpServer, listen } from "../../../src/http/server.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems, shownText } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import { nowSeconds, PUBLIC_KEY, signed } from "../../support/discord-signing.ts";
import { type FakeDiscord, startFakeDiscord } from "../../support/fake-discord.ts";
import { autocompleteOf, buttonPress, ping, slashCommand } from "./interactions.ts";

// HTTP interactions end to end: the route on the bot's one HTTP server, requests signed with a
// locally made Ed25519 key as Discord signs them, deferred edits going to a loopback fake.

interface Replica {
  url: string;
  server: Server;
}

let fake: FakeDiscord;
let replicas: Replica[] = [];
let hold: Promise<void> | undefined;
const captured = capturedLogger();

async function startReplica(): Promise<Replica> {
  const ctx = bundledContext();
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
  const server = createHttpServer([route], captured.logger);
  const address = await listen(server, 0, "127.0.0.1");
  return { url: `http://127.0.0.1:${address.port}/discord/interactions`, server };
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  replicas = [await startReplica(), await startReplica()];
});

afterAll(async () => {
  for (const r of replicas) await close(r.server);
  await fake?.close();
});

async function post(body: string, headers: Record<string, string>, replica = 0) {
  const res = await fetch(replicas[replica]?.url ?? "", { method: "POST", body, headers });
  const text = await res.text();
  return {
    status: res.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

async function interact(interaction: unknown, replica = 0) {
  const body = JSON.stringify(interaction);
  return post(body, signed(body), replica);
}

const messageOf = (json: Record<string, unknown> | undefined) => {
  const data = json?.data as DiscordMessage;
  expect(limitProblems(data)).toEqual([]);
  return data;
};

describe("Discord HTTP interactions: answers", () => {
  it("answers PING with PONG", async () => {
    expect(await interact(ping())).toEqual({ status: 200, json: { type: 1 } });
  });

  it("answers a command in the HTTP response", async () => {
    const { status, json } = await interact(slashCommand("expulsions", { year: 2023 }));
    expect(status).toBe(200);
    expect(json?.type).toBe(4);
    expect(messageOf(json).embeds[0]?.title).toBe("Expulsions in 2023");
  });

  it("answers autocomplete", async () => {
    const { json } = await interact(autocompleteOf("who", "name", "huitf"));
    expect(json).toMatchObject({ type: 8 });
    const { choices } = (json?.data ?? { choices: [] }) as { choices: Array<{ name: string }> };
    expect(choices[0]?.name).toBe("Anniken Huitfeldt");
  });

  it("answers a button from another replica's message: nothing is kept in memory", async () => {
    const first = messageOf((await interact(slashCommand("timeline"), 0)).json);
    const next = first.components[0]?.components[0]?.custom_id ?? "";
    const { json } = await interact(buttonPress(next), 1);
    expect(json?.type).toBe(7);
    expect(messageOf(json).embeds[0]?.footer?.text).toMatch(/^Page 2 of/);
  });

  it("keeps mentions off", async () => {
    const { json } = await interact(slashCommand("who", { name: "@everyone" }));
    expect(messageOf(json).allowed_mentions).toEqual({ parse: [] });
    expect(shownText(json)).not.toContain("@everyone");
  });

  it("defers a slow answer and edits it in through the webhook", async () => {
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const interaction = slashCommand("who", { name: "huitfeldt" });
    try {
      expect((await interact(interaction)).json).toEqual({ type: 5 });
    } finally {
      hold = undefined;
      release();
    }
    const edit = await fake.request(
      "PATCH",
      `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
    );
    expect((edit.body as DiscordMessage).embeds[0]?.title).toBe("Anniken Huitfeldt");
  });
});

describe("Discord HTTP interactions: a call asked again", () => {
  it("answers /who huitfeldt again with the same bytes, and logs each answer", async () => {
    const ctx = bundledContext();
    const logged = capturedLogger();
    const started: Started = {
      config: loadConfig({ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_API_URL: fake.api }),
      ctx,
      logger: logged.logger,
      log: errorLog(logged.logger),
    };
    const server = createHttpServer([discordInteractionsRoute(started)], logged.logger);
    const { port } = await listen(server, 0, "127.0.0.1");
    try {
      const answers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const body = JSON.stringify(slashCommand("who", { name: "huitfeldt" }));
        const url = `http://127.0.0.1:${port}/discord/interactions`;
        const res = await fetch(url, { method: "POST", body, headers: signed(body) });
        expect(res.status).toBe(200);
        answers.push(await res.text());
      }
      expect(new Set(answers).size).toBe(1);
      expect(answers[0]).toContain("Huitfeldt");
      const lines = logged.lines.filter((l) => l.msg === "command answered");
      expect(lines.map((l) => [l.command, l.outcome])).toEqual([
        ["who", "answer"],
        ["who", "answer"],
        ["who", "answer"],
      ]);
    } finally {
      await close(server);
    }
  });
});

describe("Discord HTTP interactions: verification", () => {
  const body = JSON.stringify(slashCommand("help"));

  it("refuses a request with no signature", async () => {
    expect((await post(body, { "content-type": "application/json" })).status).toBe(401);
  });

  it("refuses a signature made with another key", async () => {
    const other = generateKeyPairSync("ed25519").privateKey;
    expect((await post(body, signed(body, { key: other }))).status).toBe(401);
  });

  it("refuses a body changed after signing", async () => {
    const headers = signed(body);
    expect((await post(body.replace("help", "timeline"), headers)).status).toBe(401);
  });

  it("refuses timestamps more than five minutes old or ahead", async () => {
    expect((await post(body, signed(body, { timestamp: nowSeconds() - 301 }))).status).toBe(401);
    expect((await post(body, signed(body, { timestamp: nowSeconds() + 301 }))).status).toBe(401);
    expect((await post(body, signed(body, { timestamp: nowSeconds() - 240 }))).status).toBe(200);
  });

  it("refuses a malformed signature", async () => {
    const headers = { ...signed(body), "x-signature-ed25519": "zz" };
    expect((await post(body, headers)).status).toBe(401);
  });

  it.each([
    ["a command", 2],
    ["a button press", 3],
  ])("answers %s with no data with a private message, never a 500", async (_, type) => {
    const { data: _data, ...interaction } = type === 2 ? slashCommand("help") : buttonPress("x");
    const { status, json } = await interact(interaction);
    expect(status).toBe(200);
    expect(messageOf(json).flags).toBe(64);
  });

  it("says 400 to a signed body that is not an interaction", async () => {
    expect((await post("[1,2]", signed("[1,2]"))).status).toBe(400);
  });
});

describe("Discord HTTP interactions: messages", () => {
  it("says at start-up that mentions and DMs need the gateway, which HTTP mode does not open", () => {
    expect(captured.lines).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: expect.stringMatching(/mentions and DMs needs the gateway/),
      }),
    );
    expect(fake.identifies.all).toEqual([]);
  });

  it("answers a button on a reply to a mention (type 19) made when Barents ran on the gateway", async () => {
    const first = messageOf((await interact(slashCommand("timeline"))).json);
    const next = first.components[0]?.components[0]?.custom_id ?? "";
    const { json } = await interact(buttonPress(next, { type: 19 }));
    expect(json?.type).toBe(7);
    expect(messageOf(json).embeds[0]?.footer?.text).toMatch(/^Page 2 of \d+/);
  });
});
