import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

// Requests signed as Discord signs what it POSTs to an interactions endpoint: Ed25519 over the
// timestamp and the body, with a key made here; DISCORD_PUBLIC_KEY is its public half.

const keys = generateKeyPairSync("ed25519");

/** The public key as Discord shows it: the 32 raw bytes in hex, the end of the SPKI DER. */
export const PUBLIC_KEY = keys.publicKey
  .export({ format: "der", type: "spki" })
  .subarray(-32)
  .toString("hex");

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The headers Discord sends with `body`; another key or time when a test needs one. */
export function signed(body: string, options: { key?: KeyObject; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? nowSeconds());
  const signature = sign(null, Buffer.from(timestamp + body), options.key ?? keys.privateKey);
  return {
    "content-type": "application/json",
    "x-signature-ed25519": signature.toString("hex"),
    "x-signature-timestamp": timestamp,
  };
}
