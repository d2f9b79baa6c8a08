import type { APIInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  handleInteraction,
  type InteractionHandling,
  interactionHandling,
  type RunCall,
} from "../../../src/adapters/discord/handle-interaction.ts";
import type { InteractionResponse, Responder } from "../../../src/adapters/discord/responses.ts";
import type { Answered } from "../../../src/command/answered.ts";
import type { Command, CommandContext } from "../../../src/command/declaration.ts";
import { runCommand } from "../../../src/command/run-command.ts";
import type { DiscordMessage } from "../../../src/render/discord/message.ts";
import { encodeCall } from "../../../src/reply/call-codec.ts";
import { limitProblems, shownText } from "../../render/discord/within-limits.ts";
import { capturedLogger } from "../../support/captured-logger.ts";
import { bundledContext } from "../../support/context.ts";
import {
  autocompleteOf,
  buttonPress,
  type Interaction,
  ping,
  slashCommand,
} from "./interactions.ts";

// The one handling path, with an in-memory responder: what a transport is asked to send, in
// order. The transports themselves are tested end to end in gateway.test.ts and http.test.ts.

type Sent =
  | { initial: InteractionResponse }
  | { editOriginal: DiscordMessage }
  | { followUp: DiscordMessage };

function recorder(fail?: "initial") {
  const sent: Sent[] = [];
  let onInitial = () => {};
  const initialSent = new Promise<void>((resolve) => (onInitial = resolve));
  const responder: Responder = {
    initial: async (response) => {
      sent.push({ initial: response });
      onInitial();
      if (fail === "initial") throw new Error("404 Unknown interaction");
    },
    editOriginal: async (message) => void sent.push({ editOriginal: message }),
    followUp: async (message) => void sent.push({ followUp: message }),
  };
  return { sent, responder, initialSent };
}

const ctx = bundledContext();

function handling(overrides: Partial<InteractionHandling> = {}) {
  const captured = capturedLogger();
  const h: InteractionHandling = {
    ctx,
    logger: captured.logger,
    deadlineMs: 2000,
    run: (call) => runCommand(ctx, call),
    ...overrides,
  };
  return { h, lines: captured.lines, raw: captured.raw };
}

async function handle(interaction: Interaction | ReturnType<typeof ping>, h = handling().h) {
  const r = recorder();
  await handleInteraction(h, interaction as unknown as APIInteraction, r.responder);
  return r.sent;
}

