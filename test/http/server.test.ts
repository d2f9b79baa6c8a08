import type { Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  close,
  createHttpServer,
  type HealthCheck,
  listen,
  readBody,
  sendJson,
} from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";
import { capturedLogger } from "../support/captured-logger.ts";

const captured = capturedLogger("debug");

let server: Server;
let base = "";

beforeAll(async () => {
  server = createHttpServer(
    [
      {
        method: "POST",
        path: "/echo",
        handler: async (req, res) => {
          const body = await readBody(req, 64);
          sendJson(res, 200, { bytes: body.length, text: body.toString("utf8") });
        },
      },
      {
        method: "POST",
        path: "/broken",
        handler: () => {
          throw new Error("boom");
        },
      },
    ],
    captured.logger,
  );
  const address = await listen(server, 0, "127.0.0.1");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => close(server));

describe("the one HTTP server", () => {
  it("answers GET /healthz for load balancers", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("hands a route the raw body, byte for byte", async () => {
    const res = await fetch(`${base}/echo?x=1`, { method: "POST", body: "Støre" });
    expect(await res.json()).toEqual({ bytes: 6, text: "Støre" });
  });

  it("refuses a body over the route's limit with 413", async () => {
    const res = await fetch(`${base}/echo`, { method: "POST", body: "x".repeat(65) });
    expect(res.status).toBe(413);
  });

  it("answers 404 for unknown paths and 405 with Allow for a wrong method", async () => {
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const wrong = await fetch(`${base}/echo`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("turns a throwing handler into a 500 without a stack trace, and keeps serving", async () => {
    const res = await fetch(`${base}/broken`, { method: "POST" });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/boom|at /);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

/** Sends the head of a POST and part of its body, then hangs up, as an impatient client does. */
function hangUpMidBody(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\npart");
      setImmediate(() => socket.destroy());
    });
    socket.on("close", () => resolve());
  });
}

describe("the one HTTP server, when clients hang up", () => {
  it("logs each abort at debug with no stack, never as an error, and keeps serving", async () => {
    const port = Number(new URL(base).port);
    await Promise.all(Array.from({ length: 20 }, () => hangUpMidBody(port)));
    const aborts = () => captured.lines.filter((l) => l.msg === "client went away mid-request");
    // The server learns of each hang-up a moment after the client's socket closes.
    while (aborts().length < 20) await new Promise((r) => setImmediate(r));
    expect(aborts().every((l) => l.level === 20 && l.err === undefined)).toBe(true);
    expect(captured.lines.filter((l) => Number(l.level) >= 40 && l.path === "/echo")).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("/healthz with a part not working", () => {
  it("stays 200 but says 'degraded', with the part and its reason", async () => {
    let schedule: ReturnType<HealthCheck> = { ok: true };
    const degraded = createHttpServer([], createLogger("silent"), { schedule: () => schedule });
    const { port } = await listen(degraded, 0, "127.0.0.1");
    try {
      const url = `http://127.0.0.1:${port}/healthz`;
      expect(await (await fetch(url)).json()).toEqual({ ok: true });
      schedule = {
        ok: false,
        reason: "database disk image is malformed",
        since: "2026-10-30T08:01:00.000Z",
      };
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        ok: true,
        status: "degraded",
        degraded: {
          schedule: {
            reason: "database disk image is malformed",
            since: "2026-10-30T08:01:00.000Z",
          },
        },
      });
    } finally {
      await close(degraded);
    }
  });
});

describe("closing the server", () => {
  it("does not wait past its limit for a client that never finishes its request", async () => {
    let taken: () => void = () => {};
    const requestTaken = new Promise<void>((resolve) => (taken = resolve));
    const slow = createHttpServer(
      [
        {
          method: "POST",
          path: "/echo",
          handler: async (req, res) => {
            taken();
            const body = await readBody(req, 64);
            sendJson(res, 200, { bytes: body.length });
          },
        },
      ],
      createLogger("silent"),
    );
    const { port } = await listen(slow, 0, "127.0.0.1");
    const socket = connect(port, "127.0.0.1");
    const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    // Headers and half of the promised body, then nothing.
    socket.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf!");
    await requestTaken;
    // Without the limit, Node would wait for its own 300 s request timeout.
    await close(slow, 100);
    await ended;
    expect(socket.destroyed).toBe(true);
  });
});
