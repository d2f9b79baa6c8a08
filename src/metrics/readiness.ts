import { messageOf } from "../error-message.ts";
import { type Route, sendJson } from "../http/server.ts";
import { withDeadline } from "../with-deadline.ts";

// GET /readyz: whether this process should be sent work now. /healthz says the process is alive
// (a restart would not help a process that is merely starting or waiting for its store); /readyz
// says each part it needs is there: the data loaded, each configured platform connected or its
// HTTP route served, and the schedule store answering. A part that is not names why.

/** Undefined when the part is ready, else why not, in words an operator can act on. */
export type ReadyCheck = () => string | undefined | Promise<string | undefined>;

export type ReadyReport = { ready: true } | { ready: false; reasons: Record<string, string> };

/** A check that has not answered by then counts as not ready, so /readyz itself never hangs. */
export const CHECK_TIMEOUT_MS = 2000;

async function within(check: ReadyCheck, ms: number): Promise<string | undefined> {
  try {
    // Wrapped, so a check that answers "ready" (undefined) is told apart from one out of time.
    const answered = await withDeadline(
      Promise.resolve()
        .then(check)
        .then((reason) => ({ reason })),
      ms,
    );
    return answered ? answered.reason : `did not answer within ${ms / 1000} s`;
  } catch (error) {
    return messageOf(error);
  }
}

/** The parts a process needs, each with its check; a part starts out waiting, with its reason. */
export class Readiness {
  private readonly parts = new Map<string, ReadyCheck>();

  constructor(private readonly timeoutMs = CHECK_TIMEOUT_MS) {}

  /** `part` is not ready, for `reason`, until it is given a check or marked ready. */
  waitFor(part: string, reason: string): void {
    this.parts.set(part, () => reason);
  }

  check(part: string, check: ReadyCheck): void {
    this.parts.set(part, check);
  }

  ready(part: string): void {
    this.parts.set(part, () => undefined);
  }

  /** Runs every check side by side. */
  async report(): Promise<ReadyReport> {
    const entries = [...this.parts];
    const results = await Promise.all(entries.map(([, check]) => within(check, this.timeoutMs)));
    const reasons: Record<string, string> = {};
    entries.forEach(([part], i) => {
      const reason = results[i];
      if (reason !== undefined) reasons[part] = reason;
    });
    return Object.keys(reasons).length ? { ready: false, reasons } : { ready: true };
  }
}

/** GET /readyz: 200 {"ready":true}, or 503 {"ready":false,"reasons":{part: why}}. */
export function readyRoute(readiness: Readiness): Route {
  return {
    method: "GET",
    path: "/readyz",
    handler: async (_req, res) => {
      const report = await readiness.report();
      sendJson(res, report.ready ? 200 : 503, report);
    },
  };
}
