import type { SocketModeReceiver } from "@slack/bolt";
import { messageOf } from "../../error-message.ts";
import type { Logger } from "../../logger.ts";
import { isRecord, slackBodyVerdict } from "./payload.ts";

// Socket Mode's way in, held to the same rule as HTTP's (./payload.ts). SocketModeClient reads
// each WebSocket message in an async handler nobody awaits (SocketModeClient.onWebSocketMessage,
// registered on its own `ws_message` event): a message of `null` or an events_api envelope with
// no event threw there, an unhandled rejection that stops the process; and it re-emits each
// envelope under the envelope's own `type`, whatever that says. So the client's handler is
// wrapped: it sees only hello, disconnect and the three envelope types Barents answers, carrying
// a body Bolt can read; any other envelope is acked (so Slack does not send it again) and logged.

/** The envelope types that carry what Barents answers (Slack's Socket Mode docs). */
const ANSWERED = new Set(["events_api", "slash_commands", "interactive"]);
/** Messages about the connection itself, which the client must see. */
const CONNECTION = new Set(["hello", "disconnect"]);

type SocketModeClient = SocketModeReceiver["client"];
type MessageHandler = (data: unknown, isBinary: boolean) => unknown;

/**
 * Acks an envelope as the client's own ack does: its `send(envelope_id)` writes
 * `{ envelope_id, payload: {} }` (SocketModeClient.js). It is private in the types only.
 */
function ackEnvelope(client: SocketModeClient, envelope: string): Promise<void> {
  return (client as unknown as { send(id: string): Promise<void> }).send(envelope);
}

function parse(data: unknown): unknown {
  try {
    return JSON.parse(typeof data === "string" ? data : Buffer.from(data as Buffer).toString());
  } catch {
    return undefined;
  }
}

/** Puts the check in front of the client's own handler for WebSocket messages. */
export function guardSocketMessages(client: SocketModeClient, logger: Logger): void {
  const original = client.listeners("ws_message") as MessageHandler[];
  client.removeAllListeners("ws_message");
  const passOn = (data: unknown, isBinary: boolean) => {
    for (const handler of original) {
      Promise.resolve()
        .then(() => handler(data, isBinary))
        .catch((error: unknown) => {
          const problem = messageOf(error);
          logger.warn({ problem }, "the Socket Mode client could not read a message");
        });
    }
  };
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    if (isBinary) return passOn(data, isBinary);
    const message = parse(data);
    if (!isRecord(message)) {
      logger.warn("Slack sent a Socket Mode message that is not a JSON object");
      return;
    }
    const type = typeof message.type === "string" ? message.type : "untyped";
    if (CONNECTION.has(type)) return passOn(data, isBinary);
    const envelope = message.envelope_id;
    if (typeof envelope !== "string") {
      logger.warn({ type }, "Slack sent a Socket Mode envelope with no id");
      return;
    }
    const verdict = ANSWERED.has(type)
      ? slackBodyVerdict(message.payload)
      : ({ kind: "ignore", type } as const);
    if (verdict.kind === "dispatch") return passOn(data, isBinary);
    if (verdict.kind === "refuse") {
      logger.warn({ type, problem: verdict.problem }, "Slack sent a body Barents cannot read");
    } else {
      logger.info({ type: verdict.type }, "nothing in Barents listens for this Slack request");
    }
    ackEnvelope(client, envelope).catch((error: unknown) => {
      logger.debug({ err: error }, "could not ack a Socket Mode envelope");
    });
  });
}
