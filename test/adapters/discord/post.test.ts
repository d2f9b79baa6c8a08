import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { discordPoster } from "../../../src/adapters/discord/post.ts";
import { postingRest } from "../../../src/adapters/discord/rest.ts";
import { renderDiscord } from "../../../src/render/discord/message.ts";
import { dailyNote } from "../../../src/schedule/daily-note.ts";
import { type Poster, PostFailure, postNonce } from "../../../src/schedule/delivery.ts";
import { bundledContext } from "../../support/context.ts";
import {
  FAKE_DISCORD,
  type FakeDiscord,
  type RestRequest,
  startFakeDiscord,
} from "../../support/fake-discord.ts";
import { testImage } from "../../support/pictures.ts";

// Scheduled posts to Discord end to end: the real discord.js REST client as postingRest sets it
// up, with the bot token, sending to a loopback fake Discord that answers as Discord does — or as
// a test tells it to.

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.poster-token";
const CHANNEL = FAKE_DISCORD.channelId;

const note = dailyNote(bundledContext().index, { year: 2026, month: 10, day: 30 }, "month");
if (!note) throw new Error("the bundled data has nothing for 30 October");

let fake: FakeDiscord;
let poster: Poster;

beforeAll(async () => {
  fake = await startFakeDiscord();
  poster = discordPoster(postingRest({ DISCORD_API_URL: fake.api }, TOKEN));
});

afterEach(() => {
  fake.overrides.length = 0;
});

afterAll(async () => {
  await fake?.close();
});

/** Every POST /channels/:channel/messages the fake has received so far. */
function messagePosts(channel: string): RestRequest[] {
  return fake.requests.all.filter(
    (r) => r.method === "POST" && r.path === `/channels/${channel}/messages`,
  );
}

/** Makes the fake answer every message posted to `channel` with `status` and `body`. */
function answerChannel(channel: string, status: number, body?: unknown): void {
  fake.overrides.push((r) =>
    r.method === "POST" && r.path === `/channels/${channel}/messages`
      ? { status, body }
      : undefined,
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

describe("discordPoster sending a scheduled post", () => {
  it("posts a picture as files[0], with its nonce, never inside the JSON", async () => {
    const image = testImage(16, 12);
    await poster.post(CHANNEL, { ...note, image }, "picture-post-nonce");
    const [request] = messagePosts(CHANNEL).slice(-1);
    expect(request?.body).toMatchObject({
      nonce: "picture-post-nonce",
      attachments: [{ id: "0", filename: image.fileName, description: image.alt }],
    });
    expect(request?.body).not.toHaveProperty("files");
    expect(request?.files[0]?.data.equals(Buffer.from(image.png))).toBe(true);
  });

  it("posts the rendered note with mentions off, its nonce enforced, as the bot", async () => {
    const nonce = postNonce({ platform: "discord", channel: CHANNEL }, "2026-10-30");
    const before = fake.messages.length;
    await poster.post(CHANNEL, note, nonce);

    const [request] = messagePosts(CHANNEL).slice(-1);
    const rendered = renderDiscord(note);
    expect(request?.authorization).toBe(`Bot ${TOKEN}`);
    expect(request?.body).toMatchObject({
      embeds: rendered.embeds,
      allowed_mentions: { parse: [] },
      nonce,
      enforce_nonce: true,
    });
    expect(JSON.stringify(request?.body)).toContain("On this day: 30 October");
    expect(fake.messages.length).toBe(before + 1);
    expect(fake.messages.at(-1)).toMatchObject({ channel_id: CHANNEL, nonce });
  });

  it("makes no second message when a send is repeated with the same nonce", async () => {
    const channel = "100000000000000040";
    const nonce = postNonce({ platform: "discord", channel }, "2026-10-31");
    await poster.post(channel, note, nonce);
    await poster.post(channel, note, nonce);

    expect(messagePosts(channel)).toHaveLength(2);
    expect(fake.messages.filter((m) => m.channel_id === channel)).toHaveLength(1);
  });

  it("makes a new message for a new nonce in the same channel", async () => {
    const channel = "100000000000000041";
    await poster.post(channel, note, "nonce-day-one");
    await poster.post(channel, note, "nonce-day-two");
    expect(fake.messages.filter((m) => m.channel_id === channel)).toHaveLength(2);
  });
});

describe("discordPoster when Discord says no", () => {
  it.each([
    { channel: "100000000000000050", status: 403, message: "Missing Access", code: 50001 },
    { channel: "100000000000000051", status: 404, message: "Unknown Channel", code: 10003 },
  ])(
    "treats $status $message as final: not retried, code $code in the reason",
    async ({ channel, status, message, code }) => {
      answerChannel(channel, status, { message, code });
      const failure = await failureOf(poster.post(channel, note, `refused-${code}`));

      expect(failure.retry).toBe(false);
      expect(failure.message).toBe(`Discord refused: ${message} (code ${code})`);
      // A 4xx is final to discord.js too: it asked once.
      expect(messagePosts(channel)).toHaveLength(1);
      expect(fake.messages.filter((m) => m.channel_id === channel)).toHaveLength(0);
    },
  );

  it("leaves a 500 to the scheduler to retry, asking once itself", async () => {
    const channel = "100000000000000060";
    answerChannel(channel, 500, { message: "Internal Server Error", code: 0 });
    const failure = await failureOf(poster.post(channel, note, "nonce-500"));

    expect(failure.retry).toBe(true);
    expect(failure.message).toMatch(/^Discord did not answer: /);
    // discord.js would retry a 5xx at once 3 times by default; postingRest leaves it to the
    // scheduler, whose retries carry the same nonce and stay within ONTHISDAY_GRACE.
    expect(messagePosts(channel)).toHaveLength(1);
  });

  it("reports a 429 with how long Discord asked to wait, instead of sleeping it out", async () => {
    const channel = "100000000000000062";
    // As Discord answers: Retry-After in seconds, in the header discord.js reads, and the body.
    fake.overrides.push((r) =>
      r.path === `/channels/${channel}/messages`
        ? {
            status: 429,
            headers: { "retry-after": "3600", "x-ratelimit-scope": "user" },
            body: { message: "You are being rate limited.", retry_after: 3600, global: false },
          }
        : undefined,
    );
    const started = Date.now();
    const failure = await failureOf(poster.post(channel, note, "nonce-429"));

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failure.retry).toBe(true);
    expect(failure.afterMs).toBeGreaterThanOrEqual(3_600_000);
    expect(failure.message).toBe("Discord rate limit: retry after 3600 s");
    expect(messagePosts(channel)).toHaveLength(1);
  });

  it("gives up on a send that never answers after its timeout, as a send to retry", async () => {
    const channel = "100000000000000063";
    fake.overrides.push((r) => (r.path === `/channels/${channel}/messages` ? "hang" : undefined));
    const impatient = discordPoster(postingRest({ DISCORD_API_URL: fake.api }, TOKEN, 200));
    const failure = await failureOf(impatient.post(channel, note, "nonce-hang"));

    expect(failure.retry).toBe(true);
    expect(failure.message).toMatch(/^Discord did not answer: .*abort/i);
    expect(messagePosts(channel)).toHaveLength(1);
  });
});
