import type { RenderedChart } from "./render-chart.ts";

// Drawn charts kept by the call that asked for them, so a repeated request costs no render. The
// call is the whole key because the data cannot change under it: the index is built once at
// start-up and never reloaded, so a new data version means a new process and an empty cache.
// Kept as promises, so two requests for the same chart at once share one render.

/** A chart is 50–150 kB: a few dozen of the latest cost a few MB. */
const KEPT = 32;

export class ChartCache {
  private readonly kept = new Map<string, Promise<RenderedChart>>();

  constructor(private readonly size = KEPT) {}

  /** The chart for `key`, drawn by `draw` unless it is kept; a failed draw is not kept. */
  get(key: string, draw: () => Promise<RenderedChart>): Promise<RenderedChart> {
    const found = this.kept.get(key);
    if (found) {
      // Most recently used last: the first entry is the one to drop.
      this.kept.delete(key);
      this.kept.set(key, found);
      return found;
    }
    const drawing = draw();
    this.kept.set(key, drawing);
    drawing.catch(() => {
      if (this.kept.get(key) === drawing) this.kept.delete(key);
    });
    if (this.kept.size > this.size) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return drawing;
  }

  clear(): void {
    this.kept.clear();
  }

  get count(): number {
    return this.kept.size;
  }
}
