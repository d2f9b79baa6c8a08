import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/command/declaration.ts";
import { renderDiscord } from "../../src/render/discord/message.ts";
import { renderSlack } from "../../src/render/slack/blocks.ts";
import type { Place } from "../../src/schedule/desk.ts";
import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { StoreUnavailableError } from "../../src/store/store-errors.ts";
import { shownText as discordText } from "../render/discord/within-limits.ts";
import { shownText as slackText } from "../render/slack/within-limits.ts";
import { askLater, bundledContext, runLater } from "../support/context.ts";
import { atPlace, memoryDesk, slackChannelContext, type TestDesk } from "../support/schedule.ts";

// The clock stands at 30 October 2026, 11:00 UTC: 12:00 in Oslo (CET), 07:00 in New York (EDT).
const ctx = bundledContext();
const here: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const EXAMPLE = "Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo";

function inSlack(desk: TestDesk = memoryDesk()): { desk: TestDesk; c: CommandContext } {
  return { desk, c: slackChannelContext(ctx, desk) };
}

function discordMember(canManageChannels: boolean | undefined, desk = memoryDesk()) {
  const place: Place = { platform: "discord", channel: "100000000000000004", user: "42" };
  if (canManageChannels !== undefined) place.canManageChannels = canManageChannels;
  return { desk, c: atPlace(ctx, place, desk) };
}

async function expectNothingStored(desk: TestDesk): Promise<void> {
  expect(await desk.store.list()).toEqual([]);
  expect(desk.changes).toBe(0);
}

