import { Replica } from "./replica.ts";

// A set of replica-child.ts processes whose fake clocks move in lockstep: each move goes to
// every running replica and is done when all of them have settled. Replicas are killed (SIGKILL)
// and brought back as new processes, spawned ahead of time since loading one (discord.js, Bolt,
// the bundled data) takes seconds of wall time.

const SECOND = 1000;
/**
 * From BEFORE each due time (croner wakes at least every 30 s and reads the clock afresh) to
 * AFTER it, the clocks move CHUNK at a time, each replica firing its timers STEP by STEP and
 * letting the I/O they set off settle after each; elsewhere they are set forward at once.
 */
const BEFORE = 40 * SECOND;
const AFTER = 20 * SECOND;
const CHUNK = 20 * SECOND;
const STEP = 2 * SECOND;

export class ReplicaCluster {
  /** Where the clocks are; while a move is under way, where they are going (`movingTo`). */
  now: number;
  movingTo: number;
  readonly running: Replica[] = [];
  /** Every process spawned, for their logs. */
  readonly all: Replica[] = [];
  /** Replicas found dead when the test came to kill them, with their last words: none should be. */
  readonly crashed: string[] = [];
  private readonly standby: Replica[] = [];
  private down = 0;
  private spawned = 0;

  constructor(
    /** The environment of the replica named `name`. */
    private readonly env: (name: string) => Record<string, string>,
    /** The due times the clocks step through rather than jump over. */
    private readonly dues: readonly number[],
    start: number,
  ) {
    this.now = start;
    this.movingTo = start;
  }

  /** Starts `count` replicas at the current time, with `ready` more loading for what follows. */
  async start(count: number, ready: number): Promise<void> {
    const first = Array.from({ length: count }, () => this.spawn());
    this.prepare(ready);
    await Promise.all(first.map((r) => r.start(this.now)));
    this.running.push(...first);
  }

  /** Has at least `count` replicas loading or loaded, to bring up later. */
  prepare(count: number): void {
    while (this.standby.length < count) this.standby.push(this.spawn());
  }

  /** To `target`: around each due time a chunk at a time, elsewhere set forward at once. */
  async runTo(target: number): Promise<void> {
    for (;;) {
      const due = this.dues.find((d) => d > this.now);
      if (due === undefined || due - BEFORE > target) break;
      if (due - BEFORE > this.now) await this.move(due - BEFORE);
      const end = Math.min(due + AFTER, target);
      while (this.now < end) await this.move(Math.min(this.now + CHUNK, end), STEP);
      if (this.now >= target) return;
    }
    if (target > this.now) await this.move(target);
  }

  /** SIGKILLs a running replica; bringUp() replaces it. */
  async takeDown(replica: Replica): Promise<void> {
    this.running.splice(this.running.indexOf(replica), 1);
    this.down += 1;
    await this.kill(replica);
  }

  /** Starts as many new replicas as were taken down, at the current time. */
  async bringUp(): Promise<void> {
    this.movingTo = this.now;
    const back = this.standby.splice(0, this.down);
    this.down = 0;
    await Promise.all(back.map((r) => r.start(this.now)));
    this.running.push(...back);
  }

  /** Kills every process, running or waiting, and waits until their logs are read. */
  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((r) => this.kill(r)));
    await Promise.all(this.standby.splice(0).map((r) => r.kill()));
    await Promise.all(this.all.map((r) => r.closed));
  }

  private async move(to: number, stepMs?: number): Promise<void> {
    this.movingTo = to;
    await Promise.all(this.running.map((r) => r.advance(to, stepMs)));
    this.now = to;
  }

  private async kill(replica: Replica): Promise<void> {
    if (!replica.alive) this.crashed.push(`${replica.name}: ${replica.log.raw.slice(-2000)}`);
    await replica.kill();
  }

  private spawn(): Replica {
    this.spawned += 1;
    const name = `r${this.spawned}`;
    const replica = new Replica(name, this.env(name));
    this.all.push(replica);
    return replica;
  }
}
