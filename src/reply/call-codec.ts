import { z } from "zod";
import type { CommandCall } from "./reply.ts";

// Buttons carry the whole call they replay (Discord's custom_id, Slack's action value), so a
// press works after a restart and on any replica: nothing is kept in memory between requests.
// The version prefix lets a later format recognise, and politely refuse, an older button.

const PREFIX = "b1:";

const callSchema = z.tuple([
  z.string().regex(/^[a-z][a-z0-9_-]*$/),
  z.record(z.string(), z.union([z.string(), z.number()])),
]);

export function encodeCall(call: CommandCall): string {
  return PREFIX + JSON.stringify([call.command, call.options]);
}

/** The call a button carries, or undefined for anything this version did not write. */
export function decodeCall(text: string): CommandCall | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  const parsed = callSchema.safeParse(raw);
  return parsed.success ? { command: parsed.data[0], options: parsed.data[1] } : undefined;
}