/** A gate a slow handler waits on, opened by the test when it has seen what it wants. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("handleInteraction: commands", () => {
  it("answers PING with PONG", async () => {
    expect(await handle(ping())).toEqual([{ initial: { type: 1 } }]);
  });

  it("answers a slash command in the initial response, in the channel", async () => {
    const [first, ...rest] = await handle(slashCommand("expulsions", { year: 2023 }));
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ initial: { type: 4 } });
    const data = (first as { initial: { data: DiscordMessage } }).initial.data;
    expect(data.embeds[0]?.title).toBe("Expulsions in 2023");
    expect(data.flags).toBeUndefined();
    expect(limitProblems(data)).toEqual([]);
  });

  it("shows usage problems only to the person who asked", async () => {
    const [first] = await handle(slashCommand("timeline", { from: 2020, to: 2010 }));
    expect(first).toMatchObject({ initial: { type: 4, data: { flags: 64 } } });
    expect(shownText(first)).toContain("from (2020) comes after to (2010)");
  });

  it("politely declines interactions it has no command for", async () => {
    const menu = slashCommand("timeline");
    const userCommand = { ...menu, data: { ...menu.data, type: 2 } };
    const [first] = await handle(userCommand);
    expect(first).toMatchObject({ initial: { type: 4, data: { flags: 64 } } });
    expect(shownText(first)).toContain("does not answer this kind of interaction");
  });
});

describe("handleInteraction: answers kept for steady calls", () => {
  /** The handling a transport gets, with each command's runs counted and each answer reported. */
  function counted() {
    const runs = new Map<string, number>();
    const commands: Command[] = ctx.commands.map((c) => ({
      ...c,
      handle: (context, options) => {
        runs.set(c.name, (runs.get(c.name) ?? 0) + 1);
        return c.handle(context, options);
      },
    }));
    const answered: Answered[] = [];
    const captured = capturedLogger();
    const started = {
      ctx: { ...ctx, commands },
      logger: captured.logger,
      log: () => {},
      telemetry: { answered: (a: Answered) => void answered.push(a), autocompleted: () => {} },
    } as unknown as Parameters<typeof interactionHandling>[0];
    return { h: interactionHandling(started), runs, answered, commands };
  }

  it("runs /who huitfeldt once, answers the same every time, and reports every answer", async () => {
    const { h, runs, answered, commands } = counted();
    const first = await handle(slashCommand("who", { name: "huitfeldt" }, commands), h);
    const second = await handle(slashCommand("who", { name: "huitfeldt" }, commands), h);
    expect(second).toEqual(first);
    expect(shownText(first[0])).toContain("Huitfeldt");
    expect(runs.get("who")).toBe(1);
    expect(answered.map((a) => [a.command, a.outcome])).toEqual([
      ["who", "answer"],
      ["who", "answer"],
    ]);
    expect(answered[0]?.id).not.toBe(answered[1]?.id);
  });

  it("runs a command that reads the clock every time", async () => {
    const { h, runs, answered, commands } = counted();
    await handle(slashCommand("onthisday", {}, commands), h);
    await handle(slashCommand("onthisday", {}, commands), h);
    expect(runs.get("onthisday")).toBe(2);
    expect(answered).toHaveLength(2);
  });
});

describe("handleInteraction: autocomplete", () => {
  const choicesOf = (sent: Sent[]) =>
    (
      sent[0] as {
        initial: { type: number; data: { choices: Array<{ name: string; value: unknown }> } };
      }
    ).initial;

  it("ranks people for /who name", async () => {
    const answer = choicesOf(await handle(autocompleteOf("who", "name", "huitf")));
    expect(answer.type).toBe(8);
    expect(answer.data.choices[0]).toEqual({
      name: "Anniken Huitfeldt",
      value: "Anniken Huitfeldt",
    });
  });

  it("offers the years with expulsions as integers, newest first", async () => {
    const all = choicesOf(await handle(autocompleteOf("expulsions", "year", ""))).data.choices;
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(Number.isInteger(c.value)).toBe(true);
    const values = all.map((c) => c.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const typed = choicesOf(await handle(autocompleteOf("expulsions", "year", "20"))).data.choices;
    for (const c of typed) expect(String(c.value).startsWith("20")).toBe(true);
  });

  it("offers topics and people for /timeline, at most 25 with names of 1–100 characters", async () => {
    for (const focus of ["topic", "person"]) {
      const { choices } = choicesOf(await handle(autocompleteOf("timeline", focus, ""))).data;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) expect(c.name.length).toBeGreaterThanOrEqual(1);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it("offers nothing for an option without autocomplete", async () => {
    const answer = choicesOf(await handle(autocompleteOf("timeline", "from", "19")));
    expect(answer).toEqual({ type: 8, data: { choices: [] } });
  });

  it("answers with no choices, and logs, when the lookup fails", async () => {
    const broken: CommandContext = {
      ...ctx,
      index: new Proxy(ctx.index, {
        get: (target, key) =>
          key === "searchPeople"
            ? () => {
                throw new Error("index broke");
              }
            : Reflect.get(target, key),
      }),
    };
    const { h, lines } = handling({ ctx: broken });
    const sent = await handle(autocompleteOf("who", "name", "huitf"), h);
    expect(sent).toEqual([{ initial: { type: 8, data: { choices: [] } } }]);
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: "Discord interaction failed" });
  });
});

describe("handleInteraction: buttons", () => {
  it("replays the call a button carries and replaces the message it is on", async () => {
    const id = encodeCall({ command: "timeline", options: { page: 2 } });
    const [first] = await handle(buttonPress(id));
    expect(first).toMatchObject({ initial: { type: 7 } });
    const data = (first as { initial: { data: DiscordMessage } }).initial.data;
    expect(data.embeds[0]?.footer?.text).toMatch(/^Page 2 of \d+/);
    expect(data.flags).toBeUndefined();
  });

  it("answers a press that no longer works beside the message, not over it", async () => {
    const id = encodeCall({ command: "timeline", options: { page: 999 } });
    const [first] = await handle(buttonPress(id));
    expect(first).toMatchObject({ initial: { type: 4, data: { flags: 64 } } });
    expect(shownText(first)).toContain("There are only");
  });

  it.each([
    ["another app's button", "play-again"],
    ["an older format", "b0:timeline:2"],
    ["a command that no longer exists", encodeCall({ command: "weather", options: {} })],
    ["a mangled call", 'b1:["timeline",'],
  ])("meets %s with a polite message to the presser alone", async (_what, customId) => {
    const sent = await handle(buttonPress(customId));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ initial: { type: 4, data: { flags: 64 } } });
    expect(shownText(sent[0])).toContain("This button no longer works.");
  });
});

