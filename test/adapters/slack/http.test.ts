import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { startSlack } from "../../../src/adapters/slack/app.ts";
import { defineCommand } from "../../../src/command/declaration.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";
import { decodeCall } from "../../../src/reply/call-codec.ts";
import { reply } from "../../../src/reply/reply.ts";
import type { Started } from "../../../src/startup.ts";
import { limitProblems, shownText } from "../../render/slack/within-limits.ts";
import { bundledContext } from "../../support/context.ts";
import {
  buttonPress,
  type FakeWebApi,
  type ResponseUrls,
  slackSignature,
  slashCommandFields,
  startFakeWebApi,
  startResponseUrls,
} from "../../support/fake-slack.ts";
import {
  BOT_TOKEN,
  type RunningHttpSlack,
  SECRET,
  signedPost,
  startHttpSlack,
} from "./http-harness.ts";

// Slack over HTTP, end to end: the real Bolt App's route on the bot's one HTTP server, real
// signed requests, respond() posting to a loopback response_url, a fake Web API for auth.test.

// A command whose answer is far too big for one message, to prove the limits hold end to end.
const flood = defineCommand({
  name: "flood",
  description: "An answer far past every Slack limit",
  options: [],
  examples: ["/flood"],
  handle: () =>
    reply("answer", "Flood ".repeat(100), {
      body: Array.from({ length: 80 }, () => "Line. ".repeat(700)),
      items: Array.from({ length: 200 }, (_, i) => ({
        when: String(1900 + i),
        title: `Event ${i}`,
        detail: "Detail. ".repeat(500),
        cites: [1],
        evidence: [],
      })),
      sources: [
        { n: 1, label: "Source", quotes: Array.from({ length: 50 }, () => "q".repeat(3500)) },
      ],
      showQuotes: true,
    }),
});

let web: FakeWebApi;
let urls: ResponseUrls;
let app: RunningHttpSlack;
let prefixed: RunningHttpSlack;

beforeAll(async () => {
  web = await startFakeWebApi();
  urls = await startResponseUrls();
  [app, prefixed] = await Promise.all([
    startHttpSlack(web, {}, [...COMMANDS, flood]),
    startHttpSlack(web, { SLACK_COMMAND_PREFIX: "nr-" }),
  ]);
});

afterAll(async () => {
  await Promise.all([app.stop(), prefixed.stop()]);
  await Promise.all([web.close(), urls.close()]);
});

/** Sends a slash command; resolves with what respond() posted to its response_url. */
async function slash(command: string, text: string, on = app) {
  const name = `${command} ${text} ${Math.random()}`;
  const res = await signedPost(on.base, slashCommandFields(command, text, urls.url(name)));
  // The ack: an empty 200 straight away, before the answer goes to the response_url.
  expect(res.status).toBe(200);
  expect(await res.text()).toBe("");
  return urls.at(name);
}

/** Presses a button; resolves with what respond() posted. */
async function press(actionId: string, value: string) {
  const name = `press ${actionId} ${Math.random()}`;
  const res = await signedPost(app.base, {
    payload: JSON.stringify(buttonPress(actionId, value, urls.url(name))),
  });
  expect(res.status).toBe(200);
  return urls.at(name);
}

type Button = { text: { text: string }; action_id: string; value: string };
function buttonsOf(message: Record<string, unknown>): Button[] {
  const blocks = message.blocks as Array<{ type: string; elements?: Button[] }>;
  return blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}
const headerOf = (message: Record<string, unknown>) =>
  (message.blocks as Array<{ type: string; text?: { text: string } }>)[0]?.text?.text;

describe("Slack over HTTP: start-up", () => {
  it("checks the bot token with auth.test at the Web API it was given", async () => {
    const call = await web.calls.find((c) => c.method === "auth.test");
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(app.slack.mode).toBe("http");
  });

  it("is refused at start-up when Slack refuses the token, instead of failing every request", async () => {
    const refusing = await startFakeWebApi({ acceptTokens: false });
    const started: Started = {
      config: loadConfig({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: `${refusing.url}/`,
      }),
      ctx: bundledContext(),
      logger: createLogger("silent"),
      log: () => {},
    };
    await expect(startSlack(started, { retryConfig: { retries: 0 } })).rejects.toThrow(
      /invalid_auth/,
    );
    await refusing.close();
  });
});

