import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_ALT_TEXT } from "../../../src/adapters/slack/image-share.ts";
import { createLogger } from "../../../src/logger.ts";
import { encodeCall } from "../../../src/reply/call-codec.ts";
import {
  buttonPress,
  FAKE_IDS,
  type FakeWebApi,
  type ResponseUrls,
  slashCommandFields,
  startFakeWebApi,
  startResponseUrls,
  type WebApiCall,
  type WebApiOverride,
} from "../../support/fake-slack.ts";
import { Inbox } from "../../support/inbox.ts";
import {
  ALT,
  COMMANDS_WITH_PICTURE,
  PICTURE,
  PNG_SIGNATURE,
  SUMMARY,
} from "../../support/picture-command.ts";
import { appMentionEvent, directMessageEvent, eventCallback } from "../../support/slack-events.ts";
import { type RunningHttpSlack, signedJson, signedPost, startHttpSlack } from "./http-harness.ts";

// A reply's picture on Slack, end to end against the fake Web API: after the text reply, the
// PNG goes up by files.getUploadURLExternal, a POST to the upload URL and
// files.completeUploadExternal, shared into the channel (or thread) the request came from with
// the reply's summary as its comment and its alt text as the image's. Over HTTP here; by
// Socket Mode in image-share-socket.test.ts.

let web: FakeWebApi;
let urls: ResponseUrls;
let app: RunningHttpSlack;
const logLines = new Inbox<Record<string, unknown>>();
const logger = createLogger("info", { write: (line: string) => logLines.push(JSON.parse(line)) });

beforeAll(async () => {
  web = await startFakeWebApi();
  urls = await startResponseUrls();
  app = await startHttpSlack(web, {}, COMMANDS_WITH_PICTURE, logger);
});

afterEach(() => {
  web.overrides.length = 0;
});

afterAll(async () => {
  // The fake first: a call held open by a test ends with it, and so does the request it is in.
  await Promise.all([web.close(), urls.close()]);
  await app.stop();
});

/** Makes Slack answer `method` with `answer` until the test ends. */
function slackAnswers(method: string, answer: ReturnType<WebApiOverride>) {
  web.overrides.push((call) => (call.method === method ? answer : undefined));
}

/** A slash command from `channel`, answered at the response_url called `name`. */
function command(text: string, channel: string, name: string) {
  const fields = slashCommandFields("/barents-picture", text, urls.url(name));
  return signedPost(app.base, { ...fields, channel_id: channel });
}

const completedIn = (channel: string) =>
  web.calls.find(
    (c) => c.method === "files.completeUploadExternal" && c.params.channel_id === channel,
  );

const filesOf = (call: WebApiCall) =>
  JSON.parse(call.params.files ?? "[]") as Array<{ id: string; title?: string }>;

/** What files.getUploadURLExternal was asked when it handed out file `id`. */
const ticketOf = (id: string | undefined) => web.tickets.get(id ?? "");

/** Every message posted to the response_url called `name`, once `count` have arrived. */
async function postsTo(name: string, count: number) {
  const mine = () => urls.posts.all.filter((p) => urls.url(name).endsWith(p.path));
  await urls.posts.find(() => mine().length >= count);
  return mine().map((p) => p.body);
}

