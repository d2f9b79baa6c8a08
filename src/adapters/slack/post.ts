import { webApi } from "@slack/bolt";
import { messageOf } from "../../error-message.ts";
import type { SlackMessage } from "../../render/slack/block-kit.ts";
import type { Reply } from "../../reply/reply.ts";
import { type Poster, PostFailure } from "../../schedule/delivery.ts";

// Scheduled posts to Slack channels by chat.postMessage. Slack has no idempotency key (no
// nonce), so a send whose outcome is unknown — a dropped connection, a 5xx, a timeout — is never
// repeated: repeating it could post twice. Only a refusal that certainly posted nothing is
// retried: a rate limit (429), after the wait Slack asks for, if the scheduler judges it worth
// waiting. The client passed in must therefore neither retry nor wait on its own (postingClient).

/**
 * How long any Slack Web API call may take. WebClient has no timeout by default (`timeout = 0`
 * in @slack/web-api 8.2's constructor), so a call that never answers waited for Node's own
 * limit, five minutes; with one set, makeRequest passes AbortSignal.timeout(timeout) to fetch.
 */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/**
 * A WebClient for scheduled posts: a timeout, no retries of its own, rate limits reported, not
 * waited out. In @slack/web-api 8.2 makeRequest, `rejectRateLimitedCalls` throws a
 * WebAPIRateLimitedError carrying `retryAfter` (seconds) where it would otherwise pause its
 * whole request queue for the Retry-After and retry (p-retry, `retryConfig`).
 */
export function postingClient(token: string, options: webApi.WebClientOptions): webApi.WebClient {
  return new webApi.WebClient(token, {
    timeout: SLACK_CALL_TIMEOUT_MS,
    ...options,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

function failure(error: unknown): PostFailure {
  const coded = error as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown };
  switch (coded.code) {
    case webApi.ErrorCode.PlatformError:
      // not_in_channel, channel_not_found, is_archived…: Slack's final word.
      return new PostFailure(`Slack refused: ${String(coded.data?.error)}`, false);
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = typeof coded.retryAfter === "number" ? coded.retryAfter : 1;
      return new PostFailure(`Slack rate limit: retry after ${seconds} s`, true, seconds * 1000);
    }
    default: {
      const message = messageOf(error);
      return new PostFailure(
        `Slack did not answer (${message}); not retried, since Slack cannot drop a repeat`,
        false,
      );
    }
  }
}

/** Posts rendered replies through `client`, which should come from postingClient. */
export function slackPoster(
  client: webApi.WebClient,
  render: (reply: Reply) => SlackMessage,
): Poster {
  return {
    async post(channel, reply) {
      try {
        await client.chat.postMessage({
          channel,
          ...render(reply),
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (error) {
        throw failure(error);
      }
    },
  };
}
