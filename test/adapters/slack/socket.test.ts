import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/app.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems } from "../../render/slack/within-limits.ts";
import { bundledContext } from "../../support/context.ts";
import {
  buttonPress,
  FAKE_IDS,
  type FakeSocket,
  type FakeWebApi,
  type ResponseUrls,
  slashCommandFields,
  startFakeSocket,
  startFakeWebApi,
  startResponseUrls,
} from "../../support/fake-slack.ts";
import { appMentionEvent, directMessageEvent, eventCallback } from "../../support/slack-events.ts";

// Slack by Socket Mode, end to end: apps.connections.open on a fake Web API hands out a
// loopback WebSocket; the fake socket says hello, then sends envelopes and records the acks.

const BOT_TOKEN = "xoxb-3333-4444-fakebottoken";
const APP_TOKEN = "xapp-1-A0FAKE-5555-fakeapptoken";

let socket: FakeSocket;
let web: FakeWebApi;
let urls: ResponseUrls;
let slack: RunningSlack;
const logLines: string[] = [];

beforeAll(async () => {
  socket = await startFakeSocket();
  web = await startFakeWebApi({ socketUrl: socket.url });
  urls = await startResponseUrls();
  const started: Started = {
    config: loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: web.url,
      LOG_LEVEL: "debug",
    }),
    ctx: bundledContext(),
    // The most talkative level, captured, to check that no token is ever written.
    logger: pino({ level: "debug" }, { write: (line: string) => logLines.push(line) }),
    log: () => {},
  };
  slack = await startSlack(started, { retryConfig: { retries: 0 } });
});

afterAll(async () => {
  await slack.stop();
  await Promise.all([socket.close(), web.close(), urls.close()]);
});

describe("Slack by Socket Mode", () => {
  it("opens the socket with the app token and checks the bot token, with no HTTP route", async () => {
    expect(slack.mode).toBe("socket");
    expect(slack.route).toBeUndefined();
    const open = await web.calls.find((c) => c.method === "apps.connections.open");
    expect(open.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const auth = await web.calls.find((c) => c.method === "auth.test");
    expect(auth.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("acks a slash command envelope by its id, then responds at the response_url", async () => {
    socket.send({
      envelope_id: "env-command-1",
      type: "slash_commands",
      payload: slashCommandFields("/barents-expulsions", "2023", urls.url("socket-command")),
      accepts_response_payload: true,
    });
    const ack = await socket.acks.find((a) => a.envelope_id === "env-command-1");
    // An empty ack: the answer goes by respond(), not in the ack.
    expect(ack).toEqual({ envelope_id: "env-command-1", payload: {} });
    const answer = await urls.at("socket-command");
    expect(answer.response_type).toBe("in_channel");
    expect(JSON.stringify(answer.blocks)).toContain("Expulsions in 2023");
    expect(limitProblems(answer)).toEqual([]);
  });

  it("acks a button press and replaces the message, by the same listeners as HTTP", async () => {
    const value = 'b1:["timeline",{"page":3}]';
    socket.send({
      envelope_id: "env-press-1",
      type: "interactive",
      payload: buttonPress("barents:page:next", value, urls.url("socket-press")),
      accepts_response_payload: false,
    });
    expect(await socket.acks.find((a) => a.envelope_id === "env-press-1")).toBeDefined();
    const answer = await urls.at("socket-press");
    expect(answer.replace_original).toBe(true);
    expect(JSON.stringify(answer.blocks)).toContain("Page 3 of");
  });

  it("acks an app_mention envelope and answers in a thread under the mention", async () => {
    socket.send({
      envelope_id: "env-mention-1",
      type: "events_api",
      payload: eventCallback(
        appMentionEvent({
          channel: "C0SOCKET",
          text: `<@${FAKE_IDS.botUser}> expulsions 2023`,
          ts: "1700000500.000100",
        }),
      ),
      accepts_response_payload: false,
    });
    expect(await socket.acks.find((a) => a.envelope_id === "env-mention-1")).toBeDefined();
    const call = await web.calls.find(
      (c) => c.method === "chat.postMessage" && c.params.channel === "C0SOCKET",
    );
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call.params.thread_ts).toBe("1700000500.000100");
    expect(call.params.blocks).toContain("Expulsions in 2023");
  });

  it("answers a direct message by the same listener as HTTP", async () => {
    socket.send({
      envelope_id: "env-dm-1",
      type: "events_api",
      payload: eventCallback(directMessageEvent({ channel: "D0SOCKET", text: "/who huitfeldt" })),
      accepts_response_payload: false,
    });
    const call = await web.calls.find(
      (c) => c.method === "chat.postMessage" && c.params.channel === "D0SOCKET",
    );
    expect(call.params.blocks).toContain("Anniken Huitfeldt");
  });

  it("answers the umbrella command, /barents who huitfeldt", async () => {
    socket.send({
      envelope_id: "env-umbrella-1",
      type: "slash_commands",
      payload: slashCommandFields("/barents", "who huitfeldt", urls.url("socket-umbrella")),
      accepts_response_payload: true,
    });
    expect(JSON.stringify(await urls.at("socket-umbrella"))).toContain("Anniken Huitfeldt");
  });

  it("acks or drops messages Slack would never send, without crashing or logging an error", async () => {
    const foreign = buttonPress("other-app:thing", "1", urls.url("socket-foreign"));
    for (const raw of ["null", "[1]", '"text"', "{nope", '{"type":"events_api"}']) {
      socket.sendRaw(raw);
    }
    const envelopes: Array<[string, unknown]> = [
      ["events_api", null],
      ["events_api", { type: "event_callback" }],
      ["events_api", eventCallback({ type: "app_mention" })],
      ["interactive", { ...buttonPress("barents:page:next", "x", urls.url("h")), actions: null }],
      ["interactive", { type: "view_submission", view: { id: "V1" } }],
      ["interactive", foreign],
      ["slash_commands", null],
      ["slash_commands", { command: "/barents", text: 7 }],
      ["ws_message", {}],
      ["error", {}],
    ];
    envelopes.forEach(([type, payload], i) => {
      socket.send({ envelope_id: `env-hostile-${i}`, type, payload });
    });
    for (const i of envelopes.keys()) {
      expect(await socket.acks.find((a) => a.envelope_id === `env-hostile-${i}`)).toBeDefined();
    }
    socket.send({
      envelope_id: "env-after-hostile",
      type: "slash_commands",
      payload: slashCommandFields("/barents-help", "", urls.url("socket-after-hostile")),
    });
    expect(JSON.stringify(await urls.at("socket-after-hostile"))).toContain("/barents-who");
    const levels = logLines.map((line) => (JSON.parse(line) as { level: number }).level);
    expect(levels.filter((level) => level >= 50)).toEqual([]);
  });

  it("never writes a token to the log, even at debug level", () => {
    const log = logLines.join("\n");
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain("fakebottoken");
    expect(log).not.toContain("fakeapptoken");
  });

  it("closes the socket cleanly on stop", async () => {
    const other = await startFakeSocket();
    const otherWeb = await startFakeWebApi({ socketUrl: other.url });
    const running = await startSlack(
      {
        config: loadConfig({
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_APP_TOKEN: APP_TOKEN,
          SLACK_API_URL: otherWeb.url,
        }),
        ctx: bundledContext(),
        logger: pino({ level: "silent" }),
        log: () => {},
      },
      { retryConfig: { retries: 0 } },
    );
    await other.connected;
    await running.stop();
    await other.closedByClient;
    await Promise.all([other.close(), otherWeb.close()]);
  });
});
