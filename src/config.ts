import { z } from "zod";
import { BUILT_IN_COMMANDS } from "./adapters/slack/names.ts";
import { parseChannelList, parseDailyTime, parseDuration } from "./schedule/daily-time.ts";
import { parseStoreUrl, STORE_URL_FORMS } from "./store/store-location.ts";
import { isTimeZoneName } from "./time-zone-name.ts";

// Every setting comes from the environment (or .env), is checked once at start-up, and is
// described in .env.example. A bad value stops start-up with a message naming the variable,
// what it takes and an example, in our words: every check below carries its own message, since
// zod's ("Invalid option: expected one of…", "Too big: expected number to be <=65535") are
// written for programmers. Messages never repeat a value, so a mistyped token cannot end up in a
// terminal or a log (a channel list names the one entry it cannot read, which is no secret).

/** A copied .env.example leaves `NAME=`: an empty value means unset, so defaults apply. */
function unsetIfEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema);
}

const secret = (what: string, example: string, pattern = /^\S+$/) =>
  unsetIfEmpty(
    z.string().trim().regex(pattern, `is not ${what}; for example ${example}`).optional(),
  );

const snowflake = (what: string) =>
  unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^\d{15,21}$/, `is not ${what} (15 to 21 digits); for example 1234567890123456789`)
      .optional(),
  );

const baseUrl = (example: string) =>
  unsetIfEmpty(
    z
      .url({ protocol: /^https?$/, error: `is not an http(s) URL; for example ${example}` })
      .optional(),
  );

const onOff = (example: "on" | "off") =>
  z.enum(["on", "off"], { error: `must be on or off; for example ${example}` });

