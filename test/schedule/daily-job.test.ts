import { describe, expect, it } from "vitest";
import { dueBetween, lastDue, nextPost } from "../../src/schedule/daily-job.ts";

// The daily time as croner reckons it in the subscription's own zone, across both
// daylight-saving turns of 2026 in Oslo (29 March, 25 October) and New York (8 March, 1 November).

const at = (iso: string) => new Date(iso);
const next = (time: string, timeZone: string, from: string) =>
  nextPost({ time, timeZone }, at(from))?.toISOString();

describe("nextPost", () => {
  it("is the local time in the subscription's zone, in winter and in summer", () => {
    expect(next("09:00", "Europe/Oslo", "2026-01-15T00:00:00Z")).toBe("2026-01-15T08:00:00.000Z");
    expect(next("09:00", "Europe/Oslo", "2026-07-15T00:00:00Z")).toBe("2026-07-15T07:00:00.000Z");
    expect(next("09:00", "America/New_York", "2026-07-15T00:00:00Z")).toBe(
      "2026-07-15T13:00:00.000Z",
    );
  });

  it("is the next day once today's time has passed", () => {
    expect(next("09:00", "Europe/Oslo", "2026-01-15T08:00:00Z")).toBe("2026-01-16T08:00:00.000Z");
  });

  it("moves a time inside Oslo's spring-forward gap to the first valid moment after it", () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist, 03:00 CEST is 01:00Z.
    expect(next("02:30", "Europe/Oslo", "2026-03-28T12:00:00Z")).toBe("2026-03-29T01:00:00.000Z");
    expect(next("02:30", "Europe/Oslo", "2026-03-29T01:00:00Z")).toBe("2026-03-30T00:30:00.000Z");
  });

  it("runs a time repeated at Oslo's fall-back once", () => {
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
    expect(next("02:30", "Europe/Oslo", "2026-10-24T12:00:00Z")).toBe("2026-10-25T00:30:00.000Z");
    expect(next("02:30", "Europe/Oslo", "2026-10-25T00:30:00Z")).toBe("2026-10-26T01:30:00.000Z");
  });

  it("does the same in New York, spring and fall", () => {
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00Z).
    expect(next("02:30", "America/New_York", "2026-03-07T12:00:00Z")).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    // 1 November 2026: 02:00 EDT falls back to 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
    expect(next("01:30", "America/New_York", "2026-10-31T12:00:00Z")).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(next("01:30", "America/New_York", "2026-11-01T05:30:00Z")).toBe(
      "2026-11-02T06:30:00.000Z",
    );
  });

  it("is null while a subscription is paused", () => {
    const paused = { time: "09:00", timeZone: "Europe/Oslo", paused: "Missing Access" };
    expect(nextPost(paused, at("2026-01-15T00:00:00Z"))).toBeNull();
  });
});

describe("lastDue", () => {
  it("is the latest run at or before the instant", () => {
    const timing = { time: "09:00", timeZone: "Europe/Oslo" };
    expect(lastDue(timing, at("2026-01-15T10:00:00Z"))?.toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
    expect(lastDue(timing, at("2026-01-15T07:59:00Z"))?.toISOString()).toBe(
      "2026-01-14T08:00:00.000Z",
    );
  });

  it("counts a run at the very instant asked about, as a job reads the clock when it fires", () => {
    const timing = { time: "09:00", timeZone: "Europe/Oslo" };
    expect(lastDue(timing, at("2026-01-15T08:00:00Z"))?.toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
  });
});

describe("dueBetween", () => {
  const timing = { time: "02:30", timeZone: "Europe/Oslo" };

  it("lists the due times after the first instant and up to the second, oldest first", () => {
    expect(
      dueBetween(timing, at("2026-03-27T01:30:00Z"), at("2026-03-30T00:30:00Z"), 10).map((d) =>
        d.toISOString(),
      ),
    ).toEqual([
      "2026-03-28T01:30:00.000Z",
      // 02:30 does not exist on the day clocks spring forward: the first moment after the gap.
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
  });

  it("gives at most the latest `max` of them", () => {
    expect(
      dueBetween(timing, at("2026-03-01T00:00:00Z"), at("2026-03-30T00:30:00Z"), 2).map((d) =>
        d.toISOString(),
      ),
    ).toEqual(["2026-03-29T01:00:00.000Z", "2026-03-30T00:30:00.000Z"]);
  });
});
