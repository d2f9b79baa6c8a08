import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import {
  buttonListener,
  type SlackDeps,
  type SlackResponse,
  slashCommandListener,
} from "../../../src/adapters/slack/listeners.ts";
import type { Answered } from "../../../src/command/answered.ts";
import { defineCommand } from "../../../src/command/declaration.ts";
import { encodeCall } from "../../../src/reply/call-codec.ts";
import { reply } from "../../../src/reply/reply.ts";
import { bundledContext } from "../../support/context.ts";

// The listeners as Bolt calls them, with ack and respond recorded: no App, no network.

const broken = defineCommand({
  name: "broken",
  description: "Returns a reply no renderer can draw",
  options: [],
  examples: ["/broken"],
  handle: () => ({ ...reply("answer", "Broken"), items: null as unknown as [] }),
});

function harness(prefix = "") {
  const events: string[] = [];
  const responses: SlackResponse[] = [];
  const logLines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: "info" },
    { write: (line: string) => logLines.push(JSON.parse(line)) },
  );
  const deps: SlackDeps = {
    ctx: { ...bundledContext(), commands: [...COMMANDS, broken] },
    log: () => {},
    logger,
    prefix,
    umbrella: "barents",
  };
  const ack = async () => {
    events.push("ack");
  };
  const respond = async (message: SlackResponse) => {
    events.push("respond");
    responses.push(message);
  };
  const command = (name: string, text: string) =>
    slashCommandListener(deps)({
      command: { command: name, text, user_id: "U1", channel_id: "C1" },
      ack,
      respond,
    });
  const press = (value: string | undefined, actionId = "barents:page:next") =>
    buttonListener(deps)({ action: { action_id: actionId, value }, ack, respond, user: "U1" });
  return { events, responses, logLines, command, press };
}

const header = (r: SlackResponse | undefined) => JSON.stringify(r?.blocks?.[0]);

