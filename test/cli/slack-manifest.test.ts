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

  it("prints an HTTP manifest pointing at the given base URL", () => {
    const run = runScript(SCRIPT, ["--http", "https://barents.example.org"]);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.request_url).toBe(
      "https://barents.example.org/slack/events",
    );
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
