import { spawn } from "node:child_process";
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { BUNDLED_DATA_DIR } from "../boot.ts";
import { DIST, ensureBuilt, ROOT } from "../build.mjs";
import { scriptNodeFlags } from "./process-bench.ts";
import { median } from "./stats.ts";

// Discord HTTP interactions under load over loopback: the bot's real route against a bare
// node:http server that only verifies the signature and answers, the floor for this machine.
// Both run in processes of their own, measured in alternating rounds in one run, so the ratio
// holds even where the machine's speed drifts.

type TargetKind = "barents" | "bare" | "bare-sized";

export interface LoadRow {
  /** bare-sized: the bare server answering with as many bytes as Barents answered. */
  target: TargetKind;
  request: string;
  /** Median over rounds of the mean requests a second. */
  requestsPerSecond: number;
  /** Milliseconds, medians over rounds. */
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx, summed over rounds: must be 0 for the figure to count. */
  non2xx: number;
  errors: number;
  /** A different call each request: measures running and drawing, never a kept answer. */
  varied?: boolean;
}

export interface LoadOptions {
  connections?: number;
  /** Seconds per round. */
  seconds?: number;
  rounds?: number;
}

interface Target {
  port: number;
  stop(): void;
}

async function startTarget(
  kind: "barents" | "bare",
  publicKey: string,
  answer?: string,
): Promise<Target> {
  const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_KEY: publicKey, LOG_LEVEL: "info" };
  if (answer !== undefined) env.BARE_ANSWER = answer;
  // Its log goes to a file, as a deployment's stderr goes to a journal: a pipe back here would
  // make the load generator read every line, and the terminal would drown in them.
  const dir = join(tmpdir(), "barents-http-bench");
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, `${kind}-${process.pid}-${Date.now()}.log`);
  const log = openSync(logFile, "w");
  // Compiled, with `npm start`'s Node flags, as the bot runs: both targets alike.
  const script = join(DIST, "bench-http-target.js");
  const child = spawn(process.execPath, [...scriptNodeFlags("start"), script, kind], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", log],
  });
  closeSync(log);
  if (!child.stdout) throw new Error("spawned without a stdout pipe");
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    const exited = () => {
      const log = readFileSync(logFile, "utf8").slice(-2000);
      reject(new Error(`the ${kind} server exited before listening:\n${log}`));
    };
    child.once("exit", exited);
    lines.once("line", (line) => {
      child.off("exit", exited);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return {
    port,
    stop: () => {
      child.kill();
      rmSync(logFile, { force: true });
    },
  };
}

/** One row from a target's rounds: medians, and failures summed. */
function loadRow(target: TargetKind, request: string, list: autocannon.Result[]): LoadRow {
  return {
    target,
    request,
    requestsPerSecond: Math.round(median(list.map((r) => r.requests.average))),
    p50Ms: median(list.map((r) => r.latency.p50)),
    p99Ms: median(list.map((r) => r.latency.p99)),
    non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
  };
}

function signedRequest(privateKey: KeyObject, body: unknown) {
  const text = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + text), privateKey).toString("hex");
  return {
    method: "POST" as const,
    body: text,
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
  };
}

/** The interactions sent: Discord's PING, and a slash command answered from the index. */
function interactions() {
  const base = { application_id: "100000000000000001", version: 1 };
  return {
    PING: { ...base, id: "100000000000000010", type: 1, token: "ping-token" },
    "/who huitfeldt": {
      ...base,
      id: "100000000000000011",
      type: 2,
      token: "command-token",
      channel_id: "100000000000000004",
      data: {
        id: "100000000000000012",
        name: "who",
        type: 1,
        options: [{ name: "name", type: 3, value: "huitfeldt" }],
      },
    },
  };
}

/** Who the bundled data names, and their aliases: the seeds of the varied /who requests. */
function bundledNames(): string[] {
  const people = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, "people.json"), "utf8")) as Array<{
    name: string;
    aliases?: string[];
  }>;
  return people.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
}

