import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { ChildLog } from "./child-log.ts";
import type { FakeDiscord } from "./fake-discord.ts";
import {
  type FakeWebApi,
  type ResponseUrls,
  slackSignature,
  slashCommandFields,
} from "./fake-slack.ts";
import { cleanEnv, spawnScript } from "./process.ts";

// The real `src/main.ts` as a child process, running Discord (HTTP interactions, posting with a
// bot token) and Slack (HTTP) against the loopback fakes, with one STATE_DIR; and the signed
// requests Discord and Slack would send it, each timed, since their deadlines are what the
// fault tests hold the bot to.

const SIGNING_SECRET = "signing-secret-for-fault-tests";
export const BOT_TOKENS = { discord: "discord-bot-token-for-faults", slack: "xoxb-fault-test" };
const keys = generateKeyPairSync("ed25519");
const PUBLIC_KEY = keys.publicKey
  .export({ format: "der", type: "spki" })
  .subarray(-32)
  .toString("hex");

export interface BotFakes {
  discord: FakeDiscord;
  web: FakeWebApi;
  urls: ResponseUrls;
}

export interface TimedAnswer<T> {
  status: number;
  body: T;
  /** From sending the request to its HTTP response. */
  ms: number;
}

export interface Bot {
  child: ChildProcessWithoutNullStreams;
  log: ChildLog;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Posts a signed interaction to /discord/interactions. */
  discord(interaction: unknown): Promise<TimedAnswer<{ type: number; data?: unknown }>>;
  /** Posts a signed slash command to /slack/events; `answer` waits for its response_url post. */
  slack(
    command: string,
    text: string,
    channel?: string,
  ): Promise<TimedAnswer<string> & { answer: Promise<Record<string, unknown>> }>;
  /**
   * Sends SIGTERM and resolves with the exit code and how long the process took to exit. One
   * still running after `killAfterMs` is killed (code null), so a stop that hangs fails the test
   * rather than outliving it.
   */
  terminate(killAfterMs?: number): Promise<{ code: number | null; ms: number }>;
}

let requests = 0;

/** A request as Discord signs it: the body and the headers to send with it. */
export function signedInteraction(interaction: unknown): {
  body: string;
  headers: Record<string, string>;
} {
  const body = JSON.stringify(interaction);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature.toString("hex"),
      "x-signature-timestamp": timestamp,
    },
  };
}

/** A slash command as Slack signs it; its answer goes to the response URL named `name`. */
export function signedSlashCommand(
  urls: ResponseUrls,
  name: string,
  command: string,
  text: string,
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams(slashCommandFields(command, text, urls.url(name))).toString();
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(SIGNING_SECRET, body),
    },
  };
}

/** Starts the bot and waits until it serves requests ("Barents ready"). */
export async function startBot(
  fakes: BotFakes,
  stateDir: string,
  env: Record<string, string> = {},
): Promise<Bot> {
  const child = spawnScript(
    "src/main.ts",
    cleanEnv({
      LOG_LEVEL: "info",
      PORT: "0",
      HOST: "127.0.0.1",
      STATE_DIR: stateDir,
      DISCORD_TOKEN: BOT_TOKENS.discord,
      DISCORD_PUBLIC_KEY: PUBLIC_KEY,
      DISCORD_API_URL: fakes.discord.api,
      SLACK_BOT_TOKEN: BOT_TOKENS.slack,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fakes.web.url,
      ...env,
    }),
  );
  const log = new ChildLog(child);
  try {
    const listening = await log.line("HTTP server listening");
    await log.line("Barents ready");
    const base = `http://127.0.0.1:${listening.port}`;
    return {
      child,
      log,
      base,
      discord: async (interaction) => {
        const { body, headers } = signedInteraction(interaction);
        const started = performance.now();
        const res = await fetch(`${base}/discord/interactions`, { method: "POST", headers, body });
        const answer = (await res.json()) as { type: number; data?: unknown };
        return { status: res.status, body: answer, ms: performance.now() - started };
      },
      slack: async (command, text, channel) => {
        requests += 1;
        const name = `fault-${requests}`;
        const fields = slashCommandFields(command, text, fakes.urls.url(name));
        if (channel) fields.channel_id = channel;
        const form = new URLSearchParams(fields).toString();
        const started = performance.now();
        const res = await fetch(`${base}/slack/events`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            ...slackSignature(SIGNING_SECRET, form),
          },
          body: form,
        });
        const body = await res.text();
        const ms = performance.now() - started;
        return { status: res.status, body, ms, answer: fakes.urls.at(name) };
      },
      terminate: async (killAfterMs = 30_000) => {
        const sent = performance.now();
        child.kill("SIGTERM");
        const kill = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        const exit = await log.exited;
        clearTimeout(kill);
        return { code: exit.code, ms: exit.at - sent };
      },
    };
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
}
