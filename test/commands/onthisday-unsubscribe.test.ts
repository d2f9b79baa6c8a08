import { describe, expect, it } from "vitest";
import type { Place } from "../../src/schedule/desk.ts";
import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { ask, bundledContext, run } from "../support/context.ts";
import { atPlace, memoryDesk, slackChannelContext } from "../support/schedule.ts";

const ctx = bundledContext();
const here: ChannelRef = { platform: "slack", channel: "C0TEAM01" };
const elsewhere: ChannelRef = { platform: "slack", channel: "C0OTHER9" };

/** A desk with this channel subscribed at 08:30 Oslo time by U0ALICE, changes counted from 0. */
function subscribedDesk() {
  const desk = memoryDesk();
  ask(slackChannelContext(ctx, desk), "/onthisday subscribe 08:30 Europe/Oslo");
  desk.changes = 0;
  return desk;
}

describe("/onthisday-unsubscribe", () => {
  it("stops this channel's daily posts and says how to start them again", () => {
    const desk = subscribedDesk();
    const reply = ask(slackChannelContext(ctx, desk), "/onthisday unsubscribe");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Daily posts stopped");
    expect(reply.body.join("\n")).toContain("/onthisday-subscribe starts them again");
    expect(desk.store.get(here)).toBeUndefined();
  });

  it("tells the scheduler the schedule changed", () => {
    const desk = subscribedDesk();
    run(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(desk.changes).toBe(1);
  });

  it("records who stopped the posts, and when", () => {
    const desk = subscribedDesk();
    const later = bundledContext(new Date("2026-11-02T08:00:00Z"));
    run(slackChannelContext(later, desk), "onthisday-unsubscribe");
    expect(desk.store.changes(here).at(-1)).toEqual({
      ...here,
      action: "unsubscribe",
      by: "U0ALICE",
      at: "2026-11-02T08:00:00.000Z",
    });
  });

  it("stops only the channel it is run in", () => {
    const desk = subscribedDesk();
    const other = atPlace(ctx, { ...elsewhere, user: "U0BOB" }, desk);
    ask(other, "/onthisday subscribe 07:00 Europe/Oslo");
    run(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(desk.store.list().map((s) => s.channel)).toEqual([elsewhere.channel]);
  });

  it("answers 'empty', with an example, when the channel has nothing to stop", () => {
    const desk = memoryDesk();
    const reply = run(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("This channel has no daily posts to stop.");
    expect(reply.body).toEqual([
      "Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them.",
    ]);
    expect(desk.changes).toBe(0);
    expect(desk.store.changes(here)).toEqual([]);
  });

  it("answers 'empty' the second time it is run", () => {
    const desk = subscribedDesk();
    const c = slackChannelContext(ctx, desk);
    expect(run(c, "onthisday-unsubscribe").kind).toBe("answer");
    expect(run(c, "onthisday-unsubscribe").kind).toBe("empty");
    expect(desk.changes).toBe(1);
  });

  it("takes no options", () => {
    const desk = subscribedDesk();
    const reply = ask(slackChannelContext(ctx, desk), "/onthisday unsubscribe now");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe("/onthisday-unsubscribe takes no values by position.");
    expect(desk.store.get(here)).toBeDefined();
  });
});

describe("where /onthisday-unsubscribe may run", () => {
  it("asks to be run in a channel when there is none, as in the console", () => {
    const reply = ask(ctx, "/onthisday unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Daily posts go to a Discord or Slack channel: run this in the channel that should get them.",
    );
    expect(reply.body).toEqual(["Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo"]);
  });

  it("names the missing token when this process cannot post to the platform", () => {
    const desk = memoryDesk(["discord"]);
    const reply = run(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain("must set SLACK_BOT_TOKEN");
  });

  it("refuses a Discord member without Manage Channels and keeps the subscription", () => {
    const desk = memoryDesk();
    const channel = "100000000000000004";
    const place: Place = { platform: "discord", channel, user: "42", canManageChannels: true };
    ask(atPlace(ctx, place, desk), "/onthisday subscribe 08:30 Europe/Oslo");
    desk.changes = 0;
    const member = atPlace(ctx, { ...place, user: "43", canManageChannels: false }, desk);
    const reply = run(member, "onthisday-unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Only people with the Manage Channels permission can change this channel's daily posts.",
    );
    expect(desk.store.get({ platform: "discord", channel })).toMatchObject({ by: "42" });
    expect(desk.changes).toBe(0);
  });

  it("leaves a subscription from configuration alone: it is stopped there", () => {
    const desk = memoryDesk();
    desk.store.subscribe({
      ...here,
      time: "08:00",
      timeZone: "Europe/Oslo",
      origin: "config",
      since: "2026-10-01T00:00:00.000Z",
    });
    const reply = run(slackChannelContext(ctx, desk), "onthisday-unsubscribe");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain("set in Barents's configuration (ONTHISDAY_CHANNELS)");
    expect(reply.title).toContain("stopped there, not by command");
    expect(desk.store.get(here)).toMatchObject({ origin: "config", time: "08:00" });
    expect(desk.changes).toBe(0);
  });
});
