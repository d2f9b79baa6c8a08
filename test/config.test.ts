import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import {
  CONFIG_VARIABLES,
  ConfigError,
  loadConfig,
  metricsPlace,
  needsHttpServer,
  transports,
} from "../src/config.ts";

const KEY = "a".repeat(64);

describe("configuration", () => {
  it("defaults to the bundled data, Europe/Oslo, info logs and port 3000 on every interface", () => {
    expect(loadConfig({})).toEqual({
      BOT_TIMEZONE: "Europe/Oslo",
      LOG_LEVEL: "info",
      SLACK_COMMAND_PREFIX: "barents-",
      SLACK_UMBRELLA_COMMAND: "barents",
      STATE_DIR: "./state",
      SCHEDULER: "on",
      ONTHISDAY_CHANNELS: [],
      ONTHISDAY_TIME: "09:00",
      ONTHISDAY_GRACE: 6 * 3_600_000,
      ONTHISDAY_EMPTY: "month",
      SHUTDOWN_LIMIT: 10_000,
      PORT: 3000,
      HOST: "0.0.0.0",
      METRICS: "off",
    });
  });

  it("treats empty values as unset, as a copied .env.example leaves them", () => {
    const blank = Object.fromEntries(
      ["DATA_DIR", "BOT_TIMEZONE", "LOG_LEVEL", "DISCORD_TOKEN", "SLACK_BOT_TOKEN", "PORT"].map(
        (name) => [name, ""],
      ),
    );
    expect(loadConfig(blank)).toEqual(loadConfig({}));
  });

  it("accepts a data folder and any IANA time zone", () => {
    expect(loadConfig({ DATA_DIR: "/srv/data", BOT_TIMEZONE: "America/New_York" })).toMatchObject({
      DATA_DIR: "/srv/data",
      BOT_TIMEZONE: "America/New_York",
    });
  });

  it("names each bad variable", () => {
    const attempt = () => loadConfig({ BOT_TIMEZONE: "Oslo", LOG_LEVEL: "loud" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/BOT_TIMEZONE: is not an IANA time zone/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });

  it("checks the shape of Discord and Slack settings without repeating their values", () => {
    const attempt = () =>
      loadConfig({
        DISCORD_PUBLIC_KEY: "not-hex-secret-value",
        DISCORD_GUILD_ID: "guild",
        DISCORD_API_URL: "ftp://example.test",
        SLACK_BOT_TOKEN: "xoxp-user-token-value",
        SLACK_SIGNING_SECRET: "s",
        SLACK_COMMAND_PREFIX: "NR prefix",
        PORT: "70000",
      });
    let message = "";
    try {
      attempt();
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      "DISCORD_PUBLIC_KEY",
      "DISCORD_GUILD_ID",
      "DISCORD_API_URL",
      "SLACK_BOT_TOKEN: is not a bot token (it starts with xoxb-)",
      "SLACK_COMMAND_PREFIX",
      "PORT",
    ])
      expect(message).toContain(name);
    expect(message).not.toContain("not-hex-secret-value");
    expect(message).not.toContain("xoxp-user-token-value");
  });

  it("names Slack's commands /barents and /barents-<name> unless told otherwise", () => {
    const config = loadConfig({ SLACK_COMMAND_PREFIX: "nr-", SLACK_UMBRELLA_COMMAND: "nordpol" });
    expect([config.SLACK_COMMAND_PREFIX, config.SLACK_UMBRELLA_COMMAND]).toEqual([
      "nr-",
      "nordpol",
    ]);
    expect(() => loadConfig({ SLACK_UMBRELLA_COMMAND: "search" })).toThrow(
      /SLACK_UMBRELLA_COMMAND: is one of Slack's built-in commands.*for example barents/,
    );
    expect(() => loadConfig({ SLACK_UMBRELLA_COMMAND: "/Barents" })).toThrow(
      /SLACK_UMBRELLA_COMMAND: must be up to 31 lowercase letters/,
    );
  });

  it("asks for the Slack credential that completes a pair", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_APP_TOKEN: or SLACK_SIGNING_SECRET is needed/,
    );
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1" })).toThrow(
      /SLACK_BOT_TOKEN: is needed with SLACK_APP_TOKEN/,
    );
  });
});

