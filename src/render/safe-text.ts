import { stripControls } from "../core/controls.ts";

// Data and user text pass through here before any text renderer prints them, so that nothing
// a record or a person typed can move a terminal's cursor or ping a chat when pasted.

const ZWSP = "\u200b";

/** Removes control characters (ANSI escapes among them) and defuses mention syntax. */
export function safeText(text: string): string {
  return stripControls(text)
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<([@#!&])/g, `<${ZWSP}$1`);
}
