import type { ChildProcessWithoutNullStreams } from "node:child_process";

// Every JSON log line a bot process writes to stderr, kept from its start, so a test can wait
// for a line and afterwards read them all (logLine in process.ts takes one and lets go). Also
// the process's exit, with how long after a given moment it came.

export type LogEntry = Record<string, unknown>;

export interface Exit {
  code: number | null;
  /** performance.now() when the process exited. */
  at: number;
}

export class ChildLog {
  readonly lines: LogEntry[] = [];
  /** Everything written to stderr, for a failing test's message. */
  raw = "";
  readonly exited: Promise<Exit>;
  private buffer = "";
  private waiting: Array<() => void> = [];
  private ended = false;

  constructor(child: ChildProcessWithoutNullStreams) {
    child.stderr.on("data", (chunk: Buffer) => {
      this.raw += String(chunk);
      this.buffer += String(chunk);
      const lines = this.buffer.split("\n");
      this.buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        try {
          this.lines.push(JSON.parse(line) as LogEntry);
        } catch {
          // Not a log line: kept in raw only.
        }
      }
      this.wake();
    });
    // Drained so a chatty stdout cannot fill its pipe and stall the child.
    child.stdout.resume();
    this.exited = new Promise((resolve) => {
      child.once("exit", (code) => {
        this.ended = true;
        this.wake();
        resolve({ code, at: performance.now() });
      });
    });
  }

  /** The lines `match` accepts, so far. */
  all(match: (line: LogEntry) => boolean): LogEntry[] {
    return this.lines.filter(match);
  }

  /** The first line `match` accepts, waiting for it; rejects if the process exits first. */
  async find(match: (line: LogEntry) => boolean, what: string): Promise<LogEntry> {
    for (;;) {
      const found = this.lines.find(match);
      if (found) return found;
      if (this.ended) throw new Error(`exited before logging ${what}:\n${this.raw}`);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** The first line with this message (and these fields, if given). */
  line(msg: string, fields: LogEntry = {}): Promise<LogEntry> {
    const match = (l: LogEntry) =>
      l.msg === msg && Object.entries(fields).every(([k, v]) => l[k] === v);
    return this.find(match, `"${msg}" ${JSON.stringify(fields)}`);
  }

  private wake(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }
}
