// Slack and Discord both sign a timestamp with every request they POST. One stamped more than
// five minutes from now, either way, is a replay or a forgery: Slack's "Verifying requests from
// Slack" recommends this window, and a future stamp would stay replayable until that future came
// (issue 14, fault 6).

/** The replay window either side of now. */
export const MAX_SKEW_SECONDS = 300;

/** Whether `timestamp` (Unix seconds, as the header carries it) is within the window of now. */
export function isFreshTimestamp(
  timestamp: string | undefined,
  nowSeconds: number,
): timestamp is string {
  return (
    timestamp !== undefined &&
    /^\d{1,12}$/.test(timestamp) &&
    Math.abs(nowSeconds - Number(timestamp)) <= MAX_SKEW_SECONDS
  );
}