describe("a chart on Slack over HTTP", () => {
  it("answers in text, then uploads the PNG and shares it into the channel with its summary", async () => {
    const res = await command("", "C0CHART", "chart");
    expect(res.status).toBe(200);
    const [answer] = await postsTo("chart", 1);
    expect(answer?.response_type).toBe("in_channel");

    const complete = await completedIn("C0CHART");
    const [file] = filesOf(complete);
    const ticket = ticketOf(file?.id);
    // The upload URL's request: Slack's own parameter for the alt text is alt_txt.
    expect(ticket).toMatchObject({
      filename: "expulsions-2020-2021.png",
      length: String(PICTURE.byteLength),
      alt_txt: ALT,
    });
    // The bytes are the PNG, whole: its signature, its declared length, its own size.
    const upload = await web.uploads.find((u) => u.fileId === file?.id);
    expect([...upload.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(upload.bytes.length).toBe(PICTURE.byteLength);
    // Its header chunk (IHDR) first, with the picture's width and height.
    expect(upload.bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect([upload.bytes.readUInt32BE(16), upload.bytes.readUInt32BE(20)]).toEqual([7, 5]);
    // The upload URL is Slack's pre-signed one: the bot token is not sent to it.
    expect(upload.authorization).toBeUndefined();
    // Shared into the channel the command came from, outside any thread, with the summary.
    expect(complete.params.thread_ts).toBeUndefined();
    expect(complete.params.initial_comment).toBe(SUMMARY);
    expect(file?.title).toBe("Expulsions between Norway and Russia, 2020–2021");
  });

  it("acks within Slack's 3 s and posts the text even while the upload is still going", async () => {
    slackAnswers("files.getUploadURLExternal", "hang");
    const res = await command("", "C0SLOW", "slow");
    expect(res.status).toBe(200);
    const [answer] = await postsTo("slow", 1);
    expect(JSON.stringify(answer?.blocks)).toContain("Expulsions between Norway and Russia");
    await web.calls.find((c) => c.method === "files.getUploadURLExternal");
  });

  it("shares the picture of a mention in a thread into that thread", async () => {
    const event = appMentionEvent({
      channel: "C0THREAD",
      text: `<@${FAKE_IDS.botUser}> picture`,
      ts: "1700000500.000900",
      thread_ts: "1700000500.000100",
    });
    expect((await signedJson(app.base, eventCallback(event))).status).toBe(200);
    const complete = await completedIn("C0THREAD");
    expect(complete.params.thread_ts).toBe("1700000500.000100");
    expect(complete.params.initial_comment).toBe(SUMMARY);
    // The text answer went first, to the same thread.
    const text = web.calls.all.findIndex(
      (c) => c.method === "chat.postMessage" && c.params.channel === "C0THREAD",
    );
    expect(text).toBeGreaterThanOrEqual(0);
    expect(text).toBeLessThan(web.calls.all.indexOf(complete));
  });

  it("shares the picture of a direct message into the DM itself, outside any thread", async () => {
    const event = directMessageEvent({ channel: "D0DM", text: "picture" });
    expect((await signedJson(app.base, eventCallback(event))).status).toBe(200);
    const complete = await completedIn("D0DM");
    expect(complete.params.thread_ts).toBeUndefined();
  });

  it("uploads nothing for an answer without a picture", async () => {
    const fields = slashCommandFields("/barents-expulsions", "2023", urls.url("plain"));
    await signedPost(app.base, { ...fields, channel_id: "C0PLAIN" });
    await postsTo("plain", 1);
    // The picture command after it is shared; nothing came before it for this channel.
    await command("", "C0PLAIN", "plain-picture");
    const complete = await completedIn("C0PLAIN");
    const shares = web.calls.all.filter((c) => c.method === "files.completeUploadExternal");
    expect(shares.filter((c) => c.params.channel_id === "C0PLAIN")).toEqual([complete]);
    expect(await postsTo("plain", 1)).toHaveLength(1);
  });

  it("shares the picture of a button pressed in a thread into that thread", async () => {
    const press = {
      ...buttonPress(
        "barents:suggest:0",
        encodeCall({ command: "picture", options: {} }),
        urls.url("press"),
      ),
      channel: { id: "C0PRESS", name: "general" },
      message: { type: "message", ts: "1700000600.000900", thread_ts: "1700000600.000100" },
    };
    const res = await signedPost(app.base, { payload: JSON.stringify(press) });
    expect(res.status).toBe(200);
    const complete = await completedIn("C0PRESS");
    expect(complete.params.thread_ts).toBe("1700000600.000100");
  });

  it("keeps mentions off: a summary holding <!channel> is shared escaped", async () => {
    // Slack sends &, < and > in a command's text as entities.
    await command('"&lt;!channel&gt; &amp; co"', "C0LOUD", "loud");
    const complete = await completedIn("C0LOUD");
    expect(complete.params.initial_comment).toBe("&lt;!channel&gt; &amp; co");
  });

  it("says which scope is missing and how to add it, when the app was installed without it", async () => {
    slackAnswers("files.getUploadURLExternal", {
      body: {
        ok: false,
        error: "missing_scope",
        needed: "files:write",
        provided: "commands,chat:write",
      },
    });
    await command("", "C0NOSCOPE", "noscope");
    const [answer, note] = await postsTo("noscope", 2);
    expect(answer?.response_type).toBe("in_channel");
    expect(note).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(note?.text).toContain("`files:write` scope");
    expect(note?.text).toContain("reinstall the app");
    expect(note?.text).toContain("npm run slack:manifest");
    expect(web.calls.all.some((c) => c.params.channel_id === "C0NOSCOPE")).toBe(false);
  });

  it("tells the person to invite the app when Slack will not share into a channel it is not in", async () => {
    slackAnswers("files.completeUploadExternal", { body: { ok: false, error: "not_in_channel" } });
    await command("", "C0OUTSIDE", "outside");
    const [, note] = await postsTo("outside", 2);
    expect(note?.text).toContain("/invite @barents");
  });

  it("leaves the text reply standing and logs why when the upload fails", async () => {
    slackAnswers("upload", { status: 500, body: "upstream trouble" });
    await command("", "C0BROKEN", "broken");
    const [answer] = await postsTo("broken", 1);
    expect(answer?.response_type).toBe("in_channel");
    const line = await logLines.find((l) => l.channel === "C0BROKEN");
    expect(line).toMatchObject({
      msg: "Slack chart upload failed",
      problem: "the upload answered HTTP 500",
      file: "expulsions-2020-2021.png",
    });
    expect(web.calls.all.some((c) => c.params.channel_id === "C0BROKEN")).toBe(false);
    expect(await postsTo("broken", 1)).toHaveLength(1);
    expect(logLines.all.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it("survives a connection Slack drops mid-share, logging it", async () => {
    slackAnswers("files.completeUploadExternal", "drop");
    await command("", "C0DROP", "drop");
    const line = await logLines.find((l) => l.channel === "C0DROP");
    expect(line.msg).toBe("Slack chart upload failed");
    expect(await postsTo("drop", 1)).toHaveLength(1);
  });

  it("clips an alt text past Slack's 1000 characters rather than have the upload refused", async () => {
    await command("alt:1500", "C0LONG", "long");
    const [file] = filesOf(await completedIn("C0LONG"));
    const alt = ticketOf(file?.id)?.alt_txt ?? "";
    expect(alt).toHaveLength(MAX_ALT_TEXT);
    expect(alt.endsWith("…")).toBe(true);
  });
});
