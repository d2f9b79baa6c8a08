import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { boltLogger } from "../../../src/adapters/slack/bolt-logger.ts";
import {
  postingClient,
  SLACK_CALL_TIMEOUT_MS,
  slackPoster,
} from "../../../src/adapters/slack/post.ts";
import { createLogger } from "../../../src/logger.ts";
import { renderSlackMessage } from "../../../src/render/slack/blocks.ts";
import { reply } from "../../../src/reply/reply.ts";
import { dailyNote } from "../../../src/schedule/daily-note.ts";
import { type Poster, PostFailure } from "../../../src/schedule/delivery.ts";
import { bundledContext } from "../../support/context.ts";
import {
  type FakeWebApi,
  startFakeWebApi,
  type WebApiAnswer,
  type WebApiCall,
} from "../../support/fake-slack.ts";

// Scheduled posts to Slack end to end: the real WebClient, built as postingClient builds it,
// calling chat.postMessage on a loopback fake Web API that answers as Slack does — or as a test
// tells it to. Slack has no idempotency key, so what matters as much as the outcome is how many
// requests reached Slack: a send with an unknown outcome must never go out a second time.

const BOT_TOKEN = "xoxb-1111-2222-fakeposttoken";
const CHANNEL = "C0TEAM01";

const note = dailyNote(bundledContext().index, { year: 2026, month: 10, day: 30 }, "month");
if (!note) throw new Error("the bundled data has nothing for 30 October");

const render = (r: Parameters<typeof renderSlackMessage>[0]) => renderSlackMessage(r);

let web: FakeWebApi;
let poster: Poster;

beforeAll(async () => {
  web = await startFakeWebApi();
  const client = postingClient(BOT_TOKEN, {
    slackApiUrl: `${web.url}/`,
    logger: boltLogger(createLogger("silent")),
  });
  poster = slackPoster(client, render);
});

afterEach(() => {
  web.overrides.length = 0;
});

afterAll(async () => {
  await web?.close();
});

/** Every chat.postMessage the fake has received for `channel` so far. */
function postsTo(channel: string): WebApiCall[] {
  return web.calls.all.filter(
    (c) => c.method === "chat.postMessage" && c.params.channel === channel,
  );
}

/** Makes the fake answer every chat.postMessage to `channel` with `answer`. */
function answerChannel(channel: string, answer: WebApiAnswer): void {
  web.overrides.push((c) =>
    c.method === "chat.postMessage" && c.params.channel === channel ? answer : undefined,
  );
}

/** The PostFailure a send ended in; fails the test if it went out. */
async function failureOf(send: Promise<void>): Promise<PostFailure> {
  const error: unknown = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PostFailure)) throw new Error(`expected a PostFailure, got ${error}`);
  return error;
}

describe("slackPoster sending a scheduled post", () => {
  it("calls chat.postMessage with the rendered blocks, a text fallback and unfurling off", async () => {
    await poster.post(CHANNEL, note, "nonce-unused-by-slack");

    const [call] = postsTo(CHANNEL);
    const rendered = renderSlackMessage(note);
    expect(postsTo(CHANNEL)).toHaveLength(1);
    expect(call?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call?.params.channel).toBe(CHANNEL);
    expect(typeof call?.params.blocks).toBe("string");
    expect(JSON.parse(call?.params.blocks ?? "null")).toEqual(rendered.blocks);
    expect(call?.params.text).toBe(rendered.text);
    expect(call?.params.text).toContain("On this day: 30 October");
    expect(call?.params.unfurl_links).toBe("false");
    expect(call?.params.unfurl_media).toBe("false");
  });

  it("sends a note's <!channel> escaped, so it never notifies the channel", async () => {
    const channel = "C0LOUD01";
    const loud = reply("answer", "Wake up <!channel>", { body: ["<!here> & <@U0ALICE>"] });
    await poster.post(channel, loud, "n");

    const [call] = postsTo(channel);
    expect(call?.params.text).toBe(
      "Wake up &lt;!channel&gt;\n&lt;!here&gt; &amp; &lt;@U0ALICE&gt;",
    );
    expect(call?.params.blocks).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(call?.params)).not.toMatch(/<!channel>|<!here>|<@U0ALICE>/);
  });
});

describe("slackPoster when Slack says no or does not answer", () => {
  it.each(["not_in_channel", "channel_not_found"])(
    "treats %s as final: not retried, the error in the reason",
    async (error) => {
      const channel = `C0${error.toUpperCase().replace(/_/g, "")}`;
      answerChannel(channel, { body: { ok: false, error } });
      const failure = await failureOf(poster.post(channel, note, "n"));

      expect(failure.retry).toBe(false);
      expect(failure.message).toBe(`Slack refused: ${error}`);
      expect(postsTo(channel)).toHaveLength(1);
    },
  );

  it("hands a rate limit back to be retried after Retry-After, without waiting it out itself", async () => {
    const channel = "C0BUSY01";
    answerChannel(channel, {
      status: 429,
      headers: { "retry-after": "7" },
      body: { ok: false, error: "ratelimited" },
    });
    const failure = await failureOf(poster.post(channel, note, "n"));

    expect(failure.retry).toBe(true);
    expect(failure.afterMs).toBe(7000);
    expect(postsTo(channel)).toHaveLength(1);
  });

  it("does not retry a 500: the message may have been posted, and Slack cannot drop a repeat", async () => {
    const channel = "C0DOWN01";
    answerChannel(channel, { status: 500, body: "internal error" });
    const failure = await failureOf(poster.post(channel, note, "n"));

    expect(failure.retry).toBe(false);
    expect(failure.message).toMatch(/^Slack did not answer .*not retried/);
    expect(postsTo(channel)).toHaveLength(1);
  });

  it("does not retry a dropped connection either", async () => {
    const channel = "C0GONE01";
    answerChannel(channel, "drop");
    const failure = await failureOf(poster.post(channel, note, "n"));

    expect(failure.retry).toBe(false);
    expect(postsTo(channel)).toHaveLength(1);
  });

  it("gives up on a send that never answers after its timeout, and does not send it again", async () => {
    const channel = "C0HUNG01";
    answerChannel(channel, "hang");
    const impatient = slackPoster(
      postingClient(BOT_TOKEN, {
        slackApiUrl: `${web.url}/`,
        logger: boltLogger(createLogger("silent")),
        timeout: 200,
      }),
      render,
    );
    const failure = await failureOf(impatient.post(channel, note, "n"));

    expect(failure.retry).toBe(false);
    expect(failure.message).toMatch(/^Slack did not answer .*not retried/);
    expect(postsTo(channel)).toHaveLength(1);
  });

  it("has a timeout by default, where WebClient has none", () => {
    const client = postingClient(BOT_TOKEN, { logger: boltLogger(createLogger("silent")) });
    expect((client as unknown as { timeout: number }).timeout).toBe(SLACK_CALL_TIMEOUT_MS);
    expect(SLACK_CALL_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
  });
});
