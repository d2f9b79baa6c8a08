import { performance } from "node:perf_hooks";

// Latency figures as the benchmark reports them: microseconds, nearest-rank percentiles, and a
// warm-up first so the JIT has compiled what is measured.

export interface Latency {
  /** Microseconds. */
  p50: number;
  p99: number;
  max: number;
  /** How many timings the figures come from. */
  n: number;
}

/** The value at `fraction` of the sorted samples, by nearest rank. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** p50, p99 and max of timings in milliseconds, reported in microseconds. */
export function summarize(samplesMs: readonly number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const us = (ms: number) => Math.round(ms * 1000 * 10) / 10;
  return {
    p50: us(percentile(sorted, 0.5)),
    p99: us(percentile(sorted, 0.99)),
    max: us(sorted[sorted.length - 1] ?? Number.NaN),
    n: sorted.length,
  };
}

export interface TimingOptions {
  /** Passes over the inputs before timing starts. */
  warmup?: number;
  /** Timed calls in all; the inputs are cycled through. */
  runs?: number;
}

/** Times `fn` once per call, cycling through `inputs`, after a warm-up. */
export function timeEach<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  options: TimingOptions = {},
): Latency {
  const { warmup = 2, runs = 2000 } = options;
  if (inputs.length === 0) throw new Error("nothing to time: no inputs");
  for (let pass = 0; pass < warmup; pass++) for (const input of inputs) fn(input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = inputs[i % inputs.length] as T;
    const start = performance.now();
    fn(input);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** Milliseconds that `fn` takes, once. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** The median of each figure over repeated rounds: one noisy round does not decide. */
export function medianLatency(rounds: readonly Latency[]): Latency {
  const of = (pick: (l: Latency) => number) => median(rounds.map(pick));
  return {
    p50: of((l) => l.p50),
    p99: of((l) => l.p99),
    max: of((l) => l.max),
    n: rounds.reduce((sum, l) => sum + l.n, 0),
  };
}

/** `measure` run `rounds` times, its figures' medians kept. */
export function repeated(rounds: number, measure: () => Latency): Latency {
  return medianLatency(Array.from({ length: rounds }, measure));
}