const portNumber = (example: number) => {
  const error = `must be a port number from 0 to 65535; for example ${example}`;
  return z.coerce.number({ error }).int({ error }).min(0, { error }).max(65535, { error });
};

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z
  .object({
    DATA_DIR: unsetIfEmpty(z.string().trim().min(1).optional()),
    BOT_TIMEZONE: unsetIfEmpty(z.string().default("Europe/Oslo")).refine(isTimeZoneName, {
      message:
        "is not an IANA time zone (Area/City, from the tz database); for example Europe/Oslo or America/New_York",
    }),
    LOG_LEVEL: unsetIfEmpty(
      z
        .enum(LOG_LEVELS, {
          error: "must be fatal, error, warn, info, debug, trace or silent; for example info",
        })
        .default("info"),
    ),

    DISCORD_TOKEN: secret(
      "a bot token (one word, no spaces: Developer Portal → Bot → Reset Token)",
      "MTIzNDU2.AbCdEf.xyz123",
    ),
    DISCORD_APPLICATION_ID: snowflake("an application id"),
    DISCORD_GUILD_ID: snowflake("a server (guild) id"),
    DISCORD_PUBLIC_KEY: secret(
      "a public key (64 hexadecimal characters: Developer Portal → General Information)",
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      /^[0-9a-fA-F]{64}$/,
    ),
    DISCORD_API_URL: baseUrl("https://discord.com/api"),
    DISCORD_SHARDS: unsetIfEmpty(
      z
        .string()
        .trim()
        .optional()
        .transform((text, ctx) => {
          if (text === undefined || text === "auto") return text;
          const count = /^\d{1,4}$/.test(text) ? Number(text) : 0;
          if (count >= 1 && count <= 1000) return count;
          ctx.addIssue({
            code: "custom",
            message: "must be auto or a whole number of shards from 1 to 1000; for example 2",
          });
          return z.NEVER;
        }),
    ),

    SLACK_BOT_TOKEN: secret(
      "a bot token (it starts with xoxb-)",
      "xoxb-1234-5678-abcd",
      /^xoxb-\S+$/,
    ),
    SLACK_APP_TOKEN: secret(
      "an app-level token (it starts with xapp-)",
      "xapp-1-A0123-4567-abcd",
      /^xapp-\S+$/,
    ),
    SLACK_SIGNING_SECRET: secret(
      "a signing secret (one word, no spaces: Basic Information → App Credentials)",
      "8f742231b10e8888abcd99yyyzzz85a5",
    ),
    SLACK_API_URL: baseUrl("https://slack.com/api/"),
    SLACK_COMMAND_PREFIX: unsetIfEmpty(
      z
        .string()
        .trim()
        // Slack's 32-character limit on command names, less "/onthisday-unsubscribe".
        .regex(/^[a-z0-9][a-z0-9_-]{0,9}$/, {
          message: "must be up to 10 lowercase letters, digits, - or _; for example nr-",
        })
        // Never empty: bare /who and /search are Slack's own and cannot install.
        .default("barents-"),
    ),
    SLACK_UMBRELLA_COMMAND: unsetIfEmpty(
      z
        .string()
        .trim()
        // Slack's 32 characters, the slash included.
        .regex(/^[a-z0-9][a-z0-9_-]{0,30}$/, {
          message: "must be up to 31 lowercase letters, digits, - or _; for example barents",
        })
        .refine((name) => !BUILT_IN_COMMANDS.has(name), {
          message:
            "is one of Slack's built-in commands, which no app may declare; for example barents",
        })
        .default("barents"),
    ),

    STATE_DIR: unsetIfEmpty(z.string().trim().min(1).default("./state")),
    STORE_URL: unsetIfEmpty(
      z
        .string()
        .trim()
        // The value is never repeated in the message: it may hold a password.
        .refine((url) => parseStoreUrl(url, ".") !== undefined, {
          message: `is neither form it takes: ${STORE_URL_FORMS}`,
        })
        .optional(),
    ),
    SCHEDULER: unsetIfEmpty(onOff("off").default("on")),
    ONTHISDAY_CHANNELS: unsetIfEmpty(
      z
        .string()
        .default("")
        .transform((text, ctx) => {
          const refs = parseChannelList(text);
          if (typeof refs !== "string") return refs;
          ctx.addIssue({
            code: "custom",
            message: `${refs}; for example discord:1234567890123456789,slack:C0123456789`,
          });
          return z.NEVER;
        }),
    ),
    ONTHISDAY_TIME: unsetIfEmpty(
      z
        .string()
        .default("09:00")
        .transform((text, ctx) => {
          const time = parseDailyTime(text);
          if (time) return time;
          ctx.addIssue({
            code: "custom",
            message: "is not a time of day; for example 09:00 (HH:MM, 24-hour clock)",
          });
          return z.NEVER;
        }),
    ),
    ONTHISDAY_GRACE: unsetIfEmpty(
      z
        .string()
        .default("6h")
        .transform((text, ctx) => {
          const ms = parseDuration(text);
          if (ms !== undefined) return ms;
          ctx.addIssue({
            code: "custom",
            message: "is not a duration; for example 6h or 90m (a number and h, m or s)",
          });
          return z.NEVER;
        }),
    ),
    ONTHISDAY_EMPTY: unsetIfEmpty(
      z
        .enum(["month", "skip", "say"], { error: "must be month, skip or say; for example month" })
        .default("month"),
    ),

    // One outbound call's timeout (10 s): a send that hangs meets it as the stop does. Well
    // inside a supervisor's usual 30 s before kill -9.
    SHUTDOWN_LIMIT: unsetIfEmpty(
      z
        .string()
        .default("10s")
        .transform((text, ctx) => {
          const ms = parseDuration(text);
          if (ms !== undefined && ms > 0) return ms;
          ctx.addIssue({ code: "custom", message: "is not a duration above 0; for example 10s" });
          return z.NEVER;
        }),
    ),

    PORT: unsetIfEmpty(portNumber(3000).default(3000)),
    HOST: unsetIfEmpty(z.string().trim().default("0.0.0.0")),
    METRICS: unsetIfEmpty(onOff("on").default("off")),
    METRICS_PORT: unsetIfEmpty(portNumber(9464).optional()),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, message: string) =>
      ctx.addIssue({ code: "custom", path: [name], message });
    const named = (platform: string) => env.ONTHISDAY_CHANNELS.some((c) => c.platform === platform);
    if (named("discord") && !env.DISCORD_TOKEN)
      need("DISCORD_TOKEN", "is needed to post to the Discord channels in ONTHISDAY_CHANNELS");
    if (named("slack") && !env.SLACK_BOT_TOKEN)
      need("SLACK_BOT_TOKEN", "is needed to post to the Slack channels in ONTHISDAY_CHANNELS");
    if (env.DISCORD_SHARDS !== undefined && !env.DISCORD_TOKEN)
      need("DISCORD_TOKEN", "is needed with DISCORD_SHARDS: shards are gateway connections");
    if (env.DISCORD_SHARDS !== undefined && env.DISCORD_PUBLIC_KEY)
      need(
        "DISCORD_SHARDS",
        "is for the gateway; with DISCORD_PUBLIC_KEY set, interactions come over HTTP and need no shards",
      );
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN)
      need("SLACK_BOT_TOKEN", "is needed with SLACK_APP_TOKEN (Socket Mode)");
    if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN)
      need("SLACK_BOT_TOKEN", "is needed with SLACK_SIGNING_SECRET (HTTP mode)");
    const http = needsHttpServer(transports(env));
    if (env.METRICS === "on" && env.METRICS_PORT === undefined && !http)
      need(
        "METRICS",
        "=on serves /metrics beside the HTTP routes, and nothing here runs over HTTP (Discord's gateway and Slack's Socket Mode need none); set METRICS_PORT to serve it on a port of its own",
      );
    if (
      http &&
      env.METRICS_PORT !== undefined &&
      env.METRICS_PORT !== 0 &&
      env.METRICS_PORT === env.PORT
    )
      need(
        "METRICS_PORT",
        "is the same as PORT; give it a port of its own, or unset it and set METRICS=on",
      );
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
      need(
        "SLACK_APP_TOKEN",
        "or SLACK_SIGNING_SECRET is needed with SLACK_BOT_TOKEN: the first for Socket Mode, the second for HTTP",
      );
  });

