import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expulsionSeries } from "../../../src/chart/expulsion-series.ts";
import { expulsionAlt, expulsionSummary } from "../../../src/chart/expulsion-words.ts";
import { escapeMrkdwn } from "../../../src/render/slack/mrkdwn.ts";
import { bundledContext } from "../../support/context.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  slashCommandFields,
  startFakeWebApi,
  startResponseUrls,
} from "../../support/fake-slack.ts";
import { type RunningHttpSlack, signedPost, startHttpSlack } from "./http-harness.ts";

// The real /chart on Slack over HTTP: the chart drawn from the bundled data (vega and resvg,
// hence slow) goes up whole and is shared with the command's own summary and alt text.

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

describe("/barents-chart on Slack", () => {
  it("shares the drawn PNG into the channel with the summary and the alt text", async () => {
    const fields = slashCommandFields("/barents-chart", "expulsions 2020 2023", urls.url("chart"));
    expect((await signedPost(app.base, fields)).status).toBe(200);
    const answer = await urls.at("chart");
    expect(answer.response_type).toBe("in_channel");

    const complete = await web.calls.find((c) => c.method === "files.completeUploadExternal");
    const [file] = JSON.parse(complete.params.files ?? "[]") as Array<{ id: string }>;
    const upload = await web.uploads.find((u) => u.fileId === file?.id);
    const png = PNG.sync.read(upload.bytes);
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(200);

    const series = expulsionSeries(bundledContext().index, 2020, 2023);
    if (!series) throw new Error("the bundled data has no expulsions in 2020–2023");
    expect(web.tickets.get(file?.id ?? "")).toMatchObject({
      filename: "expulsions-2020-2023.png",
      length: String(upload.bytes.length),
      alt_txt: expulsionAlt(series),
    });
    expect(complete.params).toMatchObject({
      channel_id: "C0CHANNEL",
      initial_comment: escapeMrkdwn(expulsionSummary(series)),
    });
  });
});
