import { afterEach, describe, expect, it, vi } from "vitest";
import { JobTable } from "../../src/schedule/job-table.ts";
import type { Subscription } from "../../src/store/schedule-store.ts";

// The scheduler's timers: one per distinct daily time and zone, each firing for every channel
// that has that time, the membership read as it fires.

const sub = (channel: string, time: string, timeZone = "Europe/Oslo"): Subscription => ({
  platform: channel.startsWith("C") ? "slack" : "discord",
  channel,
  time,
  timeZone,
  origin: "command",
  since: "2026-10-01T00:00:00.000Z",
  failures: 0,
});

let table: JobTable | undefined;
afterEach(() => {
  table?.stop();
  vi.useRealTimers();
});

function recording() {
  const fired: string[] = [];
  const failed: string[] = [];
  table = new JobTable(
    (ref) => fired.push(ref.channel),
    (_error, channel) => failed.push(channel),
  );
  return { table, fired, failed };
}

describe("the job table", () => {
  it("runs one timer per distinct time and zone, however many channels share it", () => {
    const { table } = recording();
    table.match([
      sub("C0A", "09:00"),
      sub("C0B", "09:00"),
      sub("100", "09:00"),
      sub("C0C", "09:00", "America/New_York"),
      sub("C0D", "18:30"),
    ]);
    expect(table.size).toBe(3);
  });

  it("fires for every channel at the time, in its zone, and for those added since", async () => {
    vi.useFakeTimers({ now: new Date("2026-10-30T07:59:00Z") }); // 08:59 in Oslo
    const { table, fired } = recording();
    table.match([sub("C0A", "09:00"), sub("C0B", "09:00"), sub("C0D", "10:00")]);
    table.match([sub("C0A", "09:00"), sub("C0B", "09:00"), sub("C0E", "09:00")]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(fired.sort()).toEqual(["C0A", "C0B", "C0E"]);
    expect(table.size).toBe(1);
  });

  it("stops a time nobody has any more, and fires nothing after stop()", async () => {
    vi.useFakeTimers({ now: new Date("2026-10-30T07:59:00Z") });
    const { table, fired } = recording();
    table.match([sub("C0A", "09:00"), sub("C0B", "10:00")]);
    table.match([sub("C0B", "10:00")]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(fired).toEqual([]);
    table.stop();
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    expect(fired).toEqual([]);
    expect(table.size).toBe(0);
  });

  it("names each channel of a time croner cannot schedule, and schedules the rest", () => {
    const { table, failed } = recording();
    table.match([
      sub("C0A", "09:00", "Mars/Olympus_Mons"),
      sub("C0B", "09:00", "Mars/Olympus_Mons"),
      sub("C0C", "09:00"),
    ]);
    expect(failed.sort()).toEqual(["slack:C0A", "slack:C0B"]);
    expect(table.size).toBe(1);
  });
});
