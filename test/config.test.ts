import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("configuration", () => {
  it("defaults to the bundled data, Europe/Oslo and info logs", () => {
    expect(loadConfig({})).toEqual({ BOT_TIMEZONE: "Europe/Oslo", LOG_LEVEL: "info" });
  });

  it("treats empty values as unset, as a copied .env.example leaves them", () => {
    expect(loadConfig({ DATA_DIR: "", BOT_TIMEZONE: "", LOG_LEVEL: "" })).toEqual({
      BOT_TIMEZONE: "Europe/Oslo",
      LOG_LEVEL: "info",
    });
  });

  it("accepts a data folder and any IANA time zone", () => {
    expect(loadConfig({ DATA_DIR: "/srv/data", BOT_TIMEZONE: "America/New_York" })).toMatchObject({
      DATA_DIR: "/srv/data",
      BOT_TIMEZONE: "America/New_York",
    });
  });

  it("names each bad variable", () => {
    const attempt = () => loadConfig({ BOT_TIMEZONE: "Oslo", LOG_LEVEL: "loud" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/BOT_TIMEZONE: is not an IANA time zone/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });
});
