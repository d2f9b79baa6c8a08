import { pino } from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type RunningSlack, startSlack } from "../../../src/adapters/slack/app.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Started } from "../../../src/startup.ts";
import { bundledContext } from "../../support/context.ts";
import {
  type FakeSocket,
  type FakeWebApi,
  startFakeSocket,
  startFakeWebApi,
} from "../../support/fake-slack.ts";

// Whether Slack can reach a Socket Mode bot, as /readyz and /metrics read it: true once the
// socket is open, false as soon as it drops.

let socket: FakeSocket;
let web: FakeWebApi;
let slack: RunningSlack | undefined;

afterAll(async () => {
  await slack?.stop();
  await web?.close();
});

describe("Slack's Socket Mode connection state", () => {
  it("is connected once started, and not once the socket drops", async () => {
    socket = await startFakeSocket();
    web = await startFakeWebApi({ socketUrl: socket.url });
    const started: Started = {
      config: loadConfig({
        SLACK_BOT_TOKEN: "xoxb-socket-state",
        SLACK_APP_TOKEN: "xapp-socket-state",
        SLACK_API_URL: web.url,
      }),
      ctx: bundledContext(),
      logger: pino({ level: "silent" }),
      log: () => {},
    };
    slack = await startSlack(started, { retryConfig: { retries: 0 } });
    expect(slack.connected()).toBe(true);
    await socket.close();
    await vi.waitFor(() => expect(slack?.connected()).toBe(false), { timeout: 5000 });
  });
});
