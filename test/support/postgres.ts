import { randomBytes } from "node:crypto";
import pg from "pg";

// A PostgreSQL database of its own for each test file, on the machine's real server (never a
// mock), dropped afterwards, so files run in parallel and leave nothing behind. The server is
// the one .ci/run starts: 127.0.0.1:5432 with trust authentication. BARENTS_TEST_PG_URL points
// the tests at another (a URL to a database the user may CREATE DATABASE from).

export const ADMIN_URL =
  process.env.BARENTS_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  /** STORE_URL for the new database. */
  url: string;
  name: string;
  /** Runs SQL on it directly, beside the store, for what a test sets up or inspects. */
  sql<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  drop(): Promise<void>;
}

/** Creates an empty database; the test fails (not skips) if the server cannot be reached. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `barents_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect().catch((error: unknown) => {
    throw new Error(
      `These tests need PostgreSQL at ${ADMIN_URL} (${String(error)}). Start it (docs/development.md, "PostgreSQL for the tests") or set BARENTS_TEST_PG_URL.`,
    );
  });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    url: url.toString(),
    name,
    sql: (text, values = []) => pool.query(text, values),
    async drop() {
      await pool.end();
      const again = new pg.Client({ connectionString: ADMIN_URL });
      await again.connect();
      try {
        // WITH (FORCE) ends connections a failed test left open (PostgreSQL 13 and later).
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}
