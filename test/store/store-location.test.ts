import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStoreUrl, redactUrl, STORE_FILE } from "../../src/store/store-location.ts";

describe("where STORE_URL puts the schedule", () => {
  it("is the SQLite file in STATE_DIR when unset, so `npm start` needs no database", () => {
    expect(parseStoreUrl(undefined, "./state")).toEqual({
      kind: "sqlite",
      file: join("./state", STORE_FILE),
    });
  });

  it("is the file a sqlite: URL names, with or without slashes", () => {
    expect(parseStoreUrl("sqlite:./state/barents.db", ".")).toEqual({
      kind: "sqlite",
      file: "./state/barents.db",
    });
    expect(parseStoreUrl("sqlite:///var/lib/barents.db", ".")).toEqual({
      kind: "sqlite",
      file: "/var/lib/barents.db",
    });
  });

  it("is PostgreSQL for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://db/barents", "postgresql://u:p@db:5432/barents"]) {
      expect(parseStoreUrl(url, ".")).toEqual({ kind: "postgres", url });
    }
  });

  it("is nothing for other schemes, a bare sqlite: or a URL without a host", () => {
    for (const url of ["mysql://db/x", "sqlite:", "postgres://", "./state/barents.sqlite"]) {
      expect(parseStoreUrl(url, ".")).toBeUndefined();
    }
  });
});

describe("redactUrl", () => {
  it("replaces the password and keeps the rest, for logs", () => {
    expect(redactUrl("postgres://u:p%40ss@db.example:5432/barents?sslmode=require")).toBe(
      "postgres://u:***@db.example:5432/barents?sslmode=require",
    );
    expect(redactUrl("postgres://db.example/barents")).toBe("postgres://db.example/barents");
    // pg reads a password from the query string too.
    const inQuery = redactUrl(
      "postgres://u@db/barents?password=s3cret&sslpassword=k3y&sslmode=require",
    );
    expect(inQuery).not.toMatch(/s3cret|k3y/);
    expect(inQuery).toContain("sslmode=require");
  });
});
