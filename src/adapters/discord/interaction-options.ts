import {
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
} from "discord.js";
import { autocomplete } from "../../command/autocomplete.ts";
import type { CommandContext } from "../../command/declaration.ts";
import { findCommand } from "../../command/run-command.ts";
import { DISCORD_LIMITS as L } from "../../render/discord/limits.ts";
import { fitLabel } from "../../render/discord/markdown.ts";

// Discord sends options as a typed list; the core takes a plain record and checks it against
// the declaration itself, so nothing here decides whether a value is acceptable. The list comes
// from a signed but untrusted payload: anything not shaped as Discord documents is left out
// rather than trusted to its type.

type DataOption = APIApplicationCommandInteractionDataOption;

/** The well-formed entries of `options`: objects with a string name; none when it is no list. */
function dataOptions(options: unknown): DataOption[] {
  if (!Array.isArray(options)) return [];
  return options.filter(
    (o): o is DataOption =>
      typeof o === "object" && o !== null && typeof (o as { name?: unknown }).name === "string",
  );
}

/** The options of a slash command as the core takes them: name → value. */
export function optionValues(options: unknown): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const option of dataOptions(options)) {
    if (!("value" in option)) continue;
    const value: unknown = option.value;
    // No command declares a boolean, but the core's checks should be the ones to say so.
    if (typeof value === "number") values[option.name] = value;
    else if (typeof value === "string" || typeof value === "boolean")
      values[option.name] = String(value);
  }
  return values;
}

/**
 * Choices for the option being typed, from the core's autocomplete, shaped as Discord accepts
 * them: at most 25, names of 1 to 100 characters, integer values for integer options.
 */
export function autocompleteChoices(
  ctx: CommandContext,
  commandName: unknown,
  options: unknown,
): APIApplicationCommandOptionChoice[] {
  const focused = dataOptions(options).find((o) => "focused" in o && o.focused);
  if (!focused || !("value" in focused)) return [];
  if (typeof commandName !== "string") return [];
  const option = findCommand(ctx.commands, commandName)?.options.find(
    (o) => o.name === focused.name,
  );
  if (!option?.autocomplete) return [];
  const integer = focused.type === ApplicationCommandOptionType.Integer;
  const choices: APIApplicationCommandOptionChoice[] = [];
  for (const choice of autocomplete(ctx, option.autocomplete, String(focused.value ?? ""))) {
    const name = fitLabel(choice.name, L.choiceName, "");
    if (!name) continue;
    if (integer) {
      const value = Number(choice.value);
      if (Number.isSafeInteger(value)) choices.push({ name, value });
    } else if (String(choice.value).length <= L.choiceValue) {
      choices.push({ name, value: String(choice.value) });
    }
    if (choices.length === L.choices) break;
  }
  return choices;
}
