import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { encodeCall } from "../../reply/call-codec.ts";
import { type CommandCall, pageCall, type Reply } from "../../reply/reply.ts";
import { DISCORD_LIMITS as L } from "./limits.ts";
import { fitLabel } from "./markdown.ts";

// Paging and "did you mean" as buttons. Each button's custom_id is the whole call it replays
// (call-codec), so a press works after a restart and on any replica. A call too long for a
// custom_id, or a button with no room left, is not dropped silently: the footer says how to
// get there by typing the command instead.

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface Buttons {
  rows: ButtonRow[];
  /** Plain-text lines for the footer, one per button that could not be shown. */
  notes: string[];
}

/** A call as someone would type it in Discord, every option by name: `/who name:Støre page:2`. */
export function discordCall(call: CommandCall): string {
  const options = Object.entries(call.options).map(([name, value]) => `${name}:${value}`);
  return [`/${call.command}`, ...options].join(" ");
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const row = (buttons: APIButtonComponentWithCustomId[]): ButtonRow => ({
  type: ComponentType.ActionRow,
  components: buttons,
});

/** The buttons a reply offers, at most five to a row and five rows, each custom_id unique. */
export function replyButtons(reply: Reply): Buttons {
  const used = new Set<string>();
  const notes: string[] = [];
  /** A button for `call`, or undefined (with a note) when its custom_id would be too long. */
  const button = (
    label: string,
    call: CommandCall,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    note: string,
  ): APIButtonComponentWithCustomId | undefined => {
    const custom_id = encodeCall(call);
    if (custom_id.length > L.customId) {
      notes.push(`${note}: ${discordCall(call)}`);
      return undefined;
    }
    // Two buttons for one call would be refused (custom_ids must differ) and say nothing more.
    if (used.has(custom_id)) return undefined;
    used.add(custom_id);
    return {
      type: ComponentType.Button,
      style,
      label: fitLabel(label, L.buttonLabel, note),
      custom_id,
    };
  };

  const rows: ButtonRow[] = [];
  const p = reply.paging;
  if (p && p.pages > 1) {
    const moves = [
      p.page > 1
        ? button("◀ Previous", pageCall(p, p.page - 1), ButtonStyle.Secondary, `Page ${p.page - 1}`)
        : undefined,
      p.page < p.pages
        ? button("Next ▶", pageCall(p, p.page + 1), ButtonStyle.Secondary, `Page ${p.page + 1}`)
        : undefined,
    ].filter((b) => b !== undefined);
    if (moves.length) rows.push(row(moves));
  }

  const room = (L.rows - rows.length) * L.buttonsPerRow;
  const suggested: APIButtonComponentWithCustomId[] = [];
  for (const s of reply.suggestions) {
    if (suggested.length >= room) {
      notes.push(`Also: ${discordCall(s.call)}`);
      continue;
    }
    const made = button(s.label, s.call, ButtonStyle.Primary, "Also");
    if (made) suggested.push(made);
  }
  rows.push(...chunk(suggested, L.buttonsPerRow).map(row));
  return { rows, notes };
}
