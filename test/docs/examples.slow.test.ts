import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { build, ENTRIES } from "../../src/build.mjs";
import { type ShownScript, shownScripts } from "../support/docs.ts";
import { cleanEnv, ROOT } from "../support/process.ts";

// The npm commands the docs show, run for real where that is cheap and offline: each through the
// compiled entry its script launches (as `npm run` does, through src/launch.mjs), with the
// arguments the page shows, exiting as the line's note says ("exit 2"; 0 when it says nothing).
// Built into a folder of its own, as test/build.slow.test.ts does, so dist/ is left alone.

/** Scripts shown but not run here, each with why. A script in neither list fails the test. */
const NOT_RUN: Record<string, string> = {
  ci: "reinstalls node_modules; CI runs it first",
  start: "the bot itself: test/adapters/console.slow.test.ts and test/main.slow.test.ts run it",
  test: "this very suite",
  build: "built below, as npm run build does, into a folder of the test's own",
  // Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID of a real application, and Discord itself;
  // test/cli/discord-register.slow.test.ts runs it against a loopback fake.
  "discord:register": "needs Discord credentials and the network",
};

/** The compiled entry a script launches: `node … src/launch.mjs <entry>` in package.json. */
function entryOf(script: string): string | undefined {
  const command = (packageJson.scripts as Record<string, string>)[script] ?? "";
  const entry = /src\/launch\.mjs (\S+)$/.exec(command)?.[1];
  return entry && Object.hasOwn(ENTRIES, entry) ? entry : undefined;
}

const shown = shownScripts();
const runnable = shown.filter((s) => !Object.hasOwn(NOT_RUN, s.script));
let out: string;

beforeAll(async () => {
  out = join(ROOT, `dist-test-docs-${process.pid}`);
  const wanted = new Set(runnable.map((s) => entryOf(s.script)));
  const entries = Object.fromEntries(Object.entries(ENTRIES).filter(([name]) => wanted.has(name)));
  await build(out, entries);
}, 60_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

function run(s: ShownScript) {
  const entry = entryOf(s.script);
  if (!entry) throw new Error(`npm run ${s.script} launches no compiled entry`);
  return spawnSync(process.execPath, [join(out, `${entry}.js`), ...s.args], {
    cwd: ROOT,
    env: cleanEnv(s.env),
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("the npm commands the docs show, run", { timeout: 60_000 }, () => {
  it("are each either run here or listed with the reason they are not", () => {
    expect(runnable.filter((s) => !entryOf(s.script)).map((s) => s.script)).toEqual([]);
    expect(new Set(runnable.map((s) => s.script))).toEqual(
      new Set(["ask", "data:check", "slack:manifest"]),
    );
  });

  it.each(runnable.map((s) => [`${s.file}:${s.line} npm run ${s.script} ${s.args.join(" ")}`, s]))(
    "%s exits as the page says",
    (_, s) => {
      const expected = Number(/\bexit (\d)\b/.exec(s.note)?.[1] ?? 0);
      const result = run(s);
      expect({ status: result.status, stderr: result.stderr }).toEqual({
        status: expected,
        stderr: expected === 0 ? "" : expect.any(String),
      });
      expect(result.stdout.length).toBeGreaterThan(0);
      // `> manifest.json`: what would land in the file is the JSON a person pastes.
      if (s.redirect?.endsWith(".json")) expect(() => JSON.parse(result.stdout)).not.toThrow();
    },
  );
});
