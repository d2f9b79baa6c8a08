import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Readiness, readyRoute } from "../../src/metrics/readiness.ts";

// Readiness as a load balancer asks for it: 200 when every part is there, 503 naming each part
// that is not, and an answer in bounded time even when a check hangs.

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function get(readiness: Readiness): Promise<{ status: number; body: unknown }> {
  const route = readyRoute(readiness);
  const server = createServer((req, res) => void route.handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: await res.json() };
}

describe("readiness", () => {
  it("is ready with no parts, and once every part is", async () => {
    const readiness = new Readiness();
    expect(await readiness.report()).toEqual({ ready: true });
    readiness.waitFor("data", "the search index is being built");
    readiness.check("store", () => undefined);
    expect(await readiness.report()).toEqual({
      ready: false,
      reasons: { data: "the search index is being built" },
    });
    readiness.ready("data");
    expect(await get(readiness)).toEqual({ status: 200, body: { ready: true } });
  });

  it("answers 503 with each part's reason, a thrown error and a hung check among them", async () => {
    const readiness = new Readiness(50);
    readiness.check("discord", async () => "gateway not ready: shard 0 Reconnecting");
    readiness.check("store", async () => {
      throw new Error("database disk image is malformed");
    });
    readiness.check("slack", () => new Promise<undefined>(() => {}));
    readiness.check("data", () => undefined);
    expect(await get(readiness)).toEqual({
      status: 503,
      body: {
        ready: false,
        reasons: {
          discord: "gateway not ready: shard 0 Reconnecting",
          store: "database disk image is malformed",
          slack: "did not answer within 0.05 s",
        },
      },
    });
  });
});