describe("handleInteraction: failures and deadlines", () => {
  it("turns a handler that throws into a private apology and a log line with context", async () => {
    const run: RunCall = () => {
      throw new Error("handler broke");
    };
    const { h, lines, raw } = handling({ run });
    const interaction = slashCommand("timeline");
    const [first] = await handle(interaction, h);
    expect(first).toMatchObject({ initial: { type: 4, data: { flags: 64 } } });
    expect(shownText(first)).toContain("Something went wrong on our side.");
    expect(lines.at(-1)).toMatchObject({
      level: 50,
      msg: "Discord command failed",
      interaction: interaction.id,
      command: "timeline",
      guild: interaction.guild_id,
      err: { message: "handler broke" },
    });
    expect(raw.join("")).not.toContain(interaction.token);
  });

  it("logs a response Discord refused, and does not throw", async () => {
    const { h, lines } = handling();
    const r = recorder("initial");
    await handleInteraction(h, slashCommand("help") as unknown as APIInteraction, r.responder);
    expect(r.sent).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: "Discord response failed" });
  });

  it("defers a slow answer, then edits it in", async () => {
    const slow = gate();
    const run: RunCall = async (call) => {
      await slow.opened;
      return runCommand(ctx, call);
    };
    const r = recorder();
    const done = handleInteraction(
      handling({ run, deadlineMs: 0 }).h,
      slashCommand("who", { name: "huitfeldt" }) as unknown as APIInteraction,
      r.responder,
    );
    await r.initialSent;
    expect(r.sent).toEqual([{ initial: { type: 5 } }]);
    slow.open();
    await done;
    expect(r.sent).toHaveLength(2);
    const edit = (r.sent[1] as { editOriginal: DiscordMessage }).editOriginal;
    expect(edit.embeds[0]?.title).toBe("Anniken Huitfeldt");
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(edit).not.toHaveProperty("flags");
  });

  it("defers a slow button press as an update, then edits the message", async () => {
    const slow = gate();
    const run: RunCall = async (call) => {
      await slow.opened;
      return runCommand(ctx, call);
    };
    const r = recorder();
    const press = buttonPress(encodeCall({ command: "timeline", options: { page: 2 } }));
    const done = handleInteraction(
      handling({ run, deadlineMs: 0 }).h,
      press as unknown as APIInteraction,
      r.responder,
    );
    await r.initialSent;
    expect(r.sent).toEqual([{ initial: { type: 6 } }]);
    slow.open();
    await done;
    expect(r.sent[1]).toHaveProperty("editOriginal");
  });

  it("sends a late failure after a deferred press as a private follow-up", async () => {
    const slow = gate();
    const run: RunCall = async (call) => {
      await slow.opened;
      return runCommand(ctx, call);
    };
    const r = recorder();
    const press = buttonPress(encodeCall({ command: "timeline", options: { page: 999 } }));
    const done = handleInteraction(
      handling({ run, deadlineMs: 0 }).h,
      press as unknown as APIInteraction,
      r.responder,
    );
    await r.initialSent;
    slow.open();
    await done;
    expect(r.sent[1]).toMatchObject({ followUp: { flags: 64 } });
  });

  it("answers at once when the answer is ready, whatever the deadline", async () => {
    const { h } = handling({ deadlineMs: 0 });
    const sent = await handle(slashCommand("help"), h);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ initial: { type: 4 } });
  });
});

