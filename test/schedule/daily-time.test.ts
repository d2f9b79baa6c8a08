import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  dailyPattern,
  parseChannelList,
  parseDailyTime,
  parseDuration,
} from "../../src/schedule/daily-time.ts";

// The small languages of scheduling, as commands and ONTHISDAY_* settings accept them.

describe("parseDailyTime", () => {
  it.each([
    ["9:05", "09:05"],
    ["09:05", "09:05"],
    ["09.05", "09:05"],
    [" 07:30 ", "07:30"],
    ["00:00", "00:00"],
    ["23:59", "23:59"],
  ])("reads %j as %j", (text, time) => {
    expect(parseDailyTime(text)).toBe(time);
  });

  it.each(["24:00", "9:5", "12:60", "9", "0905", "9:05 am", "", "noon", "-1:00"])(
    "refuses %j",
    (text) => {
      expect(parseDailyTime(text)).toBeUndefined();
    },
  );
});

describe("dailyPattern", () => {
  it("fixes minute and hour and leaves every day open", () => {
    expect(dailyPattern("09:05")).toBe("5 9 * * *");
    expect(dailyPattern("00:00")).toBe("0 0 * * *");
    expect(dailyPattern("23:30")).toBe("30 23 * * *");
  });
});

describe("canonicalTimeZone", () => {
  it("spells a zone typed in any case as the runtime does", () => {
    expect(canonicalTimeZone("europe/oslo")).toBe("Europe/Oslo");
    expect(canonicalTimeZone("AMERICA/NEW_YORK")).toBe("America/New_York");
    expect(canonicalTimeZone("Europe/Oslo")).toBe("Europe/Oslo");
  });

  it("ignores surrounding whitespace", () => {
    expect(canonicalTimeZone("  Europe/Oslo ")).toBe("Europe/Oslo");
  });

  it("is undefined for an unknown zone", () => {
    expect(canonicalTimeZone("Europe/Atlantis")).toBeUndefined();
    expect(canonicalTimeZone("Oslo time")).toBeUndefined();
  });

  it("is undefined for an empty or blank name", () => {
    expect(canonicalTimeZone("")).toBeUndefined();
    expect(canonicalTimeZone("   ")).toBeUndefined();
  });
});

describe("parseChannelList", () => {
  const discord = "discord:123456789012345678";
  const slack = "slack:C0123456789";

  it("reads Discord and Slack channels in the order given", () => {
    expect(parseChannelList(`${discord},${slack}`)).toEqual([
      { platform: "discord", channel: "123456789012345678" },
      { platform: "slack", channel: "C0123456789" },
    ]);
  });

  it("is empty for an empty or blank list", () => {
    expect(parseChannelList("")).toEqual([]);
    expect(parseChannelList(" ,, \n")).toEqual([]);
  });

  it("accepts commas, spaces and newlines between entries, in any mix", () => {
    const refs = parseChannelList(` ${discord} ,\n${slack}  slack:G0PRIVATE1,,`);
    expect(refs).toEqual([
      { platform: "discord", channel: "123456789012345678" },
      { platform: "slack", channel: "C0123456789" },
      { platform: "slack", channel: "G0PRIVATE1" },
    ]);
  });

  it("lists a channel named twice once", () => {
    expect(parseChannelList(`${slack},${discord},${slack}`)).toEqual([
      { platform: "slack", channel: "C0123456789" },
      { platform: "discord", channel: "123456789012345678" },
    ]);
  });

  it("keeps the same id on two platforms apart", () => {
    expect(parseChannelList("discord:123456789012345678,slack:C123456789012345678")).toHaveLength(
      2,
    );
  });

  it("names an entry that does not start with a known platform", () => {
    expect(parseChannelList(`${discord},teams:C0123456789`)).toBe(
      "“teams:C0123456789” does not start with discord: or slack:",
    );
    expect(parseChannelList("C0123456789")).toBe(
      "“C0123456789” does not start with discord: or slack:",
    );
    expect(parseChannelList("Discord:123456789012345678")).toBe(
      "“Discord:123456789012345678” does not start with discord: or slack:",
    );
  });

  it.each([
    ["discord:12345", "discord"],
    ["discord:1234567890123456789012", "discord"],
    ["discord:#general", "discord"],
    ["slack:c0123456789", "slack"],
    ["slack:X0123456789", "slack"],
    ["slack:C01", "slack"],
    ["slack", "slack"],
    ["slack:", "slack"],
  ])("refuses %j as not a %s channel id", (entry, platform) => {
    expect(parseChannelList(`${discord},${entry}`)).toBe(
      `“${entry}” is not a ${platform} channel id`,
    );
  });

  it("names only the first bad entry", () => {
    expect(parseChannelList("discord:1,teams:2")).toBe("“discord:1” is not a discord channel id");
  });

  it("cuts a long bad entry to 40 characters in the message", () => {
    const entry = `slack:${"x".repeat(60)}`;
    expect(parseChannelList(entry)).toBe(`“${entry.slice(0, 40)}” is not a slack channel id`);
  });

  it("refuses an entry with anything after the channel id", () => {
    expect(parseChannelList("discord:123456789012345678:999")).toBe(
      "“discord:123456789012345678:999” is not a discord channel id",
    );
  });
});

describe("parseDuration", () => {
  it.each([
    ["6h", 6 * 3_600_000],
    ["90m", 90 * 60_000],
    ["45s", 45_000],
    ["0", 0],
    ["0m", 0],
    ["1.5h", 90 * 60_000],
    ["6H", 6 * 3_600_000],
    [" 6 h ", 6 * 3_600_000],
  ])("reads %j as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["6", "six", "", "h", "-1h", "6d", "1h30m", ".5h"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
