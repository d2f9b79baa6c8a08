import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";
import { bundledContext } from "../../support/context.ts";
import {
  type FakeSocket,
  type FakeWebApi,
  type ResponseUrls,
  slashCommandFields,
  startFakeSocket,
  startFakeWebApi,
  startResponseUrls,
} from "../../support/fake-slack.ts";
import {
  COMMANDS_WITH_PICTURE,
  PICTURE,
  PNG_SIGNATURE,
  SUMMARY,
} from "../../support/picture-command.ts";

// A reply's picture by Socket Mode: the same listeners as over HTTP (image-share.test.ts), so
// one command end to end shows the upload and the share happen on this transport too.

let socket: FakeSocket;
let web: FakeWebApi;
let urls: ResponseUrls;
let slack: RunningSlack;

beforeAll(async () => {
  socket = await startFakeSocket();
  web = await startFakeWebApi({ socketUrl: socket.url });
  urls = await startResponseUrls();
  slack = await startSlack(
    {
      config: loadConfig({
        SLACK_BOT_TOKEN: "xoxb-3333-4444-fakebottoken",
        SLACK_APP_TOKEN: "xapp-1-A0FAKE-5555-fakeapptoken",
        SLACK_API_URL: web.url,
        LOG_LEVEL: "silent",
      }),
      ctx: { ...bundledContext(), commands: COMMANDS_WITH_PICTURE },
      logger: createLogger("silent"),
      log: () => {},
    },
    { retryConfig: { retries: 0 } },
  );
});

afterAll(async () => {
  await slack.stop();
  await Promise.all([socket.close(), web.close(), urls.close()]);
});

describe("a chart on Slack by Socket Mode", () => {
  it("acks the command, answers in text, then uploads and shares into the channel", async () => {
    socket.send({
      envelope_id: "env-picture-1",
      type: "slash_commands",
      payload: slashCommandFields("/barents-picture", "", urls.url("socket-picture")),
      accepts_response_payload: true,
    });
    await socket.acks.find((a) => a.envelope_id === "env-picture-1");
    const answer = await urls.at("socket-picture");
    expect(answer.response_type).toBe("in_channel");
    const complete = await web.calls.find((c) => c.method === "files.completeUploadExternal");
    expect(complete.params.channel_id).toBe("C0CHANNEL");
    expect(complete.params.initial_comment).toBe(SUMMARY);
    const [upload] = web.uploads.all;
    expect([...(upload?.bytes.subarray(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    expect(upload?.bytes.length).toBe(PICTURE.byteLength);
  });
});
