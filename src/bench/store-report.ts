import type { StoreFigures } from "./store-bench.ts";

// BENCHMARKS.md's section on the schedule store (issue 16), from one run's figures.

const row = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;

/** The run's own claim rates, one scheduler beside eight, in words. */
function pace(s: StoreFigures): string {
  const pg = (n: number) => s.claims.find((c) => c.store === "postgres" && c.schedulers === n);
  const [one, eight] = [pg(1), pg(8)];
  if (!one || !eight) return "";
  return `In this run one scheduler made ${one.attemptsPerSecond} claims a second, and eight racing together ${eight.attemptsPerSecond} attempts a second in all: the server's commits, not the number of schedulers, set the pace.`;
}

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

A tick is what each scheduler does every minute: read every subscription and bring its jobs in line. The first sync makes one croner job per distinct time and zone (half the channels at the default 09:00 in Oslo, half spread over the day in five zones).

What limits it: a PostgreSQL claim is one INSERT in its own transaction, a network round trip and a COMMIT that waits for the write-ahead log to reach the disk (synchronous_commit=on). ${pace(s)} Barents keeps the flush on: turning it off would lose acknowledged claims in a server crash, and with them the exactly-once rule. SQLite's claims are writes to a local file, with no round trip.
`;
}
