import { describe, expect, it } from "vitest";
import { isTimeZone } from "../src/core/calendar-day.ts";
import { isTimeZoneName } from "../src/time-zone-name.ts";

describe("isTimeZoneName", () => {
  it("answers as isTimeZone does, for listed zones, aliases, any case and non-zones", () => {
    const names = [
      "Europe/Oslo",
      "europe/oslo",
      "America/New_York",
      "UTC",
      "Etc/GMT+1",
      "Europe/Kiev",
      "Asia/Calcutta",
      "Oslo",
      "Europe/Osloo",
      "",
      "+01:00",
    ];
    for (const name of names) expect(isTimeZoneName(name), name).toBe(isTimeZone(name));
  });

  it("accepts every zone Intl lists and refuses made-up ones", () => {
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(isTimeZoneName(zone)).toBe(true);
    expect(isTimeZoneName("Mars/Olympus_Mons")).toBe(false);
  });
});
