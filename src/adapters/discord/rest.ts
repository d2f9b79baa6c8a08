import { REST, type RESTOptions } from "discord.js";
import type { Config } from "../../config.ts";

// Every Discord REST call goes to DISCORD_API_URL when it is set (a proxy, or a test's loopback
// fake); the gateway's address is then asked of that base too (GET /gateway/bot).

const DISCORD_API = "https://discord.com/api";

/** REST options for discord.js: the API base, without a trailing slash (discord.js adds one). */
export function restOptions(config: Pick<Config, "DISCORD_API_URL">): Partial<RESTOptions> {
  return { api: (config.DISCORD_API_URL ?? DISCORD_API).replace(/\/+$/, "") };
}

/** A REST client with no token: enough for interaction callbacks and webhook edits. */
export function createRest(config: Pick<Config, "DISCORD_API_URL">, token?: string): REST {
  const rest = new REST(restOptions(config));
  return token ? rest.setToken(token) : rest;
}
