import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { limitProblems } from "../../render/slack/within-limits.ts";
import {
  FAKE_IDS,
  type FakeWebApi,
  type ResponseUrls,
  slashCommandFields,
  startFakeWebApi,
  startResponseUrls,
  type WebApiCall,
} from "../../support/fake-slack.ts";
import { appMentionEvent, directMessageEvent, eventCallback } from "../../support/slack-events.ts";
import {
  BOT_TOKEN,
  type RunningHttpSlack,
  signedJson,
  signedPost,
  startHttpSlack,
} from "./http-harness.ts";

// The natural ways in over HTTP, end to end: signed Events API requests (a mention in a channel
// and in a thread, a DM) answered by chat.postMessage on a fake Web API, and the umbrella
// command answered at a loopback response_url.

let web: FakeWebApi;
let urls: ResponseUrls;
let app: RunningHttpSlack;

beforeAll(async () => {
  web = await startFakeWebApi();
  urls = await startResponseUrls();
  app = await startHttpSlack(web);
});

afterAll(async () => {
  await app.stop();
  await Promise.all([web.close(), urls.close()]);
});

/** Sends an event as Slack does; resolves once Slack's 200 ack is back. */
async function sendEvent(event: Record<string, unknown>) {
  const res = await signedJson(app.base, eventCallback(event));
  expect(res.status).toBe(200);
}

/** The first chat.postMessage to `channel`, waiting for it. */
const postTo = (channel: string) =>
  web.calls.find((c) => c.method === "chat.postMessage" && c.params.channel === channel);

const shown = (call: WebApiCall) => `${call.params.text}\n${call.params.blocks}`;

async function umbrella(text: string) {
  const name = `umbrella ${text} ${Math.random()}`;
  const res = await signedPost(app.base, slashCommandFields("/barents", text, urls.url(name)));
  expect(res.status).toBe(200);
  return JSON.stringify(await urls.at(name));
}

describe("Slack Events API over HTTP", () => {
  it("answers Slack's url_verification challenge when the Request URL is saved", async () => {
    const res = await signedJson(app.base, {
      token: "legacy-verification-token",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });

  it("answers a signed app_mention in a thread under the message, with the bot token", async () => {
    await sendEvent(
      appMentionEvent({
        channel: "C0MENTION",
        text: `<@${FAKE_IDS.botUser}> who is frode berg`,
        ts: "1700000300.000100",
      }),
    );
    const call = await postTo("C0MENTION");
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call.params.thread_ts).toBe("1700000300.000100");
    expect(shown(call)).toContain("Frode Berg");
    const blocks = JSON.parse(call.params.blocks ?? "[]") as unknown[];
    expect(limitProblems({ text: call.params.text, blocks })).toEqual([]);
  });

  it("answers a mention inside a thread in that thread", async () => {
    await sendEvent(
      appMentionEvent({
        channel: "C0THREAD",
        text: `<@${FAKE_IDS.botUser}> expulsions 2023`,
        ts: "1700000400.000900",
        thread_ts: "1700000400.000100",
      }),
    );
    const call = await postTo("C0THREAD");
    expect(call.params.thread_ts).toBe("1700000400.000100");
    expect(shown(call)).toContain("Expulsions in 2023");
  });

  it("answers a direct message in the DM, and never its own messages there", async () => {
    await sendEvent(
      directMessageEvent({ channel: "D0DM", text: "who huitfeldt", user: FAKE_IDS.botUser }),
    );
    await sendEvent(directMessageEvent({ channel: "D0DM", text: "expulsions 2023" }));
    const call = await postTo("D0DM");
    expect(call.params.thread_ts).toBeUndefined();
    expect(shown(call)).toContain("Expulsions in 2023");
    expect(web.calls.all.filter((c) => c.params.channel === "D0DM")).toHaveLength(1);
  });

  it("keeps mentions off: <!channel> typed by a person comes back escaped", async () => {
    await sendEvent(
      appMentionEvent({ channel: "C0SAFE", text: `<@${FAKE_IDS.botUser}> who <!channel>` }),
    );
    const text = shown(await postTo("C0SAFE"));
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
  });
});

describe("the umbrella command over HTTP", () => {
  it("takes words: /barents who huitfeldt", async () => {
    expect(await umbrella("who huitfeldt")).toContain("Anniken Huitfeldt");
  });

  it("alone shows help under the installed names", async () => {
    const help = await umbrella("");
    for (const c of COMMANDS) expect(help).toContain(`/barents-${c.name}`);
  });

  it("answers a bad line with a friendly usage reply to the asker alone", async () => {
    const answer = await umbrella("expulsions soon");
    expect(answer).toContain('"response_type":"ephemeral"');
    expect(answer).toContain("Example: /barents-expulsions");
  });
});
