import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../commands/index.ts";
import { MAX_COMMAND_NAME, slackManifest } from "../../../src/adapters/slack/manifest.ts";
import { defineCommand } from "../../../src/command/declaration.ts";
import { reply } from "../../../src/reply/reply.ts";

describe("the Slack app manifest", () => {
  const socket = slackManifest(COMMANDS, { prefix: "", mode: "socket" });
  const http = slackManifest(COMMANDS, {
    prefix: "nr-",
    mode: "http",
    baseUrl: "https://barents.example.org/",
  });

  it("declares every command, in order, with its declared description", () => {
    expect(socket.features.slash_commands.map((c) => c.command)).toEqual(
      COMMANDS.map((c) => `/${c.name}`),
    );
    for (const [i, c] of COMMANDS.entries()) {
      expect(socket.features.slash_commands[i]?.description).toBe(c.description);
    }
  });

  it("prefixes every command name with SLACK_COMMAND_PREFIX", () => {
    expect(http.features.slash_commands.map((c) => c.command)).toEqual([
      "/nr-timeline",
      "/nr-expulsions",
      "/nr-who",
      "/nr-topics",
      "/nr-onthisday",
      "/nr-onthisday-subscribe",
      "/nr-onthisday-unsubscribe",
      "/nr-onthisday-status",
      "/nr-help",
    ]);
  });

  it("gives usage hints from the option declarations", () => {
    const hint = (name: string) =>
      socket.features.slash_commands.find((c) => c.command === name)?.usage_hint;
    expect(hint("/timeline")).toBe("[from] [to] [topic] [person] [page:N]");
    expect(hint("/expulsions")).toBe("<year> [page:N]");
    expect(hint("/who")).toBe("[name] [page:N]");
  });

  it("keeps names lowercase and within Slack's 32 characters, descriptions short, text unescaped", () => {
    for (const c of http.features.slash_commands) {
      expect(c.command.length).toBeLessThanOrEqual(MAX_COMMAND_NAME);
      expect(c.command).toBe(c.command.toLowerCase());
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.should_escape).toBe(false);
    }
  });

  it("asks for the scopes to answer commands and to post, in any public channel", () => {
    expect(socket.oauth_config.scopes.bot).toEqual(["commands", "chat:write", "chat:write.public"]);
  });

  it("in Socket Mode turns socket mode on and names no URL", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(JSON.stringify(socket)).not.toContain("http");
  });

  it("over HTTP sends commands and button presses to <base-url>/slack/events", () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://barents.example.org/slack/events",
    });
    for (const c of http.features.slash_commands) {
      expect(c.url).toBe("https://barents.example.org/slack/events");
    }
  });

  it("refuses a prefix that would make a name Slack cannot take", () => {
    const long = defineCommand({
      name: "averyveryverylongcommandname",
      description: "Long",
      options: [],
      examples: [],
      handle: () => reply("empty", "x"),
    });
    expect(() => slackManifest([long], { prefix: "prefix-", mode: "socket" })).toThrow(
      /at most 32 characters/,
    );
  });
});
