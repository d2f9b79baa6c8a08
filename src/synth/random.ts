// A seeded random source, so that a seed always yields the same synthetic dataset, byte for
// byte, on any machine. Math.random cannot be seeded; mulberry32 is a few lines, fast, and good
// enough for picking names and dates (it is not for cryptography).

/** A generator of uint32-seeded floats in [0, 1): the same seed, the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws built on one seeded sequence; every choice the generator makes goes through here. */
export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick needs a non-empty list");
    return item;
  }

  /** One value, chosen in proportion to its weight: [[value, weight], …]. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new Error("weighted needs at least one choice");
    return last[0];
  }

  /** Up to n distinct elements of a list, in the order drawn. */
  sample<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<T>();
    // Bounded tries, so a short list with repeats cannot loop forever.
    for (let tries = 0; chosen.size < Math.min(n, items.length) && tries < n * 4; tries++) {
      chosen.add(this.pick(items));
    }
    return [...chosen];
  }
}
