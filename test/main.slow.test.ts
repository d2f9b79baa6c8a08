import { generateKeyPairSync, sign } from "node:crypto";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiscord } from "./support/fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  slackSignature,
  slashCommandFields,
  startFakeSocket,
  startFakeWebApi,
  startResponseUrls,
} from "./support/fake-slack.ts";
import { cleanEnv, logLine, spawnScript, startScript } from "./support/process.ts";

// `npm start` as an operator runs it: the credentials in the environment decide what starts,
// both HTTP platforms share one port, and SIGTERM stops the process cleanly.

const SECRET = "signing-secret-for-tests";
const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const PUBLIC_KEY = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url").toString(
  "hex",
);

let web: FakeWebApi;
let urls: ResponseUrls;

beforeAll(async () => {
  web = await startFakeWebApi();
  urls = await startResponseUrls();
});
afterAll(async () => {
  await web.close();
  await urls.close();
});

// Each test starts a real process (tsx, discord.js and Bolt loading): seconds on a busy machine.
describe("npm start with credentials", { timeout: 60_000 }, () => {
  it("serves Discord HTTP interactions and Slack HTTP on one port, with /healthz, until SIGTERM", async () => {
    const child = spawnScript(
      "src/main.ts",
      cleanEnv({
        LOG_LEVEL: "info",
        PORT: "0",
        HOST: "127.0.0.1",
        DISCORD_PUBLIC_KEY: PUBLIC_KEY,
        SLACK_BOT_TOKEN: "xoxb-main-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: web.url,
      }),
    );
    try {
      const listening = await logLine(child, "HTTP server listening");
      const base = `http://127.0.0.1:${listening.port}`;
      expect(listening.paths).toEqual(
        expect.arrayContaining(["/slack/events", "/discord/interactions"]),
      );

      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const ping = JSON.stringify({
        type: 1,
        id: "1",
        application_id: "2",
        token: "t",
        version: 1,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + ping), privateKey).toString("hex");
      const pong = await fetch(`${base}/discord/interactions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-signature-ed25519": signature,
          "x-signature-timestamp": timestamp,
        },
        body: ping,
      });
      expect(await pong.json()).toEqual({ type: 1 });

      const form = new URLSearchParams(
        slashCommandFields("/expulsions", "2023", urls.url("main-test")),
      ).toString();
      const ack = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...slackSignature(SECRET, form),
        },
        body: form,
      });
      expect(ack.status).toBe(200);
      expect(JSON.stringify(await urls.at("main-test"))).toContain("2023");

      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("runs Discord's gateway and Slack's Socket Mode side by side, with no HTTP port", async () => {
    const discord = await startFakeDiscord();
    const socket = await startFakeSocket();
    const socketWeb = await startFakeWebApi({ socketUrl: socket.url });
    const child = spawnScript(
      "src/main.ts",
      cleanEnv({
        LOG_LEVEL: "info",
        DISCORD_TOKEN: "discord-bot-token-for-tests",
        DISCORD_API_URL: discord.api,
        SLACK_BOT_TOKEN: "xoxb-main-test",
        SLACK_APP_TOKEN: "xapp-main-test",
        SLACK_API_URL: socketWeb.url,
      }),
    );
    const seen: string[] = [];
    child.stderr.on("data", (chunk) => seen.push(String(chunk)));
    try {
      await Promise.all([
        logLine(child, "Discord gateway ready"),
        logLine(child, "Slack ready"),
        logLine(child, "Barents ready"),
        socket.connected,
      ]);
      const identify = await discord.identifies.next();
      expect(identify.intents).toBe(4609); // Guilds, GuildMessages, DirectMessages: none privileged

      socket.send({
        envelope_id: "env-main-1",
        type: "slash_commands",
        payload: slashCommandFields("/who", "huitfeldt", urls.url("main-socket")),
        accepts_response_payload: true,
      });
      expect((await socket.acks.next()).envelope_id).toBe("env-main-1");
      expect(JSON.stringify(await urls.at("main-socket"))).toContain("Huitfeldt");

      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      const log = seen.join("");
      expect(log).not.toContain("HTTP server listening");
      for (const token of ["discord-bot-token-for-tests", "xoxb-main-test", "xapp-main-test"])
        expect(log).not.toContain(token);
    } finally {
      child.kill("SIGKILL");
      await Promise.all([discord.close(), socket.close(), socketWeb.close()]);
    }
  });

  it("stops with one line and exit 1 when STORE_URL's PostgreSQL cannot be reached, never printing its password", async () => {
    // The console alone keeps no schedule; a platform that can post opens the store.
    const web = await startFakeWebApi();
    const result = await startScript(
      "src/main.ts",
      "",
      cleanEnv({
        STORE_URL: "postgres://barents:pg-secret-pass@127.0.0.1:1/barents",
        SLACK_BOT_TOKEN: "xoxb-store-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: web.url,
        PORT: "0",
      }),
    ).finally(() => web.close());
    expect(result.status).toBe(1);
    const said = result.stderr.split("\n").filter((line) => line.includes("cannot start"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /Barents cannot start: .*STORE_URL=postgres:\/\/barents:\*\*\*@127\.0\.0\.1:1\/barents.*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain("pg-secret-pass");
  });

  it("stops with one line and exit 1 when Slack refuses the token, never printing it", async () => {
    const refusing = await startFakeWebApi({ acceptTokens: false });
    try {
      const result = await startScript(
        "src/main.ts",
        "",
        cleanEnv({
          SLACK_BOT_TOKEN: "xoxb-revoked-token",
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: refusing.url,
          PORT: "0",
        }),
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Barents cannot start: .*invalid_auth/);
      expect(result.stderr).not.toContain("xoxb-revoked-token");
    } finally {
      await refusing.close();
    }
  });
});
