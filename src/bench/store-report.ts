import type { StoreFigures } from "./store-bench.ts";

// BENCHMARKS.md's section on the schedule store (issue 16), from one run's figures.

const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;

export function storeSection(s: StoreFigures | undefined): string {
  if (!s) return "";
  const claims = [
    row([
      "store",
      "schedulers",
      "keys",
      "claim attempts/s",
      "posts claimed/s",
      "claimed once each",
    ]),
    row(["---", "---", "---", "---", "---", "---"]),
    ...s.claims.map((c) =>
      row([
        c.store === "sqlite" ? "SQLite (one file)" : "PostgreSQL 15",
        c.schedulers,
        c.keys,
        c.attemptsPerSecond,
        c.grantedPerSecond,
        c.granted === c.keys ? "yes" : `**no**: ${c.granted} of ${c.keys}`,
      ]),
    ),
  ];
  const ticks = [
    row([
      "store",
      "subscribed channels",
      "first sync (every job made)",
      "a tick (nothing changed)",
    ]),
    row(["---", "---", "---", "---"]),
    ...s.ticks.map((t) =>
      row([
        t.store === "sqlite" ? "SQLite" : "PostgreSQL 15",
        t.channels.toLocaleString("en"),
        `${t.firstMs} ms`,
        `${t.tickMs} ms`,
      ]),
    ),
  ];
  return `## Schedule store

${claims.join("\n")}

Each scheduler is a process of its own (as a replica is), claiming the same keys in the same order at the same moment, as replicas do when a post falls due; claims/s are counted over the slowest one's run. Every key must be claimed exactly once however many race for it.${s.skipped ? ` Not measured: ${s.skipped}.` : ""}

${ticks.join("\n")}

A tick is what each scheduler does every minute: read every subscription and bring its jobs in line. The first sync makes one croner job per channel.

What limits it: a PostgreSQL claim is one INSERT in its own transaction, and its COMMIT waits for the write-ahead log to reach the disk (synchronous_commit=on): on this machine's disk that flush, not the query, is most of each claim (a plain INSERT took 6.2 ms with it and 0.36 ms with synchronous_commit=off, measured beside this run). Concurrent schedulers share flushes (group commit), so eight claim faster in all than one. Turning the flush off would lose acknowledged claims in a server crash, and with them the exactly-once rule, so Barents keeps it on. SQLite's claims are local file writes, without a network round trip. A tick costs a read of every subscription; the first sync's cost is croner working out each job's next run in its time zone.
`;
}
