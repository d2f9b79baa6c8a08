import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { slashCommand } from "../adapters/discord/interactions.ts";
import { signedInteraction, signedSlashCommand, startBot } from "../support/bot-process.ts";
import { seedDuePosts } from "../support/due-posts.ts";
import { type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  startFakeWebApi,
  startResponseUrls,
} from "../support/fake-slack.ts";

// Issue 15, a clean shutdown: SIGTERM reaches a process with HTTP requests under way and a
// scheduled post due. Every request the server had taken gets its whole answer, the post is
// made once, and the process exits 0. "Under way" is made certain, not hoped for: each request
// has sent its headers and all but the last byte of its body when the signal comes, and only
// then sends the rest.

let discord: FakeDiscord;
let web: FakeWebApi;
let urls: ResponseUrls;
let dir: string;

beforeAll(async () => {
  [discord, web, urls] = await Promise.all([
    startFakeDiscord(),
    startFakeWebApi(),
    startResponseUrls(),
  ]);
  dir = mkdtempSync(join(tmpdir(), "barents-stop-load-"));
});

afterAll(async () => {
  await Promise.all([discord.close(), web.close(), urls.close()]);
  rmSync(dir, { recursive: true, force: true });
});

interface HeldRequest {
  /** Sends the last byte of the body. */
  finish(): void;
  answer: Promise<{ status: number; body: string }>;
}

/** A POST whose body stops one byte short until finish(). */
function held(
  base: string,
  path: string,
  signed: { body: string; headers: Record<string, string> },
): HeldRequest {
  const bytes = Buffer.from(signed.body);
  const req = request(`${base}${path}`, {
    method: "POST",
    headers: { ...signed.headers, "content-length": String(bytes.length) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += String(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
  req.write(bytes.subarray(0, -1));
  return { finish: () => req.end(bytes.subarray(-1)), answer };
}

describe("SIGTERM under load", { timeout: 60_000 }, () => {
  it("answers every request already taken, makes the due post once, and exits 0", async () => {
    const due: ChannelRef[] = [
      { platform: "discord", channel: "500000000000000001" },
      { platform: "slack", channel: "C0LOAD01" },
    ];
    await seedDuePosts(dir, due);
    const bot = await startBot({ discord, web, urls }, dir);
    try {
      const discords = Array.from({ length: 6 }, () =>
        held(
          bot.base,
          "/discord/interactions",
          signedInteraction(slashCommand("who", { name: "huitfeldt" })),
        ),
      );
      const slacks = Array.from({ length: 4 }, (_, i) =>
        held(
          bot.base,
          "/slack/events",
          signedSlashCommand(urls, `load-${i}`, "/barents", "who huitfeldt"),
        ),
      );
      // The server has taken every connection above once it has answered one opened after them.
      expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);

      const exit = bot.log.exited;
      bot.child.kill("SIGTERM");
      await bot.log.line("shutting down");
      for (const r of [...discords, ...slacks]) r.finish();

      for (const r of discords) {
        const { status, body } = await r.answer;
        expect(status).toBe(200);
        expect(JSON.stringify(JSON.parse(body))).toContain("Huitfeldt");
      }
      for (const [i, r] of slacks.entries()) {
        expect((await r.answer).status).toBe(200);
        expect(JSON.stringify(await urls.at(`load-${i}`))).toContain("Huitfeldt");
      }
      expect((await exit).code).toBe(0);
    } finally {
      bot.child.kill("SIGKILL");
    }
    // The post due at start-up was made once on each platform, before or during the stop.
    const toDiscord = discord.requests.all.filter(
      (r) => r.method === "POST" && r.path === `/channels/${due[0]?.channel}/messages`,
    );
    const toSlack = web.calls.all.filter(
      (c) => c.method === "chat.postMessage" && c.params.channel === due[1]?.channel,
    );
    expect(toDiscord).toHaveLength(1);
    expect(toSlack).toHaveLength(1);
  });

  it("is not held up by a client that never finishes its request: one limit from the signal", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "barents-stop-slow-"));
    const ref: ChannelRef = { platform: "discord", channel: "500000000000000002" };
    await seedDuePosts(stateDir, [ref]);
    // The post's send never answers; a client sends all but the last byte of a request, ever.
    discord.overrides.push((r) =>
      r.method === "POST" && r.path === `/channels/${ref.channel}/messages` ? "hang" : undefined,
    );
    const bot = await startBot({ discord, web, urls }, stateDir, { SHUTDOWN_LIMIT: "2s" });
    try {
      await discord.request("POST", `/channels/${ref.channel}/messages`);
      held(
        bot.base,
        "/discord/interactions",
        signedInteraction(slashCommand("who", { name: "x" })),
      ).answer.catch(() => {});
      expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
      const stopped = await bot.terminate();
      expect(stopped.code).toBe(0);
      // The HTTP close and the posts' drain share the 2 s; then five seconds of margin.
      expect(stopped.ms).toBeLessThan(7000);
      expect(bot.log.all((l) => l.msg === "post not made")).toEqual([
        expect.objectContaining({
          reason: expect.stringMatching(/^cut off by shutdown after 2 s/),
        }),
      ]);
    } finally {
      discord.overrides.pop();
      bot.child.kill("SIGKILL");
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
