import { describe, expect, it } from "vitest";
import type { CommandRow } from "../../src/bench/commands-bench.ts";
import type { SizeResult } from "../../src/bench/name-search-bench.ts";
import { type BenchResults, renderReport } from "../../src/bench/report.ts";
import type { Latency } from "../../src/bench/stats.ts";

// The report states what the figures say: each target met or missed, a miss with its gap and
// with what bounds it, and nothing said of a target that was met.

const lat = (p50: number, p99: number): Latency => ({ p50, p99, max: p99 * 2, n: 100 });
const cmd = (command: string, p99: number): CommandRow => ({
  command,
  inputs: 3,
  handler: lat(10, p99),
  discord: lat(20, 40),
  slack: lat(10, 20),
});
const engine = (ms: number, top1: number) => ({
  buildMs: 100,
  prefix: { p50: ms, p99: ms * 2, max: ms * 3 },
  typo: { p50: ms, p99: ms * 2, max: ms * 3 },
  top1,
});
const names = (size: number, ours: number, fuse: number): SizeResult => ({
  names: size,
  typoQueries: 200,
  prefixQueries: 100,
  barents: engine(ours, 0.95),
  fuse: engine(fuse, 0.6),
  speedup: { prefixP50: fuse / ours, typoP50: fuse / ours, typoP99: fuse / ours },
});
const index = (buildMs: number) => ({
  events: 100,
  people: 10,
  loadMs: 10,
  buildMs,
  heapMb: 9,
  rssMb: 90,
  rounds: 3,
});
const http = (target: "barents" | "bare" | "bare-sized", request: string, rps: number) => ({
  target,
  request,
  requestsPerSecond: rps,
  p50Ms: 1,
  p99Ms: 5,
  non2xx: 0,
  errors: 0,
});

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    when: "2026-12-01T08:00:00.000Z",
    quick: false,
    machine: { cpu: "Test CPU", cores: 2, memoryGb: 24, node: "v20.20.2" },
    synthetic: { events: 100_000, people: 20_000, seed: 1 },
    seconds: 300,
    index: { bundled: index(5), synthetic: index(1200) },
    commands: {
      bundled: [cmd("timeline", 300), cmd("who", 800)],
      synthetic: [cmd("timeline", 4000), cmd("who", 2000)],
    },
    names: [names(20_000, 0.5, 100), names(100_000, 1, 500)],
    http: [
      http("barents", "PING", 900),
      http("bare", "PING", 1000),
      http("bare-sized", "PING", 1000),
      http("barents", "/who huitfeldt", 500),
      http("bare", "/who huitfeldt", 1000),
      http("bare-sized", "/who huitfeldt", 950),
    ],
    startup: {
      askMs: 450,
      consoleMs: 470,
      bareMs: 200,
      askPeakMb: 60,
      barePeakMb: 40,
      runs: 10,
    },
    memory: {
      consoleMb: 95,
      connectedMb: 150,
      settleMs: 3000,
      libraries: { node: 41, "tsx/esm": 71, "discord.js+@slack/bolt": 94 },
    },
    ...overrides,
  };
}

const targetLine = (report: string, what: string) =>
  report.split("\n").find((l) => l.startsWith(`| ${what}`)) ?? "";

