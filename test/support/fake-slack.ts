import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { Inbox } from "./inbox.ts";

// Loopback stand-ins for Slack, so the adapter runs end to end with no network: the Web API
// (auth.test, chat.postMessage, apps.connections.open, the file upload flow and the upload URL
// it hands out), the Socket Mode server, and the response_url that respond() posts to. Every one
// records what it was sent.

async function bytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function body(req: IncomingMessage): Promise<string> {
  return (await bytes(req)).toString("utf8");
}

async function listenLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export const FAKE_IDS = {
  team: "T0FAKE",
  botUser: "U0BOT",
  bot: "B0BOT",
  app: "A0FAKE",
} as const;

export interface WebApiCall {
  method: string;
  /** The form fields (or JSON body) as sent; `blocks` arrives as a JSON string. */
  params: Record<string, string>;
  authorization: string | undefined;
}

/**
 * A test's own answer to a Web API call: any status, headers and body (JSON unless a string),
 * "drop" to cut the connection with no answer at all, or "hang" to never answer (the connection
 * stays open until the client gives up or the fake closes).
 */
export type WebApiAnswer =
  | { status?: number; headers?: Record<string, string>; body?: unknown }
  | "drop"
  | "hang";

/** Returns undefined to let the fake answer as Slack would. A POST to an upload URL is method "upload". */
export type WebApiOverride = (call: WebApiCall) => WebApiAnswer | undefined;

/** A file posted to an upload URL that files.getUploadURLExternal handed out. */
export interface FileUpload {
  fileId: string;
  bytes: Buffer;
  contentType: string | undefined;
  authorization: string | undefined;
}

export interface FakeWebApi {
  /** The base URL to set as SLACK_API_URL, without its trailing slash (the adapter adds it). */
  url: string;
  calls: Inbox<WebApiCall>;
  /** What was posted to upload URLs, which answer 200 as Slack's do. */
  uploads: Inbox<FileUpload>;
  /** The files.getUploadURLExternal parameters each file id was handed out for. */
  tickets: Map<string, Record<string, string>>;
  /** Consulted in order before the fake's own answer; the first to answer wins. */
  overrides: WebApiOverride[];
  /** Where apps.connections.open sends the client. */
  socketUrl?: string;
  close(): Promise<void>;
}

export interface FakeWebApiOptions {
  /** Where apps.connections.open sends the client. */
  socketUrl?: string;
  /** False: every token is refused with invalid_auth, as Slack does for a revoked one. */
  acceptTokens?: boolean;
}

/** Answers as a test's override says. */
function answerWith(override: WebApiAnswer, req: IncomingMessage, res: ServerResponse): void {
  if (override === "drop") {
    req.socket.destroy();
    return;
  }
  if (override === "hang") return;
  const text =
    typeof override.body === "string" ? override.body : JSON.stringify(override.body ?? {});
  res.writeHead(override.status ?? 200, {
    "content-type": "application/json",
    ...override.headers,
  });
  res.end(text);
}

