import { describe, expect, it } from "vitest";
import type { ScheduleStore } from "../../src/store/schedule-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { StoreUnavailableError } from "../../src/store/store-errors.ts";
import { watchStore } from "../../src/store/watched-store.ts";
import { capturedLogger } from "../support/captured-logger.ts";

// A store that cannot be read is a state /healthz can report, set by whichever call met it and
// cleared by the next that works; the log says so once each way, not once a minute.

const broken = new StoreUnavailableError(
  "/state/barents.sqlite",
  "database disk image is malformed",
  false,
);

function flakyStore(): { store: ScheduleStore; fail: (on: boolean) => void } {
  const real = openSqliteStore(":memory:");
  let failing = false;
  const store = new Proxy(real, {
    get(target, name, receiver) {
      const member = Reflect.get(target, name, receiver);
      if (failing && name === "list") return () => Promise.reject(broken);
      return member;
    },
  });
  const fail = (on: boolean) => {
    failing = on;
  };
  return { store, fail };
}

describe("watchStore", () => {
  it("reports the first failure's time and the latest reason, without the path", async () => {
    const { store, fail } = flakyStore();
    const log = capturedLogger();
    let now = new Date("2026-10-30T08:01:00Z");
    const watched = watchStore(store, log.logger, () => now);
    expect(watched.health()).toEqual({ ok: true });
    fail(true);
    await expect(watched.store.list()).rejects.toBe(broken);
    now = new Date("2026-10-30T08:02:00Z");
    await expect(watched.store.list()).rejects.toBe(broken);
    expect(watched.health()).toEqual({
      ok: false,
      reason: "database disk image is malformed",
      since: "2026-10-30T08:01:00.000Z",
    });
    fail(false);
    expect(await watched.store.list()).toEqual([]);
    expect(watched.health()).toEqual({ ok: true });
    expect(log.lines.map((l) => l.msg)).toEqual([
      "schedule store unavailable",
      "schedule store available again",
    ]);
    watched.store.close();
  });
});