export type Config = z.infer<typeof envSchema>;

/** Every variable Barents reads, as .env.example must list them. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks the settings; throws ConfigError naming each bad variable. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`The configuration has problems:\n${lines.join("\n")}`);
}

/** How each platform is reached, decided by which credentials are set. */
export interface Transports {
  /** "gateway": a bot token and no public key; "http": a public key (interactions by POST). */
  discord?: "gateway" | "http";
  /** "socket": an app-level token; "http": a signing secret and no app token. */
  slack?: "socket" | "http";
}

export function transports(
  config: Pick<
    Config,
    "DISCORD_PUBLIC_KEY" | "DISCORD_TOKEN" | "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN"
  >,
): Transports {
  const result: Transports = {};
  if (config.DISCORD_PUBLIC_KEY) result.discord = "http";
  else if (config.DISCORD_TOKEN) result.discord = "gateway";
  if (config.SLACK_BOT_TOKEN) result.slack = config.SLACK_APP_TOKEN ? "socket" : "http";
  return result;
}

/** Whether the one HTTP server (PORT, HOST) is needed: any platform that receives by POST. */
export function needsHttpServer(t: Transports): boolean {
  return t.discord === "http" || t.slack === "http";
}

/**
 * Where GET /metrics is served: on a port of its own when METRICS_PORT is set (with /readyz and
 * /healthz, for a bot with no HTTP routes, or to keep metrics off a public port), else beside
 * the HTTP routes with METRICS=on, else nowhere.
 */
export function metricsPlace(
  config: Pick<Config, "METRICS" | "METRICS_PORT">,
): "own" | "main" | "none" {
  if (config.METRICS_PORT !== undefined) return "own";
  return config.METRICS === "on" ? "main" : "none";
}
