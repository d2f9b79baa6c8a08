import { describe, expect, it } from "vitest";
import { cleanEnv, runScript } from "../support/process.ts";

// `npm run slack:manifest`, run as a person would run it.

const SCRIPT = "src/cli/slack-manifest.ts";

describe("npm run slack:manifest", () => {
  it("prints a Socket Mode manifest with prefixed commands as JSON on stdout", () => {
    const run = runScript(SCRIPT, ["--socket"], "", cleanEnv({ SLACK_COMMAND_PREFIX: "nr-" }));
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toContain(
      "/nr-who",
    );
  });

  it("by default declares /barents and /barents-<name>, never a Slack built-in", () => {
    const run = runScript(SCRIPT, ["--socket"]);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout);
    const names = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(names[0]).toBe("/barents");
    expect(names).toContain("/barents-who");
    for (const builtIn of ["/who", "/search", "/topic", "/status", "/remind"])
      expect(names).not.toContain(builtIn);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im"]);
  });

  it("stops with one line and exit 1 for an umbrella name Slack keeps for itself", () => {
    const run = runScript(SCRIPT, ["--socket"], "", cleanEnv({ SLACK_UMBRELLA_COMMAND: "who" }));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("SLACK_UMBRELLA_COMMAND: is one of Slack's built-in commands");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints an HTTP manifest pointing at the given base URL", () => {
    const run = runScript(SCRIPT, ["--http", "https://barents.example.org"]);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.request_url).toBe(
      "https://barents.example.org/slack/events",
    );
    expect(manifest.settings.event_subscriptions.request_url).toBe(
      "https://barents.example.org/slack/events",
    );
  });

  it("says what --http needs when the URL is missing, exit 2", () => {
    for (const args of [["--http"], ["--http", "--socket"]]) {
      const run = runScript(SCRIPT, args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.split("\n")[0]).toBe(
        "slack:manifest: --http needs the public URL Slack should call, e.g. --http https://bot.example.org",
      );
      expect(run.stderr).not.toContain("Unknown arguments");
    }
  });

  it("refuses --socket and --http together", () => {
    const run = runScript(SCRIPT, ["--socket", "--http", "https://bot.example.org"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^slack:manifest: choose one of --socket and --http\n/);
  });

  it("explains its flags with --help, and refuses a URL Slack would not post to", () => {
    const help = runScript(SCRIPT, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--http <base-url>");
    const bad = runScript(SCRIPT, ["--http", "http://insecure.example"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("https://");
  });
});
