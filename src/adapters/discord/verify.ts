import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { isFreshTimestamp } from "../../http/replay-window.ts";

// Discord signs every interaction it POSTs with Ed25519 over `timestamp + raw body`. A request
// that fails the check, or whose timestamp is more than five minutes off, is not from Discord
// or is a replay, and gets 401; Discord itself probes the endpoint with bad signatures.

// An Ed25519 public key in SPKI DER is this fixed prefix and the 32 raw bytes Discord shows.
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Discord's public key (64 hex characters, from the developer portal) as a key object. */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("A Discord public key is 64 hex characters.");
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Whether the request is Discord's, signed within five minutes of `nowSeconds`. */
export function isSignedByDiscord(
  key: KeyObject,
  request: SignedRequest,
  nowSeconds: number,
): boolean {
  const { signature, timestamp, body } = request;
  if (!signature || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  if (!isFreshTimestamp(timestamp, nowSeconds)) return false;
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  return verify(null, signed, key, Buffer.from(signature, "hex"));
}
