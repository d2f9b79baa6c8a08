import { generateKeyPairSync, sign } from "node:crypto";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordInteractionsRoute } from "../../src/adapters/discord/http.ts";
import { type RunningSlack, startSlack } from "../../src/adapters/slack/app.ts";
import { loadConfig } from "../../src/config.ts";
import { close, createHttpServer, listen } from "../../src/http/server.ts";
import type { Started } from "../../src/startup.ts";
import { capturedLogger } from "../support/captured-logger.ts";
import { bundledContext } from "../support/context.ts";
import { type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  slackSignature,
  startFakeWebApi,
  startResponseUrls,
} from "../support/fake-slack.ts";
import { type FuzzCase, fuzzCases } from "./fuzz-cases.ts";

// Signed random requests against the bot's one HTTP server carrying Slack's and Discord's
// routes (issue 14): whatever arrives, no 5xx and no crash (vitest fails the run on any
// unhandled rejection or uncaught exception). A few thousand cases by default; FUZZ_CASES=100000
// for a longer hunt, FUZZ_SEED to replay a run.

// Each case costs some 5 ms on a loaded 2-core machine: 2,000 keep the test near 10 s.
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CONCURRENCY = 8;
const SLACK_SECRET = "fuzz-signing-secret";
const keys = generateKeyPairSync("ed25519");
const wrongKeys = generateKeyPairSync("ed25519");
const PUBLIC_KEY = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32);

const captured = capturedLogger("warn");
let web: FakeWebApi;
let urls: ResponseUrls;
let discord: FakeDiscord;
let slack: RunningSlack;
let server: Server;
let base = "";

beforeAll(async () => {
  [web, urls, discord] = await Promise.all([
    startFakeWebApi(),
    startResponseUrls(),
    startFakeDiscord(),
  ]);
  const started: Started = {
    config: loadConfig({
      SLACK_BOT_TOKEN: "xoxb-fuzz",
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: web.url,
      DISCORD_PUBLIC_KEY: PUBLIC_KEY.toString("hex"),
      DISCORD_API_URL: discord.api,
    }),
    ctx: bundledContext(),
    logger: captured.logger,
    log: () => {},
  };
  slack = await startSlack(started, { retryConfig: { retries: 0 } });
  const routes = [discordInteractionsRoute(started)];
  if (slack.route) routes.push(slack.route);
  server = createHttpServer(routes, captured.logger);
  base = `http://127.0.0.1:${(await listen(server, 0, "127.0.0.1")).port}`;
});

afterAll(async () => {
  await close(server);
  await slack.stop();
  await Promise.all([web.close(), urls.close(), discord.close()]);
});

function stamp(signing: FuzzCase["signing"]): number {
  const now = Math.floor(Date.now() / 1000);
  if (signing === "stale") return now - 600;
  return signing === "future" ? now + 600 : now;
}

function headersFor(c: FuzzCase): Record<string, string> {
  const timestamp = stamp(c.signing);
  if (c.route === "slack") {
    const secret = c.signing === "bad" ? "not-the-secret" : SLACK_SECRET;
    return slackSignature(secret, c.body, timestamp);
  }
  const key = c.signing === "bad" ? wrongKeys.privateKey : keys.privateKey;
  const signature = sign(null, Buffer.from(`${timestamp}${c.body}`), key);
  return {
    "x-signature-ed25519": signature.toString("hex"),
    "x-signature-timestamp": String(timestamp),
  };
}

async function send(c: FuzzCase): Promise<number> {
  const path = c.route === "slack" ? "/slack/events" : "/discord/interactions";
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": c.contentType, ...headersFor(c) },
    body: c.body,
    // A request nobody answers fails the case rather than the whole run's time limit.
    signal: AbortSignal.timeout(15_000),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("the HTTP routes under signed random requests", () => {
  it(`answers ${CASES} cases (seed ${SEED}) without a 5xx or a crash`, {
    timeout: 120_000,
  }, async () => {
    const cases = fuzzCases(SEED, CASES, urls.url("fuzz"));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    // A pool rather than batches: one slow case holds up only its own worker.
    const worker = async () => {
      for (let i = next++; i < cases.length; i = next++) {
        const c = cases[i] as FuzzCase;
        const status = await send(c);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500)
          failures.push(`#${i} ${c.route}/${c.seed} → ${status}: ${c.body.slice(0, 300)}`);
        // A wrong or out-of-window signature is refused, whatever the body.
        if (c.signing !== "good" && status !== 401) failures.push(`#${i} unsigned → ${status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures.slice(0, 10)).toEqual([]);
    // The fuzzer reached past the signature checks into every kind of answer.
    for (const status of [200, 400, 401]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect(captured.lines.filter((l) => l.msg === "HTTP handler failed")).toEqual([]);
    // Nothing either route was sent counts as our failure: hostile input is logged below error.
    const errors = captured.lines.filter((l) => Number(l.level) >= 50);
    expect(errors.map((l) => l.msg)).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
