import { describe, expect, it } from "vitest";
import { median, medianLatency, percentile, summarize, timeEach } from "../../src/bench/stats.ts";

describe("percentile", () => {
  it("takes the nearest rank: p50 of 1..100 is 50, p99 is 99, p100 the largest", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it("is not a number for no samples, rather than a made-up zero", () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("summarize", () => {
  it("reports milliseconds as microseconds, unsorted input and all", () => {
    expect(summarize([0.003, 0.001, 0.002])).toEqual({ p50: 2, p99: 3, max: 3, n: 3 });
  });
});

describe("median and medianLatency", () => {
  it("takes the middle of each figure over rounds, so one noisy round does not decide", () => {
    expect(median([5, 1, 3])).toBe(3);
    const rounds = [
      { p50: 10, p99: 100, max: 900, n: 10 },
      { p50: 12, p99: 30, max: 40, n: 10 },
      { p50: 11, p99: 20, max: 30, n: 10 },
    ];
    expect(medianLatency(rounds)).toEqual({ p50: 11, p99: 30, max: 40, n: 30 });
  });
});

describe("timeEach", () => {
  it("calls the function for the warm-up and then once per timed run, cycling the inputs", () => {
    const seen: number[] = [];
    const result = timeEach([1, 2, 3], (x) => seen.push(x), { warmup: 1, runs: 5 });
    expect(seen).toEqual([1, 2, 3, 1, 2, 3, 1, 2]);
    expect(result.n).toBe(5);
  });

  it("refuses to time nothing", () => {
    expect(() => timeEach([], () => {})).toThrow(/no inputs/);
  });
});
