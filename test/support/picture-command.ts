import { COMMANDS } from "../../commands/index.ts";
import { defineCommand } from "../../src/command/declaration.ts";
import { reply } from "../../src/reply/reply.ts";

// A command whose answer carries a picture, for the adapters' tests of sending one: the same
// shape as /chart's answer, with a tiny fixed PNG instead of a drawn chart.

// A 7×5 grey PNG, written once by pngjs.
export const PICTURE = new Uint8Array(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAcAAAAFCAYAAACJmvbYAAAAHUlEQVR4AWNsAAIGHICJAQ9gYsADmBjwACYGPAAAIHUCCgUMLmYAAAAASUVORK5CYII=",
    "base64",
  ),
);
export const SUMMARY = "Norway expelled 3 and Russia 2 diplomats in 2020–2021";
export const ALT = "A bar chart of diplomats expelled per year: Norway 3, Russia 2.";

/** A command whose answer carries a picture, as /chart's does, without drawing one. */
export const picture = defineCommand({
  name: "picture",
  description: "An answer with a picture",
  options: [
    {
      name: "summary",
      description: "The summary line",
      type: "string",
      positional: true,
      example: "Norway expelled 3",
    },
    {
      name: "alt",
      description: "An alt text this long",
      type: "integer",
      min: 1,
      max: 5000,
      example: "1500",
    },
  ],
  examples: ["/picture"],
  handle: (_ctx, { summary, alt }) =>
    reply("answer", "Expulsions between Norway and Russia, 2020–2021", {
      body: [summary ?? SUMMARY],
      image: {
        png: PICTURE,
        fileName: "expulsions-2020-2021.png",
        alt: alt === undefined ? ALT : "a".repeat(alt),
        width: 7,
        height: 5,
      },
    }),
});
export const COMMANDS_WITH_PICTURE = [...COMMANDS, picture];

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