describe("/onthisday-subscribe [time] [timezone]", () => {
  it("subscribes at the desk's default time and zone when neither is given", async () => {
    const { desk, c } = inSlack(
      memoryDesk(["discord", "slack"], { time: "06:15", timeZone: "America/New_York" }),
    );
    const reply = await runLater(c, "onthisday-subscribe");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Daily posts start here");
    expect(reply.body[0]).toContain("Every day at 06:15 (America/New_York)");
    expect(await desk.store.list()).toEqual([
      {
        ...here,
        time: "06:15",
        timeZone: "America/New_York",
        origin: "command",
        by: "U0ALICE",
        since: "2026-10-30T11:00:00.000Z",
        failures: 0,
      },
    ]);
  });

  it.each([
    ["by position, words apart", "/onthisday subscribe 07:45 America/New_York"],
    ["by name, words apart", "/onthisday subscribe time:07:45 timezone:America/New_York"],
    ["by position, as one command", "/onthisday-subscribe 07:45 America/New_York"],
    ["by name in either order", "/onthisday-subscribe timezone:America/New_York time:07:45"],
  ])("takes the time and zone %s", async (_how, line) => {
    const { desk, c } = inSlack();
    expect((await askLater(c, line)).title).toBe("Daily posts start here");
    expect(await desk.store.get(here)).toMatchObject({
      time: "07:45",
      timeZone: "America/New_York",
    });
  });

  it("takes the time and zone as option values, as Discord sends them", async () => {
    const { desk, c } = inSlack();
    await runLater(c, "onthisday-subscribe", { time: "07:45", timezone: "America/New_York" });
    expect(await desk.store.get(here)).toMatchObject({
      time: "07:45",
      timeZone: "America/New_York",
    });
  });

  it.each(["america/new_york", "AMERICA/NEW_YORK", " America/New_york "])(
    "stores the zone %j in its canonical spelling",
    async (typed) => {
      const { desk, c } = inSlack();
      const reply = await runLater(c, "onthisday-subscribe", { time: "07:45", timezone: typed });
      expect((await desk.store.get(here))?.timeZone).toBe("America/New_York");
      expect(reply.body[0]).toContain("(America/New_York)");
    },
  );

  it("writes a time typed without its leading zero as HH:MM", async () => {
    const { desk, c } = inSlack();
    await askLater(c, "/onthisday subscribe 9:05 Europe/Oslo");
    expect((await desk.store.get(here))?.time).toBe("09:05");
  });

  it.each([
    ["an hour past 23", "/onthisday subscribe 25:00", "“25:00” is not a time of day"],
    ["a word for a time", "/onthisday subscribe noon", "“noon” is not a time of day"],
    ["a named bad time", "/onthisday subscribe time:25:00", "“25:00” is not a time of day"],
    ["an unknown zone", "/onthisday subscribe 08:30 Mars/Base", "“Mars/Base” is not a time zone"],
    ["a named unknown zone", "/onthisday subscribe timezone:Mars/Base", "“Mars/Base” is not"],
    ["a time with seconds", "/onthisday subscribe 08:30:00", "“08:30:00” is not a time of day"],
    ["a 12-hour time", "/onthisday subscribe 8:30am Europe/Oslo", "“8:30am” is not a time of day"],
    ["a word that is no zone either", "/onthisday subscribe Oslo", "“Oslo” is not a time of day"],
  ])("refuses %s with an example and stores nothing", async (_what, line, problem) => {
    const { desk, c } = inSlack();
    const reply = await askLater(c, line);
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain(problem);
    expect(reply.body).toEqual([EXAMPLE]);
    await expectNothingStored(desk);
    expect(await desk.store.changes(here)).toEqual([]);
  });

  it("takes a zone typed alone as the zone, at the desk's default time", async () => {
    const { desk, c } = inSlack();
    const reply = await askLater(c, "/onthisday subscribe america/new_york");
    expect(reply.kind).toBe("answer");
    expect(await desk.store.get(here)).toMatchObject({
      time: "09:00",
      timeZone: "America/New_York",
    });
  });

  it("keeps the existing subscription when a change is refused", async () => {
    const { desk, c } = inSlack();
    await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    expect((await askLater(c, "/onthisday subscribe 08:30 Mars/Base")).kind).toBe("usage");
    expect(await desk.store.get(here)).toMatchObject({ time: "08:30", timeZone: "Europe/Oslo" });
    expect(desk.changes).toBe(1);
  });

  it("changes the time of a channel already subscribed, and says so", async () => {
    const { desk, c } = inSlack();
    await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    const reply = await askLater(c, "/onthisday subscribe 10:00 Europe/Oslo");
    expect(reply.title).toBe("Daily posts changed");
    expect(await desk.store.list()).toHaveLength(1);
    expect((await desk.store.get(here))?.time).toBe("10:00");
  });

  it("resumes a paused subscription when subscribed again, and says so", async () => {
    const { desk, c } = inSlack();
    await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    await desk.store.recordFailure(here, "not_in_channel", 1, ctx.now());
    expect((await desk.store.get(here))?.paused).toBe("not_in_channel");
    const reply = await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    expect(reply.title).toBe("Daily posts changed");
    expect(reply.body).toContain("They were paused after failed posts; they are running again.");
    expect(await desk.store.get(here)).toMatchObject({ failures: 0 });
    expect((await desk.store.get(here))?.paused).toBeUndefined();
  });

  it("does not speak of resuming a subscription that was not paused", async () => {
    const { c } = inSlack();
    await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    const again = await askLater(c, "/onthisday subscribe 09:30 Europe/Oslo");
    expect(again.body.join("\n")).not.toMatch(/paused|running again/);
  });

  it("names the next post in the subscription's zone: later today when the time is still ahead", async () => {
    const { c } = inSlack();
    const reply = await askLater(c, "/onthisday subscribe 07:45 America/New_York");
    // 07:45 in New York is 12:45 in Oslo, the bot's own zone.
    expect(reply.body).toContainEqual(expect.stringContaining("due Fri 30 Oct 2026, 07:45"));
    expect(reply.body.join("\n")).not.toContain("12:45");
  });

  it("names the next post tomorrow when today's time has passed", async () => {
    const { c } = inSlack();
    const reply = await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    expect(reply.body).toContainEqual(expect.stringContaining("due Sat 31 Oct 2026, 08:30 CET"));
  });

  it("tells the scheduler once for every change it makes", async () => {
    const { desk, c } = inSlack();
    await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    expect(desk.changes).toBe(1);
    await askLater(c, "/onthisday subscribe 09:30 Europe/Oslo");
    expect(desk.changes).toBe(2);
  });

  it("records who subscribed, when, and to what", async () => {
    const { desk, c } = inSlack();
    await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    await askLater(c, "/onthisday subscribe 07:45 America/New_York");
    expect(await desk.store.changes(here)).toEqual([
      {
        ...here,
        action: "subscribe",
        by: "U0ALICE",
        at: "2026-10-30T11:00:00.000Z",
        detail: "08:30 Europe/Oslo",
      },
      {
        ...here,
        action: "subscribe",
        by: "U0ALICE",
        at: "2026-10-30T11:00:00.000Z",
        detail: "07:45 America/New_York",
      },
    ]);
  });
});

