import { defineCommand } from "../../src/command/declaration.ts";

/** A command whose handler always throws: what the apology path and its log line are tested with. */
export const boom = defineCommand({
  name: "boom",
  description: "Fails every time",
  options: [],
  examples: ["/boom"],
  handle: () => {
    throw new Error("boom went the handler");
  },
});