describe("renderReport", () => {
  const report = renderReport(results());

  it("marks a target met with yes", () => {
    expect(targetLine(report, "every command p99 ≤ 1 ms")).toMatch(/worst \/who 800 µs \| yes \|$/);
    expect(targetLine(report, "load + validate + index build ≤ 1.5 s")).toMatch(/\| yes \|$/);
  });

  it("marks a target missed with no and the size of the gap", () => {
    expect(targetLine(report, "idle RSS, Discord and Slack connected ≤ 1.15×")).toContain(
      "150 MB, 1.60× 94 MB | **no**: 0.45× over",
    );
    expect(targetLine(report, "ask, start to answer ≤ 2×")).toContain(
      "450 ms, 2.25× 200 ms | **no**: 0.25× over",
    );
    expect(
      targetLine(report, "Discord HTTP mode ≥ 80% of the bare server's throughput (/who"),
    ).toContain("50%; 53% of it sending as many bytes | **no**: 30 points short");
  });

  it("says what bounds each miss in the run's own figures, and nothing of targets met", () => {
    expect(report).toContain("94 MB once it has imported discord.js and Bolt alone");
    expect(report).toContain("**HTTP throughput of a command.**");
    expect(report).not.toContain("**Loading");
    expect(report).toContain("**Start-up.**");
  });

  it("compares the name search with plain Fuse.js at each size", () => {
    expect(targetLine(report, "autocomplete ≥ 10× faster")).toContain("500× (typo p50) | yes");
    expect(targetLine(report, "top-1 accuracy")).toContain("95.0% vs 60.0% | yes");
  });

  it("scores /search beside plain Fuse.js and marks its latency targets", () => {
    const speed = (p99: number) => ({
      documents: 60,
      buildMs: 3,
      latency: lat(100, p99),
      queries: 58,
    });
    const withSearch = renderReport(
      results({
        search: {
          relevance: {
            queries: 52,
            barents: { hitAt3: 0.96, mrr: 0.9, misses: ["vardo"] },
            fuse: { hitAt3: 0.8, mrr: 0.7, misses: ["Путин"] },
          },
          bundled: speed(1500),
          synthetic: speed(25_000),
          agreement: { candidates: 3000, queries: 400, pagesEqual: 360, scoreKept: 0.9994 },
        },
      }),
    );
    expect(targetLine(withSearch, "/search hit@3 ≥ 0.9")).toContain(
      "0.960 (plain Fuse.js 0.800) | yes",
    );
    expect(targetLine(withSearch, "/search p99 ≤ 2 ms")).toMatch(/\| yes \|$/);
    expect(targetLine(withSearch, "/search p99 ≤ 10 ms")).toContain("25 ms | **no**: 15 ms over");
    expect(withSearch).toContain("“Путин”");
    expect(withSearch).toContain("its first 3,000 matches");
    expect(withSearch).toContain("did on 360 (90%), and kept 99.94%");
    expect(report).not.toContain("## /search");
  });

  it("sums load and index build for the 100k target, and says where a miss's time goes", () => {
    const slow = renderReport(
      results({ index: { bundled: index(5), synthetic: { ...index(1400), loadMs: 2600 } } }),
    );
    expect(targetLine(slow, "load + validate + index build ≤ 1.5 s")).toContain(
      "4000 ms (2600 ms + 1400 ms) | **no**: 2500 ms over",
    );
    expect(slow).toContain("**Loading 100,000 events.** Of 2600 ms to load and validate");
  });

  it("reports a cold HTTP row beside the kept one, outside the targets", () => {
    const varied = (target: "barents" | "bare", rps: number) => ({
      ...http(target, "/who, 989 different names", rps),
      varied: true,
    });
    const both = renderReport(
      results({ http: [...results().http, varied("barents", 300), varied("bare", 1000)] }),
    );
    expect(
      targetLine(both, "Discord HTTP mode ≥ 80% of the bare server's throughput (/who, 989"),
    ).toBe("");
    expect(both).toContain(
      "(/who, 989 different names, more than are kept), each is run and drawn: 300 requests/s, 30% of the bare server's 1000.",
    );
  });

  it("shows the schedule store's claims and ticks, and flags a key not claimed exactly once", () => {
    const claim = { schedulers: 8, keys: 2000, attemptsPerSecond: 900, grantedPerSecond: 112 };
    const withStores = renderReport(
      results({
        stores: {
          claims: [
            { store: "sqlite", ...claim, granted: 2000 },
            { store: "postgres", ...claim, granted: 1999 },
          ],
          ticks: [{ store: "postgres", channels: 10_000, firstMs: 9000, tickMs: 41.5 }],
        },
      }),
    );
    expect(withStores).toContain("## Schedule store");
    expect(withStores).toContain("| SQLite (one file) | 8 | 2000 | 900 | 112 | yes |");
    expect(withStores).toContain("| PostgreSQL 15 | 8 | 2000 | 900 | 112 | **no**: 1999 of 2000 |");
    expect(withStores).toContain("| PostgreSQL 15 | 10,000 | 9000 ms | 41.5 ms |");
    expect(report).not.toContain("## Schedule store");
  });

  it("times each chart drawn and kept, and holds the worst at 100k to 150 ms p99", () => {
    const latency = (ms: number) => ({ p50: ms * 500, p99: ms * 1000, max: ms * 1100, n: 20 });
    const chart = (data: "bundled" | "synthetic", call: string, ms: number) => ({
      data,
      call,
      drawn: latency(ms),
      kept: latency(0.5),
      pngKb: 70,
    });
    const withCharts = renderReport(
      results({
        charts: [
          chart("bundled", "/chart expulsions", 90),
          chart("synthetic", "/chart expulsions", 120),
          chart("synthetic", "/chart timeline topic:expulsion", 180),
        ],
      }),
    );
    expect(withCharts).toContain("## Charts (/chart)");
    expect(withCharts).toContain(
      "| 100,000 events | `/chart timeline topic:expulsion` | 90 ms / 180 ms / 198 ms | 0.3 ms / 0.5 ms | 70 kB |",
    );
    expect(targetLine(withCharts, "either chart drawn ≤ 150 ms p99 at 100k")).toMatch(
      /180 ms \(\/chart timeline topic:expulsion\) \| \*\*no\*\*: 30 ms over \|$/,
    );
    expect(report).not.toContain("## Charts");
  });

  it("says a quick run is not for comparison", () => {
    expect(renderReport(results({ quick: true }))).toContain("npm run bench -- --quick");
    expect(report).not.toContain("--quick");
  });
});
