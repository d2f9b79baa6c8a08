import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { ChildLog } from "./child-log.ts";
import { ROOT } from "./process.ts";

// The parent's handle on one replica-child.ts process: spawned at once (it loads while the test
// goes on), started at a simulated instant, moved forward with the others, and SIGKILLed as a
// crash is. A request to a replica that dies meanwhile resolves, since a killed replica is
// something the test does on purpose.

const SCRIPT = "test/support/replica-child.ts";

export class Replica {
  readonly child: ChildProcessWithoutNullStreams;
  readonly log: ChildLog;
  /** Resolves once the process has exited and its stderr has been read to the end. */
  readonly closed: Promise<void>;
  private seq = 0;
  private readonly answers = new Map<number, () => void>();
  private readonly loaded: Promise<void>;

  constructor(
    readonly name: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ["--import", "tsx", SCRIPT], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, REPLICA: name },
      stdio: ["pipe", "pipe", "pipe", "ipc"],
    }) as ChildProcessWithoutNullStreams;
    this.log = new ChildLog(this.child);
    this.closed = new Promise((resolve) => this.child.once("close", () => resolve()));
    this.loaded = new Promise((resolve) => this.answers.set(0, resolve));
    this.child.on("message", (message: { seq: number }) => {
      this.answers.get(message.seq)?.();
      this.answers.delete(message.seq);
    });
    this.child.once("exit", () => {
      for (const answer of this.answers.values()) answer();
      this.answers.clear();
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the daily posts with the clock at `at`, once loaded; resolves once settled. */
  async start(at: number): Promise<void> {
    await this.loaded;
    await this.call({ type: "start", at });
  }

  /** Moves the clock to `to`: in steps of `stepMs` firing timers, or else set forward at once. */
  advance(to: number, stepMs?: number): Promise<void> {
    return this.call({ type: "advance", to, ...(stepMs ? { stepMs } : {}) });
  }

  /** SIGKILL: no shutdown, as when a machine or a container dies. */
  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.closed;
  }

  private call(message: Record<string, unknown>): Promise<void> {
    if (!this.alive) return Promise.resolve();
    this.seq += 1;
    const seq = this.seq;
    return new Promise((resolve) => {
      this.answers.set(seq, resolve);
      this.child.send({ ...message, seq });
    });
  }
}