describe("a bad value's message", () => {
  // Each variable with a value it refuses: the message names the variable, says what it takes
  // and gives an example, in plain words (never the schema library's "expected…").
  const BAD: [name: string, value: string, allowed: string, example: string][] = [
    ["BOT_TIMEZONE", "Mars/Base", "IANA time zone (Area/City", "Europe/Oslo"],
    ["LOG_LEVEL", "loud", "fatal, error, warn, info, debug, trace or silent", "info"],
    ["DISCORD_TOKEN", "has a space", "one word, no spaces", "MTIzNDU2.AbCdEf.xyz123"],
    ["DISCORD_APPLICATION_ID", "my-app", "15 to 21 digits", "1234567890123456789"],
    ["DISCORD_GUILD_ID", "guild", "15 to 21 digits", "1234567890123456789"],
    ["DISCORD_PUBLIC_KEY", "abc", "64 hexadecimal characters", "9f86d081"],
    ["DISCORD_API_URL", "ftp://example.test", "http(s) URL", "https://discord.com/api"],
    ["DISCORD_SHARDS", "many", "auto or a whole number of shards from 1 to 1000", "2"],
    ["SLACK_BOT_TOKEN", "xoxp-user", "starts with xoxb-", "xoxb-1234-5678-abcd"],
    ["SLACK_APP_TOKEN", "xoxb-1", "starts with xapp-", "xapp-1-A0123-4567-abcd"],
    ["SLACK_SIGNING_SECRET", "two words", "one word, no spaces", "8f742231b10e8888"],
    ["SLACK_API_URL", "slack.com", "http(s) URL", "https://slack.com/api/"],
    ["SLACK_COMMAND_PREFIX", "NR", "up to 10 lowercase letters, digits, - or _", "nr-"],
    ["SLACK_UMBRELLA_COMMAND", "/Barents", "up to 31 lowercase letters", "barents"],
    ["STORE_URL", "mysql://db/x", "sqlite:<file> or postgres://", "sqlite:./state/barents.sqlite"],
    ["SCHEDULER", "maybe", "on or off", "off"],
    ["ONTHISDAY_CHANNELS", "teams:1", "discord: or slack:", "discord:1234567890123456789"],
    ["ONTHISDAY_TIME", "25:00", "HH:MM, 24-hour clock", "09:00"],
    ["ONTHISDAY_GRACE", "soon", "a number and h, m or s", "6h"],
    ["ONTHISDAY_EMPTY", "nothing", "month, skip or say", "month"],
    ["SHUTDOWN_LIMIT", "0", "a duration above 0", "10s"],
    ["PORT", "70000", "a port number from 0 to 65535", "3000"],
    ["PORT", "-1", "a port number from 0 to 65535", "3000"],
    ["PORT", "80.5", "a port number from 0 to 65535", "3000"],
    ["PORT", "http", "a port number from 0 to 65535", "3000"],
    ["METRICS", "yes", "on or off", "on"],
    ["METRICS_PORT", "metrics", "a port number from 0 to 65535", "9464"],
  ];
  // Folders and an address: any text is a value they take (a folder that is not there is
  // reported by what reads it).
  const ANY_VALUE = ["DATA_DIR", "STATE_DIR", "HOST"];

  it("is written for every variable the configuration reads", () => {
    const covered = new Set([...BAD.map(([name]) => name), ...ANY_VALUE]);
    expect([...covered].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it.each(BAD)("%s=%s names it, what it takes and an example", (name, value, allowed, example) => {
    let message = "";
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    const line = message.split("\n").find((l) => l.startsWith(`  - ${name}: `)) ?? message;
    expect(line).toContain(allowed);
    expect(line).toContain(`for example ${example}`);
    expect(message).not.toMatch(/expected|Invalid (option|input)|Too (big|small)/);
  });
});

describe("scheduled posts settings", () => {
  it("reads the channel list, the time and the grace period", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "t",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      ONTHISDAY_CHANNELS:
        "discord:1234567890123456789, slack:C0123456789,discord:1234567890123456789",
      ONTHISDAY_TIME: "7.30",
      ONTHISDAY_GRACE: "90m",
      ONTHISDAY_EMPTY: "say",
      SCHEDULER: "off",
    });
    expect(config).toMatchObject({
      ONTHISDAY_CHANNELS: [
        { platform: "discord", channel: "1234567890123456789" },
        { platform: "slack", channel: "C0123456789" },
      ],
      ONTHISDAY_TIME: "07:30",
      ONTHISDAY_GRACE: 90 * 60_000,
      ONTHISDAY_EMPTY: "say",
      SCHEDULER: "off",
    });
  });

  it.each([
    ["ONTHISDAY_CHANNELS", "teams:123", /does not start with discord: or slack:/],
    ["ONTHISDAY_CHANNELS", "slack:#general", /is not a slack channel id/],
    ["ONTHISDAY_TIME", "25:00", /ONTHISDAY_TIME: is not a time of day; for example 09:00/],
    ["ONTHISDAY_GRACE", "six hours", /ONTHISDAY_GRACE: is not a duration; for example 6h/],
    ["ONTHISDAY_EMPTY", "nothing", /ONTHISDAY_EMPTY: must be month, skip or say/],
    ["SCHEDULER", "maybe", /SCHEDULER: must be on or off/],
  ])("refuses %s=%s with an example", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it("asks for the token of a platform whose channels are listed", () => {
    expect(() => loadConfig({ ONTHISDAY_CHANNELS: "discord:1234567890123456789" })).toThrow(
      /DISCORD_TOKEN: is needed to post to the Discord channels in ONTHISDAY_CHANNELS/,
    );
    expect(() => loadConfig({ ONTHISDAY_CHANNELS: "slack:C0123456789" })).toThrow(
      /SLACK_BOT_TOKEN: is needed to post to the Slack channels in ONTHISDAY_CHANNELS/,
    );
  });
});

describe("STORE_URL", () => {
  it("is unset by default (the SQLite file in STATE_DIR), and takes sqlite: or postgres:// URLs", () => {
    expect(loadConfig({}).STORE_URL).toBeUndefined();
    for (const url of ["sqlite:./state/other.sqlite", "postgres://u:p@db:5432/barents"]) {
      expect(loadConfig({ STORE_URL: url }).STORE_URL).toBe(url);
    }
  });

  it("names the forms it takes, without repeating a value that may hold a password", () => {
    const message = (() => {
      try {
        loadConfig({ STORE_URL: "mysql://u:hunter2@db/barents" });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/STORE_URL: is neither form it takes: sqlite:<file> or postgres:\/\//);
    expect(message).not.toContain("hunter2");
  });
});

describe("SHUTDOWN_LIMIT", () => {
  it("takes a duration, so a supervisor with a shorter kill timeout can be matched", () => {
    expect(loadConfig({ SHUTDOWN_LIMIT: "5s" }).SHUTDOWN_LIMIT).toBe(5000);
    expect(loadConfig({ SHUTDOWN_LIMIT: "1.5m" }).SHUTDOWN_LIMIT).toBe(90_000);
  });

  it.each(["0", "soon", "-5s"])("refuses %s, since no stop takes no time", (value) => {
    expect(() => loadConfig({ SHUTDOWN_LIMIT: value })).toThrow(
      /SHUTDOWN_LIMIT: is not a duration above 0; for example 10s/,
    );
  });
});

describe("DISCORD_SHARDS", () => {
  it("takes auto or a whole number of shards", () => {
    expect(loadConfig({ DISCORD_TOKEN: "t", DISCORD_SHARDS: "auto" }).DISCORD_SHARDS).toBe("auto");
    expect(loadConfig({ DISCORD_TOKEN: "t", DISCORD_SHARDS: "4" }).DISCORD_SHARDS).toBe(4);
    expect(loadConfig({ DISCORD_TOKEN: "t" }).DISCORD_SHARDS).toBeUndefined();
  });

  it.each(["0", "2.5", "many"])("refuses %s with an example", (value) => {
    expect(() => loadConfig({ DISCORD_TOKEN: "t", DISCORD_SHARDS: value })).toThrow(
      /DISCORD_SHARDS: must be auto or a whole number of shards from 1 to 1000; for example 2/,
    );
  });

  it("needs the gateway: a bot token, and no HTTP interactions", () => {
    expect(() => loadConfig({ DISCORD_SHARDS: "2" })).toThrow(
      /DISCORD_TOKEN: is needed with DISCORD_SHARDS/,
    );
    expect(() =>
      loadConfig({ DISCORD_TOKEN: "t", DISCORD_PUBLIC_KEY: "a".repeat(64), DISCORD_SHARDS: "2" }),
    ).toThrow(/DISCORD_SHARDS: is for the gateway/);
  });
});

describe("METRICS and METRICS_PORT", () => {
  const gateway = { DISCORD_TOKEN: "discord-token" };
  const http = { DISCORD_PUBLIC_KEY: KEY };

  it("serves no metrics unless asked", () => {
    expect(metricsPlace(loadConfig(http))).toBe("none");
  });

  it("puts /metrics beside the HTTP routes with METRICS=on", () => {
    expect(metricsPlace(loadConfig({ ...http, METRICS: "on" }))).toBe("main");
  });

  it("refuses METRICS=on where there are no HTTP routes, naming METRICS_PORT as the fix", () => {
    expect(() => loadConfig({ ...gateway, METRICS: "on" })).toThrow(
      /METRICS: =on serves \/metrics beside the HTTP routes.*set METRICS_PORT/,
    );
  });

  it("gives METRICS_PORT a server of its own, with or without HTTP routes", () => {
    expect(metricsPlace(loadConfig({ ...gateway, METRICS_PORT: "9464" }))).toBe("own");
    expect(loadConfig({ ...gateway, METRICS_PORT: "0" }).METRICS_PORT).toBe(0);
    expect(metricsPlace(loadConfig({ ...http, METRICS: "on", METRICS_PORT: "9464" }))).toBe("own");
  });

  it("refuses a METRICS_PORT that is PORT, or no port at all", () => {
    expect(() => loadConfig({ ...http, PORT: "8080", METRICS_PORT: "8080" })).toThrow(
      /METRICS_PORT: is the same as PORT/,
    );
    expect(() => loadConfig({ METRICS_PORT: "metrics" })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ METRICS: "yes" })).toThrow(/METRICS: must be on or off/);
  });
});

describe("transports", () => {
  it("runs nothing but the console without credentials", () => {
    const t = transports(loadConfig({}));
    expect(t).toEqual({});
    expect(needsHttpServer(t)).toBe(false);
  });

  it("uses Discord's gateway for a token, and HTTP interactions once a public key is set", () => {
    expect(transports(loadConfig({ DISCORD_TOKEN: "t" })).discord).toBe("gateway");
    expect(transports(loadConfig({ DISCORD_TOKEN: "t", DISCORD_PUBLIC_KEY: KEY })).discord).toBe(
      "http",
    );
  });

  it("uses Slack's Socket Mode for an app token, and HTTP for a signing secret alone", () => {
    const socket = transports(
      loadConfig({
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_APP_TOKEN: "xapp-1",
        SLACK_SIGNING_SECRET: "s",
      }),
    );
    expect(socket.slack).toBe("socket");
    const http = transports(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }));
    expect(http.slack).toBe("http");
    expect(needsHttpServer(http)).toBe(true);
  });

  it("runs both platforms in one process when both have credentials", () => {
    expect(
      transports(
        loadConfig({ DISCORD_TOKEN: "t", SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }),
      ),
    ).toEqual({ discord: "gateway", slack: "socket" });
  });
});

describe(".env.example", () => {
  const text = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
  const entries = parse(text);

  it("lists every variable, each under a one-line comment", () => {
    expect(Object.keys(entries).sort()).toEqual([...CONFIG_VARIABLES].sort());
    const lines = text.split("\n");
    for (const name of CONFIG_VARIABLES) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(lines[at - 1], name).toMatch(/^# \S/);
    }
  });

  it("copied as it is, configures the console bot with the defaults", () => {
    expect(loadConfig(entries)).toEqual(loadConfig({}));
    expect(transports(loadConfig(entries))).toEqual({});
  });
});
