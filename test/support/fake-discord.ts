import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type FakeFile, readDiscordBody } from "./discord-body.ts";
import { Inbox } from "./inbox.ts";

// A loopback stand-in for Discord, so the real discord.js Client runs end to end with no
// network: REST over node:http (gateway discovery, interaction callbacks, webhook edits,
// application commands, channel messages with nonces; JSON or multipart with files) and the gateway over `ws` (HELLO, IDENTIFY →
// READY, heartbeats, dispatches such as INTERACTION_CREATE and MESSAGE_CREATE). Every REST request is recorded for tests to read or wait for.

export const FAKE_DISCORD = {
  applicationId: "100000000000000001",
  botId: "100000000000000002",
  guildId: "100000000000000003",
  channelId: "100000000000000004",
  userId: "100000000000000005",
  botName: "Barents",
} as const;

export interface RestRequest {
  method: string;
  /** Decoded and without the `/api/v10` prefix: `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: string;
  /** The JSON body; for a multipart/form-data request, its `payload_json` part, parsed. */
  body: unknown;
  /** A multipart request's file parts (`files[n]`), in order; none for a JSON request. */
  files: FakeFile[];
  authorization: string | undefined;
}

export interface Identify {
  shard: [number, number];
  intents: number;
}

export interface FakeDiscordOptions {
  /** The shard count GET /gateway/bot recommends. */
  shards?: number;
  /** How many shards may identify at once (session_start_limit.max_concurrency). */
  maxConcurrency?: number;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A test's own answer to a request, "hang" to never answer it (the connection stays open until
 * the caller gives up or the fake closes), "drop" to cut the connection with no answer (a
 * reset), or undefined to let the fake answer as Discord would.
 */
export type Override = (request: RestRequest) => Reply | "hang" | "drop" | undefined;

export interface FakeDiscord {
  /** The REST base for DISCORD_API_URL. */
  api: string;
  gatewayUrl: string;
  requests: Inbox<RestRequest>;
  identifies: Inbox<Identify>;
  /** Application commands held, by scope: "global" or a guild id. */
  commands: Map<string, Array<Record<string, unknown>>>;
  overrides: Override[];
  /** Every message POST /channels/:id/messages created, in order (a deduplicated repeat adds none). */
  messages: Array<Record<string, unknown>>;
  /** Sends a dispatch to the shard that owns `guild_id` (shard 0 when there is none). */
  dispatch(event: string, data: Record<string, unknown>): void;
  /**
   * The message the bot posts in answer to message `id`, waiting for it if need be. Replies carry
   * the question's id as their nonce, which is how they are told apart.
   */
  replyTo(id: string): Promise<RestRequest>;
  /** Dispatches INTERACTION_CREATE and resolves with the callback the bot posts for it. */
  interact(interaction: { id: string; token: string; guild_id?: string }): Promise<RestRequest>;
  /** The first request to a path that starts with `prefix`, waiting for it if need be. */
  request(method: string, prefix: string): Promise<RestRequest>;
  close(): Promise<void>;
}

let counter = 0n;
/** A fresh snowflake-shaped id. */
export function snowflake(): string {
  counter += 1n;
  return String((BigInt(Date.now() - 1420070400000) << 22n) + counter);
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: FakeFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return readDiscordBody(Buffer.concat(chunks), req.headers["content-type"] ?? "");
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(text);
}

const botUser = {
  id: FAKE_DISCORD.botId,
  username: FAKE_DISCORD.botName,
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
  flags: 0,
};

/** How Discord stores a command: ids and defaults added, `required: false` left out. */
function stored(body: Record<string, unknown>, guild: string | undefined): Record<string, unknown> {
  const options = (body.options as Array<Record<string, unknown>> | undefined)?.map((o) => {
    const { required, ...rest } = o;
    return required ? { ...rest, required } : rest;
  });
  return {
    id: snowflake(),
    application_id: FAKE_DISCORD.applicationId,
    version: snowflake(),
    default_member_permissions: null,
    type: 1,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    name_localizations: null,
    description_localizations: null,
    ...(guild ? { guild_id: guild } : { dm_permission: true }),
    ...body,
    ...(options ? { options } : {}),
  };
}

