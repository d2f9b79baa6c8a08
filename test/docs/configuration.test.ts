import { describe, expect, it } from "vitest";
import { readPage } from "../support/docs.ts";

// docs/configuration.md and .env.example name the same settings, so neither falls behind the
// other: a variable in one is in the other.

const inEnvExample = () => [...readPage(".env.example").matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
/** The variables table's rows: three columns, where the credentials table has two. */
const inTable = () =>
  [...readPage("docs/configuration.md").matchAll(/^\| `([A-Z_]+)` +\|[^|\n]*\|[^|\n]*\|/gm)].map(
    (m) => m[1],
  );

describe("docs/configuration.md", () => {
  it("has a row for every variable in .env.example, and no other", () => {
    const env = inEnvExample();
    expect(env.length).toBeGreaterThan(20);
    expect([...inTable()].sort()).toEqual([...env].sort());
  });
});
