import { REST, type RESTOptions } from "discord.js";
import type { Config } from "../../config.ts";

// Every Discord REST call goes to DISCORD_API_URL when it is set (a proxy, or a test's loopback
// fake); the gateway's address is then asked of that base too (GET /gateway/bot).

const DISCORD_API = "https://discord.com/api";

/**
 * How long a scheduled post's call may take before it is abandoned. Every discord.js REST
 * call has a timeout (`timeout`, 15 s by default in @discordjs/rest 2.6: makeNetworkRequest
 * aborts the fetch); posts get a shorter one, since the scheduler retries them itself.
 */
export const POST_TIMEOUT_MS = 10_000;

/** REST options for discord.js: the API base, without a trailing slash (discord.js adds one). */
export function restOptions(config: Pick<Config, "DISCORD_API_URL">): Partial<RESTOptions> {
  return { api: (config.DISCORD_API_URL ?? DISCORD_API).replace(/\/+$/, "") };
}

/** A REST client with no token: enough for interaction callbacks and webhook edits. */
export function createRest(config: Pick<Config, "DISCORD_API_URL">, token?: string): REST {
  const rest = new REST(restOptions(config));
  return token ? rest.setToken(token) : rest;
}

/**
 * A REST client for scheduled posts, which leaves every wait to the scheduler: there a wait
 * past ONTHISDAY_GRACE is given up and shutdown cuts waits short. As @discordjs/rest 2.6 does it:
 * - `retries: 0`: otherwise a 5xx, a reset or a timeout is retried at once up to 3 times, so a
 *   hung API took four timeouts to report (shouldRetry and handleErrors count against it);
 * - `rejectOnRateLimit`: otherwise a 429 is slept out inside discord.js for as long as its
 *   Retry-After says, an hour if so, and cannot be interrupted. onRateLimit is awaited before
 *   either of its waits (the 429's sublimit sleep and the pre-emptive bucket wait) and throws a
 *   RateLimitError carrying retryAfter and timeToReset instead.
 */
export function postingRest(
  config: Pick<Config, "DISCORD_API_URL">,
  token: string,
  timeoutMs = POST_TIMEOUT_MS,
): REST {
  return new REST({
    ...restOptions(config),
    timeout: timeoutMs,
    retries: 0,
    rejectOnRateLimit: () => true,
  }).setToken(token);
}
