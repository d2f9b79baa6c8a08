// What a fake server received, in order, for tests to wait on.

/** A queue of things that arrive over time; `next()` waits for the next one not yet taken. */
export class Inbox<T> {
  readonly all: T[] = [];
  private taken = 0;
  private waiting: Array<() => void> = [];

  push(item: T): void {
    this.all.push(item);
    for (const wake of this.waiting.splice(0)) wake();
  }

  async next(): Promise<T> {
    while (this.taken >= this.all.length) await new Promise<void>((r) => this.waiting.push(r));
    return this.all[this.taken++] as T;
  }

  /** The first item, taken or not, that `match` accepts, waiting for it if need be. */
  async find(match: (item: T) => boolean): Promise<T> {
    for (;;) {
      const found = this.all.find(match);
      if (found !== undefined) return found;
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }
}
