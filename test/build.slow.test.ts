import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, ENTRIES, isStale } from "../src/build.mjs";
import { type FakeWebApi, startFakeWebApi } from "./support/fake-slack.ts";
import { cleanEnv, logLine, ROOT } from "./support/process.ts";

// `npm run build` and what runs from it: plain JavaScript, run with plain node, loading only what
// the process uses. Built once into a folder of its own beside dist/ (where node_modules and
// data/ are found as from dist/), so the repository's dist/ is left alone.

const TRACE = join(ROOT, "test/support/package-trace.mjs");
let out: string;
let web: FakeWebApi;

beforeAll(async () => {
  out = join(ROOT, `dist-test-${process.pid}`);
  await build(out);
  web = await startFakeWebApi();
}, 60_000);
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await web.close();
});

/** The packages a process resolved, from package-trace.mjs's lines. */
const packages = (stderr: string) =>
  new Set([...stderr.matchAll(/^PACKAGE (.+)$/gm)].map((m) => m[1]));

function runCompiled(entry: string, args: string[], env = cleanEnv()) {
  return spawnSync(process.execPath, ["--import", TRACE, join(out, `${entry}.js`), ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm run build", { timeout: 60_000 }, () => {
  it("compiles every user-facing entry, with source maps naming the TypeScript", () => {
    for (const entry of Object.keys(ENTRIES)) {
      const map = JSON.parse(readFileSync(join(out, `${entry}.js.map`), "utf8")) as {
        sources: string[];
      };
      expect(map.sources.some((s) => s.endsWith(".ts"))).toBe(true);
    }
    const main = JSON.parse(readFileSync(join(out, "main.js.map"), "utf8")) as {
      sources: string[];
    };
    expect(main.sources).toContain("../src/main.ts");
  });

  it("is fresh once built, and stale again when a source changes after it", () => {
    const root = mkdtempSync(join(tmpdir(), "barents-stale-"));
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "src/a.ts"), "export {};\n");
    const dist = join(root, "dist");
    expect(isStale(dist, root)).toBe(true);
    mkdirSync(dist);
    writeFileSync(join(dist, ".built"), "");
    const built = Date.now() / 1000;
    utimesSync(join(dist, ".built"), built, built);
    utimesSync(join(root, "src/a.ts"), built - 60, built - 60);
    expect(isStale(dist, root)).toBe(false);
    utimesSync(join(root, "src/a.ts"), built + 60, built + 60);
    expect(isStale(dist, root)).toBe(true);
  });
});

describe("the compiled entries, run with plain node", { timeout: 60_000 }, () => {
  it("ask answers without loading discord.js or Bolt", () => {
    const run = runCompiled("ask", ["/who huitfeld"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Anniken Huitfeldt");
    const loaded = packages(run.stderr);
    expect(loaded).not.toContain("discord.js");
    expect(loaded).not.toContain("@slack/bolt");
    // The bundled people have Cyrillic names; cyrillic.ts romanises them without the package.
    expect(loaded).not.toContain("transliteration");
  });

  it("ask loads the transliteration package for a letter of another script", () => {
    const run = runCompiled("ask", ["/who Πούτιν"]);
    expect(packages(run.stderr)).toContain("transliteration");
  });

  it("data:check validates the bundled data", () => {
    const run = runCompiled("data-check", []);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/is valid: \d+ sources/);
  });

  async function started(env: Record<string, string>): Promise<Set<string | undefined>> {
    const child: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      ["--import", TRACE, join(out, "main.js")],
      { cwd: ROOT, env: cleanEnv({ LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", ...env }) },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    await logLine(child, "Barents ready");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    return packages(stderr);
  }

  it("a Slack-only bot never loads discord.js", async () => {
    const loaded = await started({
      SLACK_BOT_TOKEN: "xoxb-build-test",
      SLACK_SIGNING_SECRET: "signing-secret-for-tests",
      SLACK_API_URL: web.url,
    });
    expect(loaded).toContain("@slack/bolt");
    expect(loaded).not.toContain("discord.js");
  });

  it("a Discord-only bot never loads Bolt", async () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const hex = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url").toString(
      "hex",
    );
    const loaded = await started({ DISCORD_PUBLIC_KEY: hex });
    expect(loaded).not.toContain("@slack/bolt");
    expect(loaded).not.toContain("@slack/web-api");
  });
});

describe("src/launch.mjs, behind npm start and the other scripts", { timeout: 60_000 }, () => {
  it("names the entries it knows when given another", () => {
    const run = spawnSync(process.execPath, ["src/launch.mjs", "nope"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("entries: main, ask,");
  });
});