/** Slack's Web API at /api/<method>, answering as a workspace that accepts any token. */
export async function startFakeWebApi(options: FakeWebApiOptions = {}): Promise<FakeWebApi> {
  const calls = new Inbox<WebApiCall>();
  const uploads = new Inbox<FileUpload>();
  const overrides: WebApiOverride[] = [];
  const tickets = new Map<string, Record<string, string>>();
  const answers: Record<string, (p: Record<string, string>) => Record<string, unknown>> = {
    "auth.test": () => ({
      ok: true,
      url: "https://fake.slack.example/",
      team: "Fake",
      user: "barents",
      team_id: FAKE_IDS.team,
      user_id: FAKE_IDS.botUser,
      bot_id: FAKE_IDS.bot,
      is_enterprise_install: false,
    }),
    "chat.postMessage": (p) => ({ ok: true, channel: p.channel, ts: "1700000000.000100" }),
    "apps.connections.open": () =>
      fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: "not_allowed" },
    "files.getUploadURLExternal": (p) => {
      const id = `F0FAKE${tickets.size + 1}`;
      tickets.set(id, p);
      return {
        ok: true,
        upload_url: `${fake.url.replace(/\/api$/, "")}/upload/${id}`,
        file_id: id,
      };
    },
    "files.completeUploadExternal": (p) => ({ ok: true, files: JSON.parse(p.files ?? "[]") }),
  };
  const server = createServer(async (req, res) => {
    const upload = /^\/upload\/(\w+)$/.exec(req.url ?? "");
    if (upload) {
      const sent = await bytes(req);
      const { "content-type": contentType, authorization } = req.headers;
      uploads.push({ fileId: upload[1] as string, bytes: sent, contentType, authorization });
      // An override for method "upload" answers instead of Slack's "OK - <bytes>".
      const call: WebApiCall = { method: "upload", params: {}, authorization };
      const override = overrides.map((o) => o(call)).find((a) => a !== undefined);
      if (override) answerWith(override, req, res);
      else res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${sent.length}`);
      return;
    }
    const raw = await body(req);
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const params = req.headers["content-type"]?.includes("json")
      ? (JSON.parse(raw || "{}") as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    const call: WebApiCall = { method, params, authorization: req.headers.authorization };
    calls.push(call);
    const override = overrides.map((o) => o(call)).find((a) => a !== undefined);
    if (override) {
      answerWith(override, req, res);
      return;
    }
    const answer =
      options.acceptTokens === false
        ? { ok: false, error: "invalid_auth" }
        : (answers[method]?.(params) ?? { ok: false, error: "unknown_method" });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  });
  const port = await listenLoopback(server);
  const fake: FakeWebApi = {
    url: `http://127.0.0.1:${port}/api`,
    calls,
    uploads,
    tickets,
    overrides,
    socketUrl: options.socketUrl,
    close: () => closeServer(server),
  };
  return fake;
}

export interface Posted {
  path: string;
  body: Record<string, unknown>;
}

export interface ResponseUrls {
  /** A fresh response_url; each test uses its own so replies cannot be confused. */
  url(name: string): string;
  posts: Inbox<Posted>;
  /** The first thing posted to the response_url called `name`. */
  at(name: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Captures what respond() posts to response_urls (JSON), answering 200 as Slack does. */
export async function startResponseUrls(): Promise<ResponseUrls> {
  const posts = new Inbox<Posted>();
  const server = createServer(async (req, res) => {
    const raw = await body(req);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      parsed = { unparsed: raw };
    }
    posts.push({ path: req.url ?? "", body: parsed });
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
  const port = await listenLoopback(server);
  const url = (name: string) => `http://127.0.0.1:${port}/commands/${encodeURIComponent(name)}`;
  return {
    url,
    posts,
    at: async (name) => (await posts.find((p) => url(name).endsWith(p.path))).body,
    close: () => closeServer(server),
  };
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface FakeSocket {
  url: string;
  acks: Inbox<SocketAck>;
  /** Resolves once a client has connected and been sent `hello`. */
  connected: Promise<void>;
  /** Sends an envelope to every connected client. */
  send(envelope: Record<string, unknown>): void;
  /** Sends any text as a message, as a hostile or broken server might. */
  sendRaw(text: string): void;
  /** Resolves when the client has closed its connection. */
  closedByClient: Promise<void>;
  close(): Promise<void>;
}

/** Slack's Socket Mode server: says hello on connect, then relays envelopes and records acks. */
export async function startFakeSocket(): Promise<FakeSocket> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const acks = new Inbox<SocketAck>();
  const clients = new Set<WebSocket>();
  let onConnect = () => {};
  let onClose = () => {};
  const connected = new Promise<void>((r) => (onConnect = r));
  const closedByClient = new Promise<void>((r) => (onClose = r));
  server.on("connection", (socket) => {
    clients.add(socket);
    socket.on("message", (data) => acks.push(JSON.parse(String(data)) as SocketAck));
    socket.on("close", () => {
      clients.delete(socket);
      onClose();
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "fake", approximate_connection_time: 18060 },
        connection_info: { app_id: FAKE_IDS.app },
      }),
    );
    onConnect();
  });
  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake`,
    acks,
    connected,
    send: (envelope) => {
      for (const client of clients) client.send(JSON.stringify(envelope));
    },
    sendRaw: (text) => {
      for (const client of clients) client.send(text);
    },
    closedByClient,
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** The headers Slack signs a request with: v0= HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackSignature(
  secret: string,
  rawBody: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex");
  return {
    "x-slack-signature": `v0=${signature}`,
    "x-slack-request-timestamp": String(timestamp),
  };
}

/** The form fields of a slash command as Slack posts them. */
export function slashCommandFields(
  command: string,
  text: string,
  responseUrl: string,
): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: FAKE_IDS.team,
    team_domain: "fake",
    channel_id: "C0CHANNEL",
    channel_name: "general",
    user_id: "U0PERSON",
    user_name: "person",
    command,
    text,
    api_app_id: FAKE_IDS.app,
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  };
}

/** A block_actions payload: someone pressed the button with this action id and value. */
export function buttonPress(actionId: string, value: string, responseUrl: string) {
  return {
    type: "block_actions",
    user: { id: "U0PERSON", username: "person", team_id: FAKE_IDS.team },
    api_app_id: FAKE_IDS.app,
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0CHANNEL" },
    trigger_id: "1.2.4",
    team: { id: FAKE_IDS.team, domain: "fake" },
    is_enterprise_install: false,
    channel: { id: "C0CHANNEL", name: "general" },
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: "b",
        text: { type: "plain_text", text: "Press", emoji: true },
        value,
        action_ts: "1700000001.000200",
      },
    ],
  };
}
