import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import {
  MAX_COMMAND_NAME,
  ManifestError,
  type ManifestOptions,
  slackManifest,
} from "../../../src/adapters/slack/manifest.ts";
import { BUILT_IN_COMMANDS } from "../../../src/adapters/slack/names.ts";
import { defineCommand } from "../../../src/command/declaration.ts";
import { loadConfig } from "../../../src/config.ts";
import { reply } from "../../../src/reply/reply.ts";

const fake = (name: string) =>
  defineCommand({
    name,
    description: `The ${name} command`,
    options: [],
    examples: [],
    handle: () => reply("empty", "x"),
  });

/** The manifest with the settings as loadConfig reads them from this environment. */
function fromEnv(env: Record<string, string>, mode: ManifestOptions["mode"] = "socket") {
  const config = loadConfig(env);
  return slackManifest(COMMANDS, {
    prefix: config.SLACK_COMMAND_PREFIX,
    umbrella: config.SLACK_UMBRELLA_COMMAND,
    mode,
  });
}

const names = (manifest: ReturnType<typeof slackManifest>) =>
  manifest.features.slash_commands.map((c) => c.command);

describe("the Slack app manifest", () => {
  const socket = fromEnv({});
  const http = slackManifest(COMMANDS, {
    prefix: "nr-",
    umbrella: "barents",
    mode: "http",
    baseUrl: "https://barents.example.org/",
  });

  it("declares the umbrella /barents first, then every command under barents- by default", () => {
    expect(names(socket)).toEqual(["/barents", ...COMMANDS.map((c) => `/barents-${c.name}`)]);
    for (const [i, c] of COMMANDS.entries()) {
      expect(socket.features.slash_commands[i + 1]?.description).toBe(c.description);
    }
    expect(socket.features.slash_commands[0]?.usage_hint).toBe("[command] [words…]");
  });

  it("prefixes every command name with SLACK_COMMAND_PREFIX, leaving the umbrella as named", () => {
    expect(names(http)).toEqual(["/barents", ...COMMANDS.map((c) => `/nr-${c.name}`)]);
    expect(names(http)).toContain("/nr-search");
    expect(names(fromEnv({ SLACK_UMBRELLA_COMMAND: "nordpol" }))[0]).toBe("/nordpol");
  });

  it("never declares a Slack built-in command, with the prefix set or unset", () => {
    for (const manifest of [socket, http, fromEnv({ SLACK_COMMAND_PREFIX: "" })]) {
      for (const name of names(manifest)) expect(BUILT_IN_COMMANDS.has(name.slice(1))).toBe(false);
    }
  });

  it("refuses, naming the fix, a set of commands that would declare a built-in", () => {
    // Any command name, not only today's: /search and /topics are on their way.
    const commands = ["search", "who", "topic", "topics"].map(fake);
    const options = { umbrella: "barents", mode: "socket" } as const;
    expect(() => slackManifest(commands, { ...options, prefix: "" })).toThrow(ManifestError);
    expect(() => slackManifest(commands, { ...options, prefix: "" })).toThrow(
      /\/search is one of Slack's built-in commands.*SLACK_COMMAND_PREFIX/,
    );
    expect(names(slackManifest(commands, { ...options, prefix: "barents-" }))).toEqual([
      "/barents",
      "/barents-search",
      "/barents-who",
      "/barents-topic",
      "/barents-topics",
    ]);
    // A prefix that spells a built-in with the name is caught as well: mu + te is /mute.
    expect(() => slackManifest([fake("te")], { ...options, prefix: "mu" })).toThrow(/\/mute/);
  });

  it("refuses a built-in umbrella, and an umbrella that is also a prefixed command", () => {
    expect(() =>
      slackManifest(COMMANDS, { prefix: "barents-", umbrella: "who", mode: "socket" }),
    ).toThrow(/\/who is one of Slack's built-in commands/);
    expect(() =>
      slackManifest(COMMANDS, { prefix: "barents-", umbrella: "barents-help", mode: "socket" }),
    ).toThrow(/declared twice/);
  });

  it("refuses more than Slack's 50 commands an app", () => {
    const many = Array.from({ length: 50 }, (_, i) => fake(`c${i}`));
    expect(() =>
      slackManifest(many, { prefix: "x-", umbrella: "barents", mode: "socket" }),
    ).toThrow(/50 commands/);
    expect(
      names(slackManifest(many.slice(1), { prefix: "x-", umbrella: "barents", mode: "socket" })),
    ).toHaveLength(50);
  });

  it("gives usage hints from the option declarations", () => {
    const hint = (name: string) =>
      socket.features.slash_commands.find((c) => c.command === name)?.usage_hint;
    expect(hint("/barents-timeline")).toBe("[from] [to] [topic] [person] [page:N]");
    expect(hint("/barents-expulsions")).toBe("<year> [page:N]");
    expect(hint("/barents-who")).toBe("[name] [page:N]");
  });

  it("keeps names lowercase and within Slack's 32 characters, descriptions short, text unescaped", () => {
    for (const c of [...http.features.slash_commands, ...socket.features.slash_commands]) {
      expect(c.command.length).toBeLessThanOrEqual(MAX_COMMAND_NAME);
      expect(c.command).toBe(c.command.toLowerCase());
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.should_escape).toBe(false);
    }
  });

  it("asks for the scopes to answer commands, mentions and DMs, post anywhere public and share charts", () => {
    for (const manifest of [socket, http]) {
      expect(manifest.oauth_config.scopes.bot).toEqual([
        "commands",
        "chat:write",
        "chat:write.public",
        "app_mentions:read",
        "im:history",
        "files:write",
      ]);
    }
  });

  it("subscribes to mentions and direct messages, with the Messages tab open for DMs", () => {
    expect(socket.settings.event_subscriptions).toEqual({
      bot_events: ["app_mention", "message.im"],
    });
    expect(socket.features.app_home).toEqual({
      home_tab_enabled: false,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it("in Socket Mode turns socket mode on and names no URL", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(JSON.stringify(socket)).not.toContain("http");
  });

  it("over HTTP sends commands, button presses and events to <base-url>/slack/events", () => {
    const url = "https://barents.example.org/slack/events";
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    for (const c of http.features.slash_commands) expect(c.url).toBe(url);
  });

  it("refuses a prefix that would make a name Slack cannot take", () => {
    const long = fake("averyveryverylongcommandname");
    expect(() =>
      slackManifest([long], { prefix: "prefix-", umbrella: "barents", mode: "socket" }),
    ).toThrow(/at most 32 characters/);
  });
});