function webhookMessage(body: unknown): Record<string, unknown> {
  return {
    id: snowflake(),
    type: 20,
    channel_id: FAKE_DISCORD.channelId,
    author: botUser,
    content: "",
    embeds: [],
    components: [],
    timestamp: new Date().toISOString(),
    ...(body as Record<string, unknown>),
  };
}

/** Starts the fake: REST and gateway each on their own loopback port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const shards = options.shards ?? 1;
  const requests = new Inbox<RestRequest>();
  const identifies = new Inbox<Identify>();
  const commands = new Map<string, Array<Record<string, unknown>>>();
  const overrides: Override[] = [];
  const sent = new Map<string, Record<string, unknown>>();
  const messages: Array<Record<string, unknown>> = [];

  const gateway = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => gateway.once("listening", () => resolve()));
  const gatewayUrl = `ws://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  const sessions = new Map<WebSocket, { shard: [number, number]; seq: number }>();

  const answer = (request: RestRequest): Reply => {
    const { method, path } = request;
    const parts = path.split("/").filter(Boolean);
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: gatewayUrl,
          shards,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: options.maxConcurrency ?? 1,
          },
        },
      };
    }
    if (method === "POST" && parts[0] === "interactions" && parts[3] === "callback") {
      // Newer discord.js asks for the created message back; answer both ways as Discord does.
      if (/with_response=true/.test(request.query)) {
        const type = (request.body as { type?: number } | undefined)?.type;
        return {
          status: 200,
          body: { interaction: { id: parts[1], type: 2 }, resource: { type } },
        };
      }
      return { status: 204 };
    }
    if (method === "POST" && parts[0] === "channels" && parts[2] === "messages") {
      // Discord returns the first message again for a repeated nonce with enforce_nonce.
      const body = request.body as { nonce?: string; enforce_nonce?: boolean };
      const seen = body.enforce_nonce && body.nonce ? sent.get(body.nonce) : undefined;
      if (seen) return { status: 200, body: seen };
      // A reply (message_reference) is created as type 19, REPLY; anything else as 0, DEFAULT.
      const type = (body as { message_reference?: unknown }).message_reference ? 19 : 0;
      const message = { ...webhookMessage(body), type, channel_id: parts[1] };
      if (body.enforce_nonce && body.nonce) sent.set(body.nonce, message);
      messages.push(message);
      return { status: 200, body: message };
    }
    if (parts[0] === "webhooks") {
      if (method === "DELETE") return { status: 204 };
      return { status: 200, body: webhookMessage(request.body) };
    }
    if (parts[0] === "applications" && parts[2] !== undefined) {
      const guild = parts[2] === "guilds" ? parts[3] : undefined;
      const scope = guild ?? "global";
      const rest = guild ? parts.slice(4) : parts.slice(2);
      if (rest[0] !== "commands")
        return { status: 404, body: { message: "404: Not Found", code: 0 } };
      const held = commands.get(scope) ?? [];
      const id = rest[1];
      const body = request.body as Record<string, unknown>;
      if (method === "GET" && !id) return { status: 200, body: held };
      if (method === "PUT" && !id) {
        const list = (request.body as Array<Record<string, unknown>>).map((c) => stored(c, guild));
        commands.set(scope, list);
        return { status: 200, body: list };
      }
      if (method === "POST" && !id) {
        const made = stored(body, guild);
        commands.set(scope, [...held.filter((c) => c.name !== made.name), made]);
        return { status: 201, body: made };
      }
      const index = held.findIndex((c) => c.id === id);
      if (index === -1)
        return { status: 404, body: { message: "Unknown application command", code: 10063 } };
      if (method === "PATCH") {
        const made = { ...stored({ ...held[index], ...body }, guild), id };
        held[index] = made;
        return { status: 200, body: made };
      }
      if (method === "DELETE") {
        held.splice(index, 1);
        return { status: 204 };
      }
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  };

  const rest = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    // A malformed multipart body is recorded with its error, and refused as Discord would.
    const read = await readBody(req).catch((error: unknown) => ({
      body: { unreadable: String(error) },
      files: [] as FakeFile[],
    }));
    const request: RestRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, ""),
      query: url.search,
      ...read,
      authorization: req.headers.authorization,
    };
    requests.push(request);
    if (request.body && typeof request.body === "object" && "unreadable" in request.body) {
      send(res, { status: 400, body: { message: "Invalid Form Body", code: 50035 } });
      return;
    }
    const override = overrides.map((o) => o(request)).find((r) => r !== undefined);
    if (override === "hang") return;
    if (override === "drop") {
      req.socket.destroy();
      return;
    }
    send(res, override ?? answer(request));
  });
  await new Promise<void>((resolve) => rest.listen(0, "127.0.0.1", resolve));
  const api = `http://127.0.0.1:${(rest.address() as AddressInfo).port}/api`;

  const sendTo = (socket: WebSocket, payload: Record<string, unknown>) =>
    socket.send(JSON.stringify(payload));
  const dispatchOn = (socket: WebSocket, t: string, d: unknown) => {
    const session = sessions.get(socket);
    if (!session) return;
    session.seq += 1;
    sendTo(socket, { op: 0, t, s: session.seq, d });
  };

  gateway.on("connection", (socket) => {
    sendTo(socket, { op: 10, d: { heartbeat_interval: 41_250 } });
    socket.on("message", (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) sendTo(socket, { op: 11 });
      else if (packet.op === 2) {
        const shard = (packet.d.shard as [number, number] | undefined) ?? [0, 1];
        identifies.push({ shard, intents: Number(packet.d.intents) });
        sessions.set(socket, { shard, seq: 0 });
        dispatchOn(socket, "READY", {
          v: 10,
          user: botUser,
          guilds: [],
          session_id: `session-${shard[0]}-${snowflake()}`,
          resume_gateway_url: gatewayUrl,
          shard,
          application: { id: FAKE_DISCORD.applicationId, flags: 0 },
        });
      } else if (packet.op === 6) {
        sessions.set(socket, { shard: [0, shards], seq: Number(packet.d.seq) || 0 });
        dispatchOn(socket, "RESUMED", {});
      }
    });
    socket.on("close", () => sessions.delete(socket));
  });

  const dispatch = (event: string, data: Record<string, unknown>) => {
    const guild = typeof data.guild_id === "string" ? BigInt(data.guild_id) : undefined;
    for (const [socket, session] of sessions) {
      const [id, count] = session.shard;
      const owner = guild === undefined ? 0 : Number((guild >> 22n) % BigInt(count));
      if (owner === id) dispatchOn(socket, event, data);
    }
  };

  const request = (method: string, prefix: string) =>
    requests.find((r) => r.method === method && r.path.startsWith(prefix));

  return {
    api,
    gatewayUrl,
    requests,
    identifies,
    commands,
    overrides,
    messages,
    dispatch,
    interact: (interaction) => {
      dispatch("INTERACTION_CREATE", interaction);
      return request("POST", `/interactions/${interaction.id}/${interaction.token}/callback`);
    },
    request,
    replyTo: (id) =>
      requests.find(
        (r) =>
          r.method === "POST" &&
          /^\/channels\/\d+\/messages$/.test(r.path) &&
          (r.body as { nonce?: unknown } | undefined)?.nonce === id,
      ),
    close: async () => {
      for (const socket of sessions.keys()) socket.terminate();
      for (const client of gateway.clients) client.terminate();
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      await new Promise<void>((resolve) => {
        rest.close(() => resolve());
        rest.closeAllConnections();
      });
    },
  };
}