/**
 * /who asked in more different ways than Barents keeps drawn answers for (answer-memo.ts keeps
 * 256): every prefix of every name and alias from three letters on, in three casings, and each
 * name with one letter dropped. Cycled through, each request is run and drawn afresh: the cold
 * path, beside the repeated /who huitfeldt that measures the kept one.
 */
function variedWho(base: Record<string, unknown>): unknown[] {
  const asked = new Set<string>();
  for (const name of bundledNames()) {
    for (let end = 3; end <= name.length; end++) {
      const prefix = name.slice(0, end);
      for (const text of [prefix, prefix.toLowerCase(), prefix.toUpperCase()]) asked.add(text);
    }
    for (let at = 0; at < name.length; at++) asked.add(name.slice(0, at) + name.slice(at + 1));
  }
  return [...asked].map((name, i) => ({
    ...base,
    id: String(100_000_000_000_100_000n + BigInt(i)),
    type: 2,
    token: `command-token-${i}`,
    channel_id: "100000000000000004",
    data: {
      id: "100000000000000012",
      name: "who",
      type: 1,
      options: [{ name: "name", type: 3, value: name }],
    },
  }));
}

/** The varied /who requests, each signed, for autocannon to cycle through. */
function variedRequests(privateKey: KeyObject) {
  return variedWho({ application_id: "100000000000000001", version: 1 }).map((body) =>
    signedRequest(privateKey, body),
  );
}

export async function benchHttpLoad(options: LoadOptions = {}): Promise<LoadRow[]> {
  const { connections = 10, seconds = 5, rounds = 3 } = options;
  await ensureBuilt();
  const keys = generateKeyPairSync("ed25519");
  const publicKey = keys.publicKey
    .export({ format: "der", type: "spki" })
    .subarray(-32)
    .toString("hex");
  const barents = await startTarget("barents", publicKey);
  const bare = await startTarget("bare", publicKey);
  const sized: Target[] = [];
  try {
    const rows: LoadRow[] = [];
    for (const [request, body] of Object.entries(interactions())) {
      const signed = signedRequest(keys.privateKey, body);
      // The floor again, answering with Barents's own answer: what the bytes cost, not the work.
      const url = `http://127.0.0.1:${barents.port}/discord/interactions`;
      const answer = await (await fetch(url, signed)).text();
      const sameSize = await startTarget("bare", publicKey, answer);
      sized.push(sameSize);
      const targets: Array<[TargetKind, string]> = [
        ["barents", url],
        ["bare", `http://127.0.0.1:${bare.port}/`],
        ["bare-sized", `http://127.0.0.1:${sameSize.port}/`],
      ];
      const results = new Map<TargetKind, autocannon.Result[]>(targets.map(([t]) => [t, []]));
      for (let round = 0; round < rounds; round++) {
        for (const [target, at] of targets) {
          results
            .get(target)
            ?.push(await autocannon({ url: at, connections, duration: seconds, ...signed }));
        }
      }
      for (const [target] of targets)
        rows.push(loadRow(target, request, results.get(target) ?? []));
    }
    // The cold path: a different /who on every request, each run and drawn, beside the floor.
    const varied = variedRequests(keys.privateKey);
    const coldTargets: Array<[TargetKind, string]> = [
      ["barents", `http://127.0.0.1:${barents.port}/discord/interactions`],
      ["bare", `http://127.0.0.1:${bare.port}/`],
    ];
    const cold = new Map<TargetKind, autocannon.Result[]>(coldTargets.map(([t]) => [t, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [target, at] of coldTargets) {
        // One counter for every connection: autocannon cycles a list per connection, and ten
        // connections stepping through the same list together would find each other's answers
        // kept.
        let next = 0;
        const setupRequest = (request: object) => ({
          ...request,
          ...varied[next++ % varied.length],
        });
        cold.get(target)?.push(
          await autocannon({
            url: at,
            connections,
            duration: seconds,
            method: "POST",
            requests: [{ setupRequest }],
          }),
        );
      }
    }
    for (const [target] of coldTargets) {
      const label = `/who, ${varied.length} different names`;
      rows.push({ ...loadRow(target, label, cold.get(target) ?? []), varied: true });
    }
    return rows;
  } finally {
    for (const target of [barents, bare, ...sized]) target.stop();
  }
}
