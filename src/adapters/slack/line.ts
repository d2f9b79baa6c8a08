import type { Command } from "../../command/declaration.ts";
import { unescapeMrkdwn } from "../../render/slack/mrkdwn.ts";
import { commandOfSlash } from "./names.ts";

// A whole command line typed in Slack, by the umbrella command (`/barents who huitfeldt`), a
// mention (`@Barents who huitfeldt`) or a direct message, answered through the console's grammar.

export interface LineNames {
  prefix: string;
  umbrella: string;
  commands: readonly Command[];
}

// A mention as Slack writes it in a message's text: `<@U0LAN0Z89>`, sometimes `<@U0LAN0Z89|name>`
// (Slack's app_mention example: "<@U0LAN0Z89> is it everything a river should be?").
const LEADING_MENTION = /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/;

/**
 * The command line in a message's text: the leading mention of the app dropped, Slack's
 * entities (`&amp;`, `&lt;`, `&gt;`) read back as typed, and a first word written as installed
 * (`/barents-who`, copied from a hint) or as the umbrella (`/barents who`) read as the command.
 */
export function lineOfMessage(text: string, names: LineNames): string {
  const line = unescapeMrkdwn(text.replace(LEADING_MENTION, "")).trim();
  const [first = "", ...rest] = line.split(/\s+/);
  if (!first.startsWith("/") && !first.toLowerCase().startsWith(names.prefix || "\0")) return line;
  const name = commandOfSlash(first, names);
  if (name === null) return rest.join(" ");
  return [name, ...rest].join(" ");
}
