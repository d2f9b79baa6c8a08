import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timedFetch } from "../../../src/adapters/slack/timed-fetch.ts";

// The fetch Bolt's respond() and the WebClient use, against a loopback server that answers
// /fast at once and never answers /never.

let base = "";
const server = createServer((req, res) => {
  if (req.url === "/fast") res.end("ok");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("timedFetch", () => {
  it("gives up on a server that never answers", async () => {
    await expect(timedFetch(200)(`${base}/never`, { method: "POST" })).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });

  it("passes an answer through", async () => {
    const res = await timedFetch(5_000)(`${base}/fast`);
    expect(await res.text()).toBe("ok");
  });

  it("still honours the caller's own signal", async () => {
    const caller = new AbortController();
    const call = timedFetch(60_000)(`${base}/never`, { signal: caller.signal });
    caller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
  });
});
