// Data and user text pass through here before any text renderer prints them, so that nothing
// a record or a person typed can move a terminal's cursor or ping a chat when pasted.

const ZWSP = "\u200b";

/** Removes control characters (ANSI escapes among them) and defuses mention syntax. */
export function safeText(text: string): string {
  return (
    text
      // CSI sequences (colours, cursor moves), then OSC ones (titles, links) up to their terminator.
      .replace(/\p{Cc}\[[0-9;?]*[ -/]*[@-~]/gu, "")
      .replace(/\p{Cc}\][^\p{Cc}]*(?:\p{Cc}\\?)?/gu, "")
      .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, (ch) =>
        ch === "\n" || ch === "\t" ? ch : "",
      )
      .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
      .replace(/<([@#!&])/g, `<${ZWSP}$1`)
  );
}
