import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { type RunningGateway, startDiscordGateway } from "../../../src/adapters/discord/gateway.ts";
import { errorLog } from "../../../src/boot.ts";
import { defineCommand } from "../../../src/command/declaration.ts";
import { runCommand } from "../../../src/command/run-command.ts";
import { loadConfig } from "../../../src/config.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import { decodeCall } from "../../../src/reply/call-codec.ts";
import { reply } from "../../../src/reply/reply.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems, shownText } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import { boom } from "../../support/failing-command.ts";
import {
  type FakeDiscord,
  type RestRequest,
  startFakeDiscord,
} from "../../support/fake-discord.ts";
import { autocompleteOf, buttonPress, slashCommand } from "./interactions.ts";

// Gateway mode end to end: the real discord.js Client logs in to a loopback fake Discord (REST
// and WebSocket), receives INTERACTION_CREATE, and answers through REST callbacks and webhook
// edits. One login for the whole file.

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.gateway-token-never-logged";

const flood = defineCommand({
  name: "flood",
  description: "An answer far past every Discord limit",
  options: [],
  examples: ["/flood"],
  handle: () =>
    reply("answer", "Flood ".repeat(100), {
      body: Array.from({ length: 30 }, () => "Line. ".repeat(500)),
      items: Array.from({ length: 60 }, (_, i) => ({
        when: String(1900 + i),
        title: `Event ${i} `.repeat(40),
        detail: "Detail. ".repeat(400),
        cites: [1, 2],
        evidence: [],
      })),
      fields: Array.from({ length: 40 }, (_, i) => ({
        name: `F${i} `.repeat(90),
        value: "v ".repeat(900),
      })),
      sources: Array.from({ length: 80 }, (_, i) => ({
        n: i + 1,
        label: `Source ${i} `.repeat(60),
        quotes: Array.from({ length: 10 }, () => "q ".repeat(1500)),
      })),
      showQuotes: true,
    }),
});

let fake: FakeDiscord;
let gateway: RunningGateway;
let hold: Promise<void> | undefined;
const captured = capturedLogger();

