import { createHmac, timingSafeEqual } from "node:crypto";
import { isFreshTimestamp } from "../../http/replay-window.ts";

// Slack signs every request it POSTs: `x-slack-signature` is `v0=` and the hex HMAC-SHA256, keyed
// with the app's signing secret, of `v0:{x-slack-request-timestamp}:{raw body}` (Slack's
// "Verifying requests from Slack"; Bolt's verify-request.ts computes the same). Bolt refuses only
// timestamps more than five minutes in the past, so a request stamped in the future stayed
// replayable until that future came (issue 14, fault 6). Here the window is five minutes either
// side, as for Discord's route (../../http/replay-window.ts).

export interface SlackSignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Whether the request is signed with `secret` and stamped within five minutes of `nowSeconds`. */
export function isSignedBySlack(
  secret: string,
  request: SlackSignedRequest,
  nowSeconds: number,
): boolean {
  const { signature, timestamp, body } = request;
  if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature)) return false;
  if (!isFreshTimestamp(timestamp, nowSeconds)) return false;
  const expected = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest();
  return timingSafeEqual(Buffer.from(signature.slice(3), "hex"), expected);
}