// Signed payloads Discord does not send, but a forged or future one might: the handler keeps
// its promise (resolves, answers once, logs) whatever field is missing or odd.
describe("handleInteraction: payloads with missing or odd fields", () => {
  const without = <T extends Record<string, unknown>>(value: T, ...keys: string[]) =>
    Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
  const command = slashCommand("timeline");
  const press = buttonPress(encodeCall({ command: "timeline", options: {} }));
  const typing = autocompleteOf("who", "name", "ner");
  const cases: Array<[string, unknown]> = [
    ["a command with no data", without(command, "data")],
    ["a button press with no data", without(press, "data")],
    ["an autocomplete with no data", without(typing, "data")],
    ["a command with data null", { ...command, data: null }],
    [
      "a command whose options are an object",
      { ...command, data: { ...command.data, options: { from: 1 } } },
    ],
    [
      "a command whose options are a string",
      { ...command, data: { ...command.data, options: "from" } },
    ],
    [
      "a command whose options hold null",
      { ...command, data: { ...command.data, options: [null, 7] } },
    ],
    [
      "a command whose option value is an object",
      {
        ...command,
        data: { ...command.data, options: [{ name: "from", type: 4, value: { x: 1 } }] },
      },
    ],
    [
      "an autocomplete whose options are an object",
      { ...typing, data: { ...typing.data, options: { name: "x" } } },
    ],
    ["a command with no member or user", without(command, "member", "user")],
    ["a command whose member has no user", { ...command, member: {} }],
    [
      "a command whose permissions are not a number",
      { ...command, member: { ...command.member, permissions: "lots" } },
    ],
    ["a command with no channel", without(command, "channel", "channel_id")],
    ["a command with no name", { ...command, data: { ...command.data, name: undefined } }],
    [
      "a button with a custom_id past 100 characters",
      { ...press, data: { ...press.data, custom_id: `${press.data.custom_id}${"x".repeat(120)}` } },
    ],
    [
      "a button with an undecodable custom_id",
      { ...press, data: { ...press.data, custom_id: "c1:{not json" } },
    ],
    ["a button with a numeric custom_id", { ...press, data: { ...press.data, custom_id: 42 } }],
    ["an interaction of an unknown type", { ...command, type: 99 }],
  ];

  it.each(cases)("answers %s once, logs no error, and does not throw", async (_, payload) => {
    const { h, lines } = handling();
    const r = recorder();
    await expect(
      handleInteraction(h, payload as APIInteraction, r.responder),
    ).resolves.toBeUndefined();
    expect(r.sent).toHaveLength(1);
    const response = (r.sent[0] as { initial?: InteractionResponse }).initial;
    // A message in the channel or to the presser alone, or choices for autocomplete.
    expect([4, 8]).toContain(response?.type);
    // Met on purpose, not by the catch-all that logs an error.
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it("tells the presser alone when a command arrives with no data, and logs a warning", async () => {
    const { h, lines } = handling();
    const r = recorder();
    await handleInteraction(h, without(command, "data") as APIInteraction, r.responder);
    expect(r.sent[0]).toMatchObject({ initial: { type: 4, data: { flags: 64 } } });
    expect(shownText(r.sent[0])).toContain("does not answer this kind of interaction");
    expect(lines).toContainEqual(expect.objectContaining({ level: 40 }));
  });
});
