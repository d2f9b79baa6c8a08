import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/core/load-dataset.ts";
import { cleanEnv, runScript } from "../support/process.ts";

const SCRIPT = "src/cli/data-synth.ts";
const root = mkdtempSync(join(tmpdir(), "barents-data-synth-"));

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("npm run data:synth", () => {
  it("writes a dataset that loads, and that the bot answers /who from", () => {
    const out = join(root, "set");
    const args = ["--events", "300", "--people", "60", "--out", out, "--seed", "4"];
    const { status, stdout, stderr } = runScript(SCRIPT, args);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Wrote 300 events, 60 people and 4 sources \([\d.]+ MB\) to /);
    const data = loadDataset(out);
    expect(data.events).toHaveLength(300);

    const name = data.people[0]?.name ?? "";
    expect(stdout).toContain(`/who ${name}`);
    const asked = runScript(
      "src/adapters/ask.ts",
      [`/who ${name}`],
      "",
      cleanEnv({ DATA_DIR: out }),
    );
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain(name);
    expect(asked.stdout).toContain("Roles:");
  });

  it("refuses a mistyped flag in one line, with the usage, an example and exit code 2", () => {
    const { status, stdout, stderr } = runScript(SCRIPT, ["--evnts", "5"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      [
        "data:synth: unknown option --evnts; did you mean --events?",
        "Usage: npm run data:synth -- --events <n> --people <n> --out <dir> [--seed <n>]",
        "Example: npm run data:synth -- --events 100000 --people 20000 --out /tmp/barents-synth --seed 1",
        "More: npm run data:synth -- --help",
        "",
      ].join("\n"),
    );
  });

  it("will not overwrite a folder of real data", () => {
    const real = join(root, "real");
    const sources = JSON.stringify([{ id: "news", title: "A real report", kind: "news report" }]);
    mkdirSync(real);
    writeFileSync(join(real, "sources.json"), sources);
    const { status, stderr } = runScript(SCRIPT, ["--events", "5", "--people", "2", "--out", real]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^data:synth: .* holds data that is not synthetic/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(real, "sources.json"), "utf8")).toBe(sources);
  });
});
