import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/reply/reply.ts";
import type { Place } from "../../src/schedule/desk.ts";
import type { ChannelRef } from "../../src/store/schedule-store.ts";
import { askLater, bundledContext, runLater } from "../support/context.ts";
import { atPlace, memoryDesk, slackChannelContext } from "../support/schedule.ts";

// The clock stands at 30 October 2026, 11:00 UTC: 07:00 in New York (EDT), 12:00 in Oslo (CET).
const ctx = bundledContext();
const here: ChannelRef = { platform: "slack", channel: "C0TEAM01" };

function field(reply: Reply, name: string): string | undefined {
  return reply.fields.find((f) => f.name === name)?.value;
}

/** A desk with this channel subscribed by U0ALICE, by command, at 07:45 New York time. */
async function subscribedDesk() {
  const desk = memoryDesk();
  await askLater(slackChannelContext(ctx, desk), "/onthisday subscribe 07:45 America/New_York");
  return desk;
}

async function configDesk() {
  const desk = memoryDesk();
  await desk.store.subscribe({
    ...here,
    time: "08:00",
    timeZone: "Europe/Oslo",
    origin: "config",
    since: "2026-10-01T00:00:00.000Z",
  });
  return desk;
}

describe("/onthisday-status", () => {
  it("answers 'empty', with an example, when nothing is scheduled here", async () => {
    const reply = await askLater(slackChannelContext(ctx), "/onthisday status");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toBe("No daily posts are scheduled in this channel.");
    expect(reply.body).toEqual([
      "Example: /onthisday-subscribe time:08:30 timezone:Europe/Oslo starts them.",
    ]);
  });

  it("shows the time and zone, who set it up and when, the next post and no last one yet", async () => {
    const reply = await runLater(
      slackChannelContext(ctx, await subscribedDesk()),
      "onthisday-status",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Daily posts in this channel");
    expect(reply.body).toEqual([]);
    expect(field(reply, "Every day at")).toBe("07:45 (America/New_York)");
    expect(field(reply, "Set up")).toMatch(
      /^By command, Fri 30 Oct 2026, 07:00 .*, by user U0ALICE$/,
    );
    expect(field(reply, "Next post")).toMatch(/^Fri 30 Oct 2026, 07:45 /);
    expect(field(reply, "Last post")).toBe("None yet");
  });

  it("shows the last post from the post log, in the subscription's zone", async () => {
    const desk = await subscribedDesk();
    // Yesterday's post, claimed at 07:45 New York time and sent two seconds later.
    await desk.store.claim(here, "2026-10-29", new Date("2026-10-29T11:45:00Z"));
    await desk.store.settle(
      here,
      "2026-10-29",
      { status: "sent", attempts: 1 },
      new Date("2026-10-29T11:45:02Z"),
    );
    const reply = await runLater(slackChannelContext(ctx, desk), "onthisday-status");
    expect(field(reply, "Last post")).toMatch(/^2026-10-29: posted Thu 29 Oct 2026, 07:45 /);
  });

  it("shows the most recent post of the log, with why it failed", async () => {
    const desk = await subscribedDesk();
    for (const day of ["2026-10-28", "2026-10-29"]) {
      await desk.store.claim(here, day, new Date(`${day}T11:45:00Z`));
    }
    await desk.store.settle(
      here,
      "2026-10-28",
      { status: "sent", attempts: 1 },
      new Date("2026-10-28T11:45:01Z"),
    );
    await desk.store.settle(
      here,
      "2026-10-29",
      { status: "failed", attempts: 3, detail: "not_in_channel" },
      new Date("2026-10-29T11:50:00Z"),
    );
    const last = field(
      await runLater(slackChannelContext(ctx, desk), "onthisday-status"),
      "Last post",
    );
    expect(last).toMatch(/^2026-10-29: failed Thu 29 Oct 2026, 07:50 .* \(not_in_channel\)$/);
  });

  it("shows a post still being sent as such", async () => {
    const desk = await subscribedDesk();
    await desk.store.claim(here, "2026-10-30", new Date("2026-10-30T11:00:00Z"));
    const last = field(
      await runLater(slackChannelContext(ctx, desk), "onthisday-status"),
      "Last post",
    );
    expect(last).toMatch(/^2026-10-30: being sent Fri 30 Oct 2026, 07:00 /);
  });

  it("says a subscription is paused, why, and that subscribing again resumes it", async () => {
    const desk = await subscribedDesk();
    for (let i = 0; i < 3; i++) desk.store.recordFailure(here, "channel_not_found", 3, ctx.now());
    const reply = await runLater(slackChannelContext(ctx, desk), "onthisday-status");
    expect(reply.body).toEqual([
      "Paused after 3 failed posts in a row: channel_not_found.",
      "Fix the problem, then /onthisday-subscribe resumes them.",
    ]);
    expect(field(reply, "Next post")).toBe("None while paused");
  });

  it("says a paused subscription from configuration resumes on restart", async () => {
    const desk = await configDesk();
    await desk.store.recordFailure(here, "missing_scope", 1, ctx.now());
    const reply = await runLater(slackChannelContext(ctx, desk), "onthisday-status");
    expect(reply.body).toEqual([
      "Paused after 1 failed post in a row: missing_scope.",
      "Restarting Barents resumes them once the problem is fixed.",
    ]);
  });

  it("says a subscription from configuration was set up there", async () => {
    const reply = await runLater(slackChannelContext(ctx, await configDesk()), "onthisday-status");
    expect(field(reply, "Set up")).toBe("By Barents's configuration (ONTHISDAY_CHANNELS)");
    expect(field(reply, "Next post")).toMatch(/^Sat 31 Oct 2026, 08:00 CET$/);
  });

  it("shows only the channel it is run in", async () => {
    const desk = await subscribedDesk();
    const other = atPlace(ctx, { platform: "slack", channel: "C0OTHER9", user: "U0BOB" }, desk);
    expect((await runLater(other, "onthisday-status")).kind).toBe("empty");
  });

  it("changes nothing", async () => {
    const desk = await subscribedDesk();
    const before = { subscription: desk.store.get(here), log: desk.store.changes(here) };
    await runLater(slackChannelContext(ctx, desk), "onthisday-status");
    expect({ subscription: desk.store.get(here), log: desk.store.changes(here) }).toEqual(before);
    expect(desk.changes).toBe(1);
  });
});

describe("where /onthisday-status may run", () => {
  it("asks to be run in a channel when there is none, as in the console", async () => {
    const reply = await askLater(ctx, "/onthisday status");
    expect(reply.kind).toBe("usage");
    expect(reply.title).toBe(
      "Daily posts go to a Discord or Slack channel: run this in the channel that should get them.",
    );
  });

  it("names the missing token when this process cannot post to the platform", async () => {
    const reply = await runLater(
      slackChannelContext(ctx, memoryDesk(["discord"])),
      "onthisday-status",
    );
    expect(reply.kind).toBe("usage");
    expect(reply.title).toContain("must set SLACK_BOT_TOKEN");
  });

  it("answers a Discord member without Manage Channels, who may look but not change", async () => {
    const desk = memoryDesk();
    const channel = "100000000000000004";
    const admin: Place = { platform: "discord", channel, user: "42", canManageChannels: true };
    await askLater(atPlace(ctx, admin, desk), "/onthisday subscribe 08:30 Europe/Oslo");
    const member = atPlace(ctx, { ...admin, user: "43", canManageChannels: false }, desk);
    const reply = await runLater(member, "onthisday-status");
    expect(reply.kind).toBe("answer");
    expect(field(reply, "Set up")).toContain("by user 42");
  });
});
