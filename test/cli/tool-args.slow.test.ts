import { describe, expect, it } from "vitest";
import { cleanEnv, startScript } from "../support/process.ts";

// Every command-line tool, run as a person runs it: --help and -h explain it (usage, options,
// an example, the exit codes) and exit 0 before touching settings, data or the network; an
// unknown option is named in one line with the usage line, exit 2.

const TOOLS = [
  ["ask", "src/adapters/ask.ts"],
  ["data:check", "src/cli/data-check.ts"],
  ["data:synth", "src/cli/data-synth.ts"],
  ["discord:register", "src/cli/discord-register.ts"],
  ["slack:manifest", "src/cli/slack-manifest.ts"],
  ["store:migrate", "src/cli/store-migrate.ts"],
  ["bench", "src/bench/run.ts"],
] as const;

const run = (entry: string, args: string[]) => startScript(entry, "", cleanEnv(), args);

describe.each(TOOLS)("npm run %s", (script, entry) => {
  it("explains itself with --help and the same with -h, exit 0", async () => {
    const [help, short] = await Promise.all([run(entry, ["--help"]), run(entry, ["-h"])]);
    expect(help.stderr).toBe("");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`Usage: npm run ${script}`);
    expect(help.stdout).toContain("\nOptions:\n");
    expect(help.stdout).toContain("  -h, --help");
    expect(help.stdout).toMatch(new RegExp(`\\nExample:\\n  npm run ${script}\\b`));
    expect(help.stdout).toMatch(/\nExit codes: 0 .+, 1 .+, 2 a usage error\.\n$/);
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(help.stdout);
  });

  it("names an unknown option in one line, with the usage line, exit 2", async () => {
    const bogus = await run(entry, ["--bogus"]);
    expect(bogus.status).toBe(2);
    expect(bogus.stdout).toBe("");
    const [first, second] = bogus.stderr.split("\n");
    expect(first).toBe(`${script}: unknown option --bogus`);
    expect(second).toMatch(new RegExp(`^Usage: npm run ${script}\\b`));
    expect(bogus.stderr).not.toMatch(/\n\s+at /);
  });
});