describe("where /onthisday-subscribe may run", () => {
  it("asks to be run in a channel when there is none, as in the console", async () => {
    const reply = await askLater(ctx, "/onthisday subscribe 08:30 Europe/Oslo");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Daily posts go to a Discord or Slack channel: run this in the channel that should get them.",
    );
    expect(reply.body).toEqual([EXAMPLE]);
  });

  it("asks the same where there is a channel but no schedule to change", async () => {
    const place: Place = { platform: "slack", channel: "C0TEAM01", user: "U0ALICE" };
    expect((await runLater({ ...ctx, place }, "onthisday-subscribe")).title).toMatch(
      /^Daily posts go to/,
    );
  });

  it.each([
    ["discord", ["slack"], "DISCORD_TOKEN"],
    ["slack", ["discord"], "SLACK_BOT_TOKEN"],
  ] as const)(
    "names the token missing to post to %s, and stores nothing",
    async (platform, platforms, token) => {
      const desk = memoryDesk(platforms);
      const c = atPlace(ctx, { platform, channel: "C0TEAM01", user: "U0ALICE" }, desk);
      const reply = await runLater(c, "onthisday-subscribe");
      expect(reply.kind).toBe("usage");
      expect(reply.title).toContain(`must set ${token}`);
      expect(reply.body.join(" ")).toContain(`${token} goes in the .env file`);
      await expectNothingStored(desk);
    },
  );

  it("says why Discord over HTTP answers commands yet cannot post without DISCORD_TOKEN", async () => {
    const desk = memoryDesk(["slack"]);
    const c = atPlace(ctx, { platform: "discord", channel: "1", user: "2" }, desk);
    const reply = await runLater(c, "onthisday-subscribe");
    expect(reply.title).toBe(
      "Barents cannot post to Discord channels yet: whoever runs it must set DISCORD_TOKEN.",
    );
    expect(reply.body).toEqual([
      "It answers commands over HTTP with DISCORD_PUBLIC_KEY alone; daily posts need the bot token.",
      "DISCORD_TOKEN goes in the .env file beside Barents's other settings (.env.example describes it); restart Barents after setting it.",
    ]);
  });

  it("refuses a Discord member without Manage Channels, and stores nothing", async () => {
    const { desk, c } = discordMember(false);
    const reply = await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Only people with the Manage Channels permission can change this channel's daily posts.",
    );
    expect(reply.body).toEqual(["Example: /onthisday-status"]);
    await expectNothingStored(desk);
  });

  it("lets a Discord member with Manage Channels subscribe, recording them", async () => {
    const { desk, c } = discordMember(true);
    expect((await askLater(c, "/onthisday subscribe 08:30 Europe/Oslo")).kind).toBe("answer");
    expect((await desk.store.get({ platform: "discord", channel: "100000000000000004" }))?.by).toBe(
      "42",
    );
  });

  it("leaves a subscription from configuration alone: it is changed there", async () => {
    const desk = memoryDesk();
    const config = {
      ...here,
      time: "08:00",
      timeZone: "Europe/Oslo",
      origin: "config" as const,
      since: "2026-10-01T00:00:00.000Z",
    };
    await desk.store.subscribe(config);
    const reply = await askLater(
      slackChannelContext(ctx, desk),
      "/onthisday subscribe 10:00 Europe/Oslo",
    );
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain("set in Barents's configuration (ONTHISDAY_CHANNELS)");
    expect(await desk.store.get(here)).toEqual({ ...config, failures: 0 });
    expect(desk.changes).toBe(0);
  });
});

describe("/onthisday-subscribe when the schedule store cannot be used", () => {
  it("says the schedule is locked, not that something went wrong, and changes nothing", async () => {
    const desk = memoryDesk();
    const locked = new StoreUnavailableError(
      "/state/barents.sqlite",
      "locked by another connection (still busy after 10 s)",
      true,
    );
    const lockedDesk = {
      ...desk,
      store: { ...desk.store, subscribe: () => Promise.reject(locked) },
    };
    const reply = await askLater(
      slackChannelContext(ctx, lockedDesk),
      "/onthisday subscribe 08:30",
    );
    expect(reply.kind).toBe("error");
    expect(reply.title).toBe("The daily-post schedule is unavailable right now.");
    expect(reply.body).toEqual([
      "Its store is locked by another process.",
      "Nothing was changed. Other commands work as usual; please try this again in a few minutes.",
    ]);
    expect(JSON.stringify(reply)).not.toContain("/state/");
    expect(await desk.store.list()).toEqual([]);
    expect(lockedDesk.changes).toBe(0);
  });
});

describe("user text in /onthisday-subscribe's replies", () => {
  it.each(["<@123>", "@everyone", "<!here>", "<@&456>"])(
    "quotes the zone %j back without it becoming a mention, on Discord or Slack",
    async (zone) => {
      const { desk, c } = inSlack();
      const reply = await askLater(c, `/onthisday subscribe 08:30 ${zone}`);
      expect(reply.kind).toBe("usage");
      expect(reply.title).toContain(zone);
      const discord = renderDiscord(reply);
      expect(discord.allowed_mentions).toEqual({ parse: [] });
      for (const shown of [discordText(discord), slackText(renderSlack(reply))]) {
        expect(shown).not.toContain("<@");
        expect(shown).not.toContain("<!");
      }
      expect(discordText(discord)).not.toContain("@everyone");
      await expectNothingStored(desk);
    },
  );
});