describe("the slash command listener", () => {
  it("acks first, with nothing, then responds once", async () => {
    const h = harness();
    await h.command("/expulsions", "2023");
    expect(h.events).toEqual(["ack", "respond"]);
  });

  it("parses the text with the console's grammar and answers in the channel", async () => {
    const h = harness();
    await h.command("/timeline", "from:2017 to:2019");
    expect(h.responses[0]?.response_type).toBe("in_channel");
    expect(header(h.responses[0])).toContain("Timeline 2017–2019");
  });

  it("strips the command prefix to find the command", async () => {
    const h = harness("nr-");
    await h.command("/nr-who", "huitfeldt");
    expect(header(h.responses[0])).toContain("Anniken Huitfeldt");
  });

  it("answers a command installed under the default prefix, and its unprefixed name too", async () => {
    const h = harness("barents-");
    await h.command("/barents-who", "huitfeldt");
    // A workspace installed from an older manifest still sends /timeline.
    await h.command("/timeline", "from:2017 to:2019");
    expect(header(h.responses[0])).toContain("Anniken Huitfeldt");
    expect(header(h.responses[1])).toContain("Timeline 2017–2019");
  });

  it("shows hints under the installed names", async () => {
    const h = harness("barents-");
    await h.command("/barents-expulsions", "soon");
    expect(JSON.stringify(h.responses[0])).toContain("/barents-expulsions 2023");
  });

  describe("the umbrella command, /barents", () => {
    it("takes a whole command line: /barents who huitfeldt", async () => {
      const h = harness("barents-");
      await h.command("/barents", "who huitfeldt");
      await h.command("/barents", "expulsions 2023");
      // A line copied from a hint, with its slash and installed name, works the same.
      await h.command("/barents", "/barents-who huitfeldt");
      expect(header(h.responses[0])).toContain("Anniken Huitfeldt");
      expect(h.responses[0]?.response_type).toBe("in_channel");
      expect(header(h.responses[1])).toContain("Expulsions in 2023");
      expect(header(h.responses[2])).toContain("Anniken Huitfeldt");
    });

    it("alone shows help, listing the commands as installed", async () => {
      const h = harness("barents-");
      await h.command("/barents", "");
      const text = JSON.stringify(h.responses[0]);
      for (const c of COMMANDS) expect(text).toContain(`/barents-${c.name}`);
    });

    it("answers a bad line with a short usage reply to the asker alone", async () => {
      const h = harness("barents-");
      await h.command("/barents", 'who name:"Jonas Gahr');
      expect(h.responses[0]?.response_type).toBe("ephemeral");
      const text = JSON.stringify(h.responses[0]);
      expect(text).toContain("A quote is opened but never closed.");
      expect(text).toContain("Example: /barents-who");
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    });
  });

  it("reads the text as typed, though Slack sends &, < and > as entities", async () => {
    const h = harness();
    await h.command("/who", "Fish &amp; Chips &lt;!here&gt;");
    const title = header(h.responses[0]);
    expect(title).toContain("Fish &amp; Chips &lt;!here&gt;");
    expect(title).not.toContain("&amp;amp;");
  });

  it("answers a usage problem to the asker alone", async () => {
    const h = harness();
    await h.command("/expulsions", "soon");
    expect(h.responses[0]?.response_type).toBe("ephemeral");
    expect(header(h.responses[0])).toContain("⚠");
  });

  it("answers an empty result to the asker alone", async () => {
    const h = harness();
    await h.command("/expulsions", "1850");
    expect(h.responses[0]?.response_type).toBe("ephemeral");
  });

  it("turns a failure into a polite private apology and a log line with its context", async () => {
    const h = harness();
    await h.command("/broken", "");
    expect(h.events).toEqual(["ack", "respond"]);
    expect(h.responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(h.responses[0]?.text).toMatch(/something went wrong on our side/);
    expect(h.logLines).toContainEqual(
      expect.objectContaining({ msg: "Slack command failed", command: "/broken", user: "U1" }),
    );
  });

  it("survives a response_url that refuses the reply, trying the apology once", async () => {
    const attempts: string[] = [];
    const listener = slashCommandListener({
      ctx: bundledContext(),
      log: () => {},
      logger: pino({ level: "silent" }),
      prefix: "",
      umbrella: "barents",
    });
    await expect(
      listener({
        command: { command: "/help", text: "" },
        ack: async () => {},
        respond: async (message) => {
          attempts.push(message.text);
          throw new Error("410 Gone");
        },
      }),
    ).resolves.toBeUndefined();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toMatch(/something went wrong/);
  });
});

describe("the button listener", () => {
  it("runs the call a button carries and replaces the message with the answer", async () => {
    const h = harness();
    await h.press(encodeCall({ command: "timeline", options: { page: 2 } }));
    expect(h.events).toEqual(["ack", "respond"]);
    expect(h.responses[0]?.replace_original).toBe(true);
    expect(JSON.stringify(h.responses[0])).toContain("Page 2 of");
  });

  it("keeps the message and tells the presser alone when the call no longer answers", async () => {
    const h = harness();
    await h.press(encodeCall({ command: "timeline", options: { page: 999 } }));
    expect(h.responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
  });

  it("politely refuses a value it did not write, or a command that no longer exists", async () => {
    for (const value of [
      "v0:whatever",
      "b1:not json",
      undefined,
      encodeCall({ command: "gone", options: {} }),
    ]) {
      const h = harness();
      await h.press(value);
      expect(h.events).toEqual(["ack", "respond"]);
      expect(h.responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(h.responses[0]?.text).toMatch(/older version of Barents/);
    }
  });

  it("turns a failure into a private apology and a log line", async () => {
    const h = harness();
    await h.press(encodeCall({ command: "broken", options: {} }));
    expect(h.responses[0]?.text).toMatch(/something went wrong/);
    expect(h.logLines).toContainEqual(expect.objectContaining({ msg: "Slack button failed" }));
  });
});

describe("what the listeners report", () => {
  function reporting() {
    const answered: Answered[] = [];
    const deps: SlackDeps = {
      ctx: { ...bundledContext(), commands: [...COMMANDS, broken] },
      log: () => {},
      logger: pino({ level: "silent" }),
      prefix: "barents-",
      umbrella: "barents",
      telemetry: { answered: (a) => void answered.push(a), autocompleted: () => {} },
    };
    const ack = async () => {};
    const respond = async () => {};
    return { answered, deps, ack, respond };
  }

  it("a slash command's answer, with Slack's trigger id", async () => {
    const { answered, deps, ack, respond } = reporting();
    await slashCommandListener(deps)({
      command: { command: "/barents-who", text: "huitfeldt", trigger_id: "13345.1.abc" },
      ack,
      respond,
    });
    expect(answered).toEqual([
      expect.objectContaining({
        platform: "slack",
        command: "who",
        outcome: "answer",
        id: "13345.1.abc",
      }),
    ]);
  });

  it("a button's call, with the press's trigger id", async () => {
    const { answered, deps, ack, respond } = reporting();
    await buttonListener(deps)({
      action: {
        action_id: "barents:page:next",
        value: encodeCall({ command: "timeline", options: { page: 2 } }),
      },
      ack,
      respond,
      trigger: "777.2.def",
    });
    expect(answered).toEqual([
      expect.objectContaining({ command: "timeline", outcome: "answer", id: "777.2.def" }),
    ]);
  });

  it("a reply that cannot be drawn as a failure, once: the person got an apology", async () => {
    const { answered, deps, ack, respond } = reporting();
    await slashCommandListener(deps)({
      command: { command: "/barents-broken", text: "" },
      ack,
      respond,
    });
    expect(answered).toEqual([expect.objectContaining({ command: "broken", outcome: "failure" })]);
  });
});