beforeAll(async () => {
  fake = await startFakeDiscord();
  const base = bundledContext();
  const ctx = { ...base, commands: [...COMMANDS, boom, flood] };
  const started: Started = {
    config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.api, LOG_LEVEL: "info" }),
    ctx,
    logger: captured.logger,
    log: errorLog(captured.logger),
  };
  // The real handling, made to wait whenever a test holds it, to force the deferral path.
  gateway = await startDiscordGateway(started, {
    // A short deadline so the deferral test need not wait two seconds; answers that are ready
    // go out at once whatever it is.
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

const bodyOf = (request: RestRequest) => request.body as { type: number; data?: DiscordMessage };

/** The message a callback carries, checked against every Discord limit on the way. */
function messageOf(request: RestRequest): DiscordMessage {
  const { data } = bodyOf(request);
  if (!data) throw new Error(`no message in ${JSON.stringify(request.body)}`);
  expect(limitProblems(data)).toEqual([]);
  return data;
}

describe("Discord gateway: logging in", () => {
  it("identifies with the Guilds, GuildMessages and DirectMessages intents and logs that it is ready", () => {
    // 1 << 0 | 1 << 9 | 1 << 12: no privileged intent (mentions.test.ts says why).
    expect(fake.identifies.all).toEqual([{ shard: [0, 1], intents: 4609 }]);
    expect(captured.lines).toContainEqual(
      expect.objectContaining({
        msg: "Discord gateway ready",
        tag: "Barents",
        id: "100000000000000002",
      }),
    );
  });

  it("reports its shard Ready, with the heartbeat's ping once there is one, for /metrics and /readyz", async () => {
    const shards = await gateway.shards();
    expect(shards).toEqual([{ id: 0, state: "Ready", pingMs: expect.any(Number) }]);
  });

  it("refuses to start with a token Discord rejects, without repeating the token", async () => {
    const bad = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.rejected-token";
    fake.overrides.push((r) =>
      r.authorization === `Bot ${bad}`
        ? { status: 401, body: { message: "401: Unauthorized", code: 0 } }
        : undefined,
    );
    const started: Started = {
      config: loadConfig({ DISCORD_TOKEN: bad, DISCORD_API_URL: fake.api }),
      ctx: bundledContext(),
      logger: captured.logger,
      log: () => {},
    };
    const failure = await startDiscordGateway(started).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/invalid token/i);
    expect((failure as Error).message).not.toContain(bad);
    expect(fake.identifies.all).toHaveLength(1);
  });

  it("found the gateway through DISCORD_API_URL", () => {
    expect(fake.requests.all[0]).toMatchObject({ method: "GET", path: "/gateway/bot" });
  });
});

describe("Discord gateway: every command", () => {
  it("answers /timeline with the first page and a Next button", async () => {
    const callback = await fake.interact(slashCommand("timeline"));
    expect(bodyOf(callback).type).toBe(4);
    expect(callback.authorization).toBeUndefined();
    const message = messageOf(callback);
    expect(message.embeds[0]?.title).toBe("Timeline");
    expect(message.embeds[0]?.footer?.text).toMatch(/^Page 1 of \d+/);
    expect(message.flags).toBeUndefined();
    const [next] = message.components[0]?.components ?? [];
    expect(next?.label).toBe("Next ▶");
    expect(decodeCall(next?.custom_id ?? "")).toEqual({
      command: "timeline",
      options: { page: 2 },
    });
  });

  it("answers /expulsions 2023 with both sides and their sources", async () => {
    const message = messageOf(await fake.interact(slashCommand("expulsions", { year: 2023 })));
    expect(message.embeds[0]?.title).toBe("Expulsions in 2023");
    expect(message.embeds[0]?.fields).toContainEqual({
      name: "Norway expelled",
      value: "15",
      inline: true,
    });
    expect(message.embeds[1]?.title).toBe("Sources");
  });

  it("answers /who huitfeldt", async () => {
    const message = messageOf(await fake.interact(slashCommand("who", { name: "huitfeldt" })));
    expect(message.embeds[0]?.title).toBe("Anniken Huitfeldt");
    expect(message.embeds[1]?.description).toMatch(/^\*\*\[1\]\*\*/);
  });

  it("answers /onthisday for today in Oslo", async () => {
    const message = messageOf(await fake.interact(slashCommand("onthisday")));
    expect(message.embeds[0]?.title).toBe("On this day: 30 October");
  });

  it("answers /help with every command", async () => {
    const text = shownText(messageOf(await fake.interact(slashCommand("help"))));
    for (const c of COMMANDS) expect(text).toContain(`/${c.name}`);
  });
});

describe("Discord gateway: autocomplete", () => {
  it("offers Anniken Huitfeldt first for “huitf”", async () => {
    const body = bodyOf(await fake.interact(autocompleteOf("who", "name", "huitf"))) as unknown as {
      type: number;
      data: { choices: Array<{ name: string; value: string }> };
    };
    expect(body.type).toBe(8);
    expect(body.data.choices[0]?.name).toBe("Anniken Huitfeldt");
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it("offers expulsion years", async () => {
    const body = bodyOf(
      await fake.interact(autocompleteOf("expulsions", "year", "2")),
    ) as unknown as {
      data: { choices: Array<{ value: number }> };
    };
    expect(body.data.choices.map((c) => c.value)).toContain(2023);
  });
});

describe("Discord gateway: buttons", () => {
  it("turns to page 2 of /timeline in place", async () => {
    const first = messageOf(await fake.interact(slashCommand("timeline")));
    const next = first.components[0]?.components[0];
    const callback = await fake.interact(buttonPress(next?.custom_id ?? ""));
    expect(bodyOf(callback).type).toBe(7);
    const page2 = messageOf(callback);
    expect(page2.embeds[0]?.footer?.text).toMatch(/^Page 2 of \d+/);
    expect(page2.components[0]?.components.map((b) => b.label)).toEqual(["◀ Previous", "Next ▶"]);
  });

  it("answers for the person chosen from “did you mean”", async () => {
    const asked = messageOf(await fake.interact(slashCommand("who", { name: "an" })));
    const choice = asked.components
      .flatMap((r) => r.components)
      .find((b) => b.label === "Annika Byrde");
    expect(choice).toBeDefined();
    const callback = await fake.interact(buttonPress(choice?.custom_id ?? ""));
    expect(bodyOf(callback).type).toBe(7);
    expect(messageOf(callback).embeds[0]?.title).toBe("Annika Byrde");
  });

  it("meets a stale or foreign button with a polite message only its presser sees", async () => {
    const callback = await fake.interact(buttonPress("someone-elses-button"));
    expect(bodyOf(callback).type).toBe(4);
    const message = messageOf(callback);
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toBe("⚠ This button no longer works.");
  });
});

describe("Discord gateway: limits and mentions", () => {
  it("keeps an answer built to exceed 6000 characters within every limit", async () => {
    const message = messageOf(await fake.interact(slashCommand("flood", {}, [flood])));
    expect(message.embeds[0]?.description).toContain("more not shown");
  });

  it("never turns user input into a mention", async () => {
    const callback = await fake.interact(slashCommand("who", { name: "@everyone <@123>" }));
    const message = messageOf(callback);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const text = shownText(message);
    expect(text).not.toMatch(/@everyone|<@123>/);
    expect(text).toContain("everyone");
  });

  it("sent allowed_mentions.parse = [] with every message", () => {
    const messages = fake.requests.all
      .map((r) => r.body as { data?: { embeds?: unknown; allowed_mentions?: unknown } })
      .filter((b) => b?.data?.embeds);
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) expect(m.data?.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("Discord gateway: failures and deferral", () => {
  it("answers a failing handler with a private apology, logs it, and keeps answering", async () => {
    const interaction = slashCommand("boom", {}, [boom]);
    const message = messageOf(await fake.interact(interaction));
    expect(message.flags).toBe(64);
    expect(message.embeds[0]?.title).toBe("✖ Something went wrong on our side.");
    expect(captured.lines).toContainEqual(
      expect.objectContaining({ level: 50, msg: "command failed", command: "boom" }),
    );
    const next = messageOf(await fake.interact(slashCommand("help")));
    expect(next.embeds[0]?.title).toContain("Barents");
  });

  it.each([
    ["a command", () => slashCommand("help")],
    ["a button press", () => buttonPress("anything")],
  ])("meets %s with no data with a private message, and keeps answering", async (_, make) => {
    const { data: _data, ...interaction } = make();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const message = messageOf(await fake.interact(interaction));
      expect(message.flags).toBe(64);
      expect(messageOf(await fake.interact(slashCommand("help")))).toBeDefined();
    } finally {
      process.off("unhandledRejection", onRejection);
    }
    expect(rejections).toEqual([]);
  });

  it("logs a callback Discord refuses, and keeps answering", async () => {
    const interaction = slashCommand("help");
    fake.overrides.push((r) =>
      r.path.startsWith(`/interactions/${interaction.id}/`)
        ? { status: 404, body: { message: "Unknown interaction", code: 10062 } }
        : undefined,
    );
    await fake.interact(interaction);
    await expect
      .poll(() => captured.lines.find((l) => l.interaction === interaction.id))
      .toMatchObject({ msg: "Discord response failed", err: { code: 10062 } });
    expect(messageOf(await fake.interact(slashCommand("help")))).toBeDefined();
  });

  it("defers an answer that is not ready in time, then edits the original", async () => {
    let release = () => {};
    hold = new Promise<void>((resolve) => (release = resolve));
    const interaction = slashCommand("expulsions", { year: 2023 });
    try {
      // Nothing comes back within the deadline, so the bot defers…
      const deferred = await fake.interact(interaction);
      expect(bodyOf(deferred)).toEqual({ type: 5 });
    } finally {
      hold = undefined;
      release();
    }
    // …and edits the answer in once it is ready.
    const edit = await fake.request(
      "PATCH",
      `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
    );
    const message = edit.body as DiscordMessage;
    expect(limitProblems(message)).toEqual([]);
    expect(message.embeds[0]?.title).toBe("Expulsions in 2023");
    expect(edit.authorization).toBeUndefined();
  });

  it("never logged the token", () => {
    expect(captured.raw.join("")).not.toContain(TOKEN);
    expect(captured.raw.join("")).not.toContain("interaction-token-");
  });
});
