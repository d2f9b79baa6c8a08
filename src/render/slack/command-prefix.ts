import type { Command } from "../../command/declaration.ts";
import type { Reply } from "../../reply/reply.ts";

// The core writes commands as people type them anywhere else ("Example: /timeline 2017"). In a
// workspace where SLACK_COMMAND_PREFIX renames them (/nr-timeline), that advice would call
// someone else's command, so the Slack renderer renames them in the text it shows.

/** The reply with every `/name` of a declared command written `/<prefix>name`. */
export function withCommandPrefix(
  reply: Reply,
  prefix: string,
  commands: readonly Command[],
): Reply {
  if (!prefix || commands.length === 0) return reply;
  const names = commands.map((c) => c.name).join("|");
  // A command name after a slash that starts a word, and not followed by more of a word or path.
  const pattern = new RegExp(`(^|[\\s(“"'\`])/(${names})(?![\\w/-])`, "giu");
  const rename = (text: string) => text.replace(pattern, `$1/${prefix}$2`);
  return {
    ...reply,
    title: rename(reply.title),
    body: reply.body.map(rename),
    fields: reply.fields.map((f) => ({ name: rename(f.name), value: rename(f.value) })),
    suggestions: reply.suggestions.map((s) => ({ ...s, label: rename(s.label) })),
  };
}
