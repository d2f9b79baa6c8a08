import { describe, expect, it } from "vitest";
import type { Place } from "../../src/schedule/desk.ts";
import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { askLater, bundledContext, runLater } from "../support/context.ts";
import { atPlace, memoryDesk, slackChannelContext } from "../support/schedule.ts";

const ctx = bundledContext();
const here: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const elsewhere: ChannelRef = { platform: "slack", channel: "C0OTHER9" };

/** A desk with this channel subscribed at 08:30 Oslo time by U0ALICE, changes counted from 0. */
async function subscribedDesk() {
  const desk = memoryDesk();
  await askLater(slackChannelContext(ctx, desk), "/onthisday subscribe 08:30 Europe/Oslo");
  desk.changes = 0;
  return desk;
}

describe("/onthisday-unsubscribe", () => {
  it("stops this channel's daily posts and says how to start them again", async () => {
    const desk = await subscribedDesk();
    const reply = await askLater(slackChannelContext(ctx, desk), "/onthisday unsubscribe");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Daily posts stopped");
    expect(reply.body.join("\n")).toContain("/onthisday-subscribe starts them again");
    expect(await desk.store.get(here)).toBeUndefined();
  });

  it("tells the scheduler the schedule changed", async () => {
    const desk = await subscribedDesk();
    await runLater(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(desk.changes).toBe(1);
  });

  it("records who stopped the posts, and when", async () => {
    const desk = await subscribedDesk();
    const later = bundledContext(new Date("2026-11-02T08:00:00Z"));
    await runLater(slackChannelContext(later, desk), "onthisday-unsubscribe");
    expect((await desk.store.changes(here)).at(-1)).toEqual({
      ...here,
      action: "unsubscribe",
      by: "U0ALICE",
      at: "2026-11-02T08:00:00.000Z",
    });
  });

  it("stops only the channel it is run in", async () => {
    const desk = await subscribedDesk();
    const other = atPlace(ctx, { ...elsewhere, user: "U0BOB" }, desk);
    await askLater(other, "/onthisday subscribe 07:00 Europe/Oslo");
    await runLater(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect((await desk.store.list()).map((s) => s.channel)).toEqual([elsewhere.channel]);
  });

  it("answers 'empty', with an example, when the channel has nothing to stop", async () => {
    const desk = memoryDesk();
    const reply = await runLater(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("This channel has no daily posts to stop.");
    expect(reply.body).toEqual([
      "Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them.",
    ]);
    expect(desk.changes).toBe(0);
    expect(await desk.store.changes(here)).toEqual([]);
  });

  it("answers 'empty' the second time it is run", async () => {
    const desk = await subscribedDesk();
    const c = slackChannelContext(ctx, desk);
    expect((await runLater(c, "onthisday-unsubscribe")).kind).toBe("answer");
    expect((await runLater(c, "onthisday-unsubscribe")).kind).toBe("empty");
    expect(desk.changes).toBe(1);
  });

  it("takes no options", async () => {
    const desk = await subscribedDesk();
    const reply = await askLater(slackChannelContext(ctx, desk), "/onthisday unsubscribe now");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe("/onthisday-unsubscribe takes no values by position.");
    expect(await desk.store.get(here)).toBeDefined();
  });
});

describe("where /onthisday-unsubscribe may run", () => {
  it("asks to be run in a channel when there is none, as in the console", async () => {
    const reply = await askLater(ctx, "/onthisday unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Daily posts go to a Discord or Slack channel: run this in the channel that should get them.",
    );
    expect(reply.body).toEqual(["Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo"]);
  });

  it("names the missing token when this process cannot post to the platform", async () => {
    const desk = memoryDesk(["discord"]);
    const reply = await runLater(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain("must set SLACK_BOT_TOKEN");
  });

  it("refuses a Discord member without Manage Channels and keeps the subscription", async () => {
    const desk = memoryDesk();
    const channel = "100000000000000004";
    const place: Place = { platform: "discord", channel, user: "42", canManageChannels: true };
    await askLater(atPlace(ctx, place, desk), "/onthisday subscribe 08:30 Europe/Oslo");
    desk.changes = 0;
    const member = atPlace(ctx, { ...place, user: "43", canManageChannels: false }, desk);
    const reply = await runLater(member, "onthisday-unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Only people with the Manage Channels permission can change this channel's daily posts.",
    );
    expect(await desk.store.get({ platform: "discord", channel })).toMatchObject({ by: "42" });
    expect(desk.changes).toBe(0);
  });

  it("leaves a subscription from configuration alone: it is stopped there", async () => {
    const desk = memoryDesk();
    await desk.store.subscribe({
      ...here,
      time: "08:00",
      timeZone: "Europe/Oslo",
      origin: "config",
      since: "2026-10-01T00:00:00.000Z",
    });
    const reply = await runLater(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain("set in Barents's configuration (ONTHISDAY_CHANNELS)");
    expect(reply.title).toContain("stopped there, not by command");
    expect(await desk.store.get(here)).toMatchObject({ origin: "config", time: "08:00" });
    expect(desk.changes).toBe(0);
  });
});
