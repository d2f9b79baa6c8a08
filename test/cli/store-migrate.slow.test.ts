import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgStore } from "../../src/store/pg-store.ts";
import { openSqliteStore, STORE_FILE } from "../../src/store/sqlite-store.ts";
import { createTestDatabase, type TestDatabase } from "../support/postgres.ts";
import { cleanEnv, freshStateDir, runScript } from "../support/process.ts";

// `npm run store:migrate`, run as a person moving from one machine to several would run it.

const SCRIPT = "src/cli/store-migrate.ts";
const team = { platform: "slack", channel: "C0TEAM01" } as const;

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = freshStateDir();
  const store = openSqliteStore(dir);
  await store.subscribe({
    ...team,
    time: "08:15",
    timeZone: "Europe/Oslo",
    origin: "command",
    by: "U0ALICE",
    since: "2026-10-01T10:00:00.000Z",
  });
  await store.close();
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run store:migrate", () => {
  it("copies a SQLite schedule into PostgreSQL, and a second run copies nothing", async () => {
    const from = `sqlite:${join(dir, STORE_FILE)}`;
    const first = runScript(SCRIPT, ["--from", from, "--to", db.url]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("subscriptions: 1 copied, 0 already there");
    expect(first.stdout).toContain("changes: 1 copied, 0 already there");
    const second = runScript(SCRIPT, ["--from", from, "--to", db.url]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("subscriptions: 0 copied, 1 already there");
    const store = await openPgStore(db.url);
    expect(await store.get(team)).toMatchObject({ time: "08:15", by: "U0ALICE" });
    await store.close();
  });

  it("explains itself with --help and -h, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const run = runScript(SCRIPT, [flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(
        "Usage: npm run store:migrate -- --from <store-url> --to <store-url>",
      );
      expect(run.stdout).toContain("Exit codes: 0 copied, 1");
    }
  });

  it("exits 2 with the usage for a missing or unknown argument", () => {
    for (const args of [
      ["--from", "sqlite:x.sqlite"],
      ["--from", "mysql://db/x", "--to", db.url],
      ["--into", "x"],
    ]) {
      const run = runScript(SCRIPT, args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("Usage: npm run store:migrate");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("exits 1 naming the flag for a source file that is not there or a server out of reach, never the password", () => {
    const missing = runScript(SCRIPT, [
      "--from",
      "sqlite:/nonexistent/barents.sqlite",
      "--to",
      db.url,
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      "/nonexistent/barents.sqlite: there is no store file here (--from)",
    );
    const unreachable = runScript(
      SCRIPT,
      ["--from", `sqlite:${join(dir, STORE_FILE)}`, "--to", "postgres://u:pw-secret@127.0.0.1:1/x"],
      "",
      cleanEnv(),
    );
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toMatch(
      /--to=postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x.*ECONNREFUSED/,
    );
    expect(unreachable.stderr).not.toContain("pw-secret");
    expect(unreachable.stderr.trim().split("\n")).toHaveLength(1);
  });
});
