import type { CommandContext } from "../../src/command/declaration.ts";
import type { Place, ScheduleDesk } from "../../src/schedule/desk.ts";
import type { Platform, ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";

// A schedule for command tests: an in-memory store behind a desk that counts how often the
// commands said they changed it.

export interface TestDesk extends ScheduleDesk {
  store: ScheduleStore;
  /** How many times a command called changed(). */
  changes: number;
}

export function memoryDesk(
  platforms: readonly Platform[] = ["discord", "slack"],
  defaults = { time: "09:00", timeZone: "Europe/Oslo" },
): TestDesk {
  const desk: TestDesk = {
    store: openSqliteStore(":memory:"),
    platforms: new Set(platforms),
    defaults,
    changes: 0,
    changed: () => {
      desk.changes += 1;
    },
  };
  return desk;
}

/** `ctx` as a command run in a channel sees it. */
export function atPlace(ctx: CommandContext, place: Place, desk = memoryDesk()): CommandContext {
  return { ...ctx, place, schedule: desk };
}

/** `ctx` as a command typed in a Slack channel sees it, with a fresh schedule. */
export function slackChannelContext(ctx: CommandContext, desk = memoryDesk()): CommandContext {
  return atPlace(ctx, { platform: "slack", channel: "C0TEAM01", user: "U0ALICE" }, desk);
}