describe("Slack over HTTP: every command", () => {
  it("/barents-timeline answers in the channel with a Next button for page 2", async () => {
    const answer = await slash("/barents-timeline", "");
    expect(answer.response_type).toBe("in_channel");
    expect(headerOf(answer)).toBe("Timeline");
    const next = buttonsOf(answer).find((b) => b.text.text.startsWith("Next"));
    expect(decodeCall(next?.value ?? "")).toEqual({ command: "timeline", options: { page: 2 } });
    expect(limitProblems(answer)).toEqual([]);
  });

  it("/barents-expulsions 2023 answers with both sides' expulsions", async () => {
    const answer = await slash("/barents-expulsions", "2023");
    expect(headerOf(answer)).toBe("Expulsions in 2023");
    expect(shownText(answer)).toContain("*Norway expelled*\n15");
    expect(limitProblems(answer)).toEqual([]);
  });

  it("/barents-who huitfeldt answers with the person and the sources for the profile", async () => {
    const answer = await slash("/barents-who", "huitfeldt");
    expect(headerOf(answer)).toBe("Anniken Huitfeldt");
    expect(shownText(answer)).toContain("*Sources*");
  });

  it("/barents-onthisday answers for today in the bot's time zone", async () => {
    const answer = await slash("/barents-onthisday", "");
    expect(headerOf(answer)).toBe("On this day: 30 October");
  });

  it("/barents-help lists every command", async () => {
    const answer = await slash("/barents-help", "");
    for (const c of COMMANDS) expect(shownText(answer)).toContain(`/barents-${c.name}`);
  });

  it("parses `/timeline from:2017 to:2019` with the shared grammar", async () => {
    const answer = await slash("/barents-timeline", "from:2017 to:2019");
    expect(headerOf(answer)).toBe("Timeline 2017–2019");
  });

  it("keeps an empty result and a usage problem to the asker", async () => {
    expect((await slash("/barents-expulsions", "1850")).response_type).toBe("ephemeral");
    const usage = await slash("/barents-expulsions", "soon");
    expect(usage.response_type).toBe("ephemeral");
    expect(headerOf(usage)).toMatch(/^⚠ /);
  });

  it("still answers /timeline, as a workspace installed from an older manifest sends it", async () => {
    const answer = await slash("/timeline", "from:2017 to:2019");
    expect(headerOf(answer)).toBe("Timeline 2017–2019");
  });

  it("answers the prefixed command when SLACK_COMMAND_PREFIX is set", async () => {
    const answer = await slash("/nr-who", "huitfeldt", prefixed);
    expect(headerOf(answer)).toBe("Anniken Huitfeldt");
  });
});

describe("Slack over HTTP: buttons", () => {
  it("a Next press replaces the message with page 2", async () => {
    const first = await slash("/barents-timeline", "");
    const next = buttonsOf(first).find((b) => b.text.text.startsWith("Next"));
    const answer = await press(next?.action_id ?? "", next?.value ?? "");
    expect(answer.replace_original).toBe(true);
    expect(shownText(answer)).toContain("Page 2 of");
    expect(buttonsOf(answer).map((b) => b.text.text)).toEqual(["◀ Previous", "Next ▶", "Chart"]);
  });

  it("a “did you mean” press answers for the person chosen", async () => {
    const first = await slash("/barents-who", "annik");
    expect(headerOf(first)).toBe("Anniken Huitfeldt");
    const alternative = buttonsOf(first).find((b) => b.text.text === "Annika Byrde");
    expect(alternative).toBeDefined();
    const answer = await press(alternative?.action_id ?? "", alternative?.value ?? "");
    expect(answer.replace_original).toBe(true);
    expect(headerOf(answer)).toBe("Annika Byrde");
  });

  it("a button value Barents did not write gets a polite note, and the message stays", async () => {
    const answer = await press("barents:page:next", 'v0:["timeline",{}]');
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(answer.text).toMatch(/older version of Barents/);
  });
});

describe("Slack over HTTP: safety", () => {
  it("escapes <!channel> and <@U123> typed into /who, so nobody is pinged", async () => {
    // Raw, and as Slack really sends it (entities): both must come back escaped once.
    for (const text of ["<!channel> <@U123>", "&lt;!channel&gt; &lt;@U123&gt;"]) {
      const answer = await slash("/barents-who", text);
      const json = JSON.stringify(answer);
      expect(json).toContain("No one matches “&lt;!channel&gt; &lt;@U123&gt;”.");
      expect(json).not.toContain("<!channel>");
      expect(json).not.toContain("<@U123>");
      expect(json).not.toContain("&amp;lt;");
    }
  });

  it("delivers a reply built far past 50 blocks within every limit", async () => {
    const answer = await slash("/barents-flood", "");
    expect(limitProblems(answer)).toEqual([]);
    expect((answer.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });

  it("refuses a bad signature with 401", async () => {
    const raw = new URLSearchParams(slashCommandFields("/help", "", urls.url("bad"))).toString();
    const res = await fetch(`${app.base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignature("not-the-secret", raw),
      },
      body: raw,
    });
    expect(res.status).toBe(401);
  });

  it("refuses a request signed more than five minutes ago with 401", async () => {
    const raw = new URLSearchParams(slashCommandFields("/help", "", urls.url("old"))).toString();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await fetch(`${app.base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignature(SECRET, raw, sixMinutesAgo),
      },
      body: raw,
    });
    expect(res.status).toBe(401);
  });
});

describe("Slack: posting to a channel", () => {
  it("sends chat.postMessage with the blocks as a JSON string and the fallback text", async () => {
    await app.slack.poster.post(
      "C0NEWS",
      reply("answer", "On this day: <!here>", { body: ["Line."] }),
      "nonce",
    );
    const call = await web.calls.find(
      (c) => c.method === "chat.postMessage" && c.params.channel === "C0NEWS",
    );
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call.params.channel).toBe("C0NEWS");
    expect(call.params.text).toBe("On this day: &lt;!here&gt;\nLine.");
    const blocks = JSON.parse(call.params.blocks ?? "[]") as unknown[];
    expect(limitProblems({ text: call.params.text, blocks })).toEqual([]);
  });
});
