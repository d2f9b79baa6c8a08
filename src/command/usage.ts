import type { Command, OptionDeclaration } from "./declaration.ts";

function optionUsage(option: OptionDeclaration): string {
  const shown = option.positional === false ? `${option.name}:N` : option.name;
  return option.required ? `<${shown}>` : `[${shown}]`;
}

/** The one-line usage of a command: "/timeline [from] [to] [topic] [person] [page:N]". */
export function usageLine(command: Command): string {
  return [`/${command.name}`, ...command.options.map(optionUsage)].join(" ");
}
