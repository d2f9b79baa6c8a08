import {
  COVERAGE_LISTS,
  type CoverageList,
  countLabel,
  coverage,
  coverageListNamed,
  coverageReply,
} from "../src/command/coverage.ts";
import { defineCommand } from "../src/command/declaration.ts";
import { PAGE_OPTION } from "../src/command/paginate.ts";
import { clip } from "../src/command/resolve-options.ts";
import { UsageError } from "../src/command/usage-error.ts";
import type { EventIndex } from "../src/core/event-index.ts";
import { reply, type Suggestion } from "../src/reply/reply.ts";

// What the index covers, so nobody has to guess a tag: the overview names every list and its
// first few entries; `/topics places` and the others list one in full, a button per entry.

const EXAMPLE = "/topics places";
// Entries named in the overview's field for each list, and offered there as buttons: four
// lists of four and a button for each whole list is at most 20. Discord allows five action rows
// of five buttons a message; Slack, 25 elements in one actions block (Discord's component docs;
// Slack's Block Kit reference, as python-slack-sdk#1253 records). A list page holds 20 entries
// (LIST_PAGE_SIZE), so its buttons and the row of page buttons fill Discord's five rows exactly.
const NAMED = 8;
const BUTTONS = 4;

const HEADINGS: Record<CoverageList, string> = {
  topics: "Topics",
  places: "Places",
  people: "People",
  years: "Years with expulsions",
};

function overview(index: EventIndex) {
  const lists = COVERAGE_LISTS.map((list) => ({ list, entries: coverage(index, list) }));
  const suggestions: Suggestion[] = [];
  const fields = lists.map(({ list, entries }) => {
    const named = entries
      .slice(0, NAMED)
      .map((e) => (list === "people" ? e.name : `${e.name} (${countLabel(list, e.count)})`));
    const more = entries.length > NAMED ? [`… /topics ${list} lists all ${entries.length}`] : [];
    suggestions.push(...entries.slice(0, BUTTONS).map((e) => ({ label: e.name, call: e.call })));
    return {
      name: `${HEADINGS[list]} (${entries.length})`,
      value: [...named, ...more].join(", ") || "None",
    };
  });
  for (const { list, entries } of lists) {
    if (entries.length > BUTTONS) {
      suggestions.push({
        label: `All ${list}`,
        call: { command: "topics", options: { list } },
      });
    }
  }
  return reply("answer", "What Barents covers", {
    body: ["Topics and places open a timeline, people a profile, years their expulsions."],
    fields,
    suggestions,
  });
}

export const topics = defineCommand({
  name: "topics",
  description: "What the index covers: topics, places, people and years, each one a command",
  options: [
    {
      name: "list",
      description: "topics, places, people or years; all four in brief if left out",
      type: "string",
      maxLength: 20,
      example: "places",
    },
    PAGE_OPTION,
  ],
  examples: ["/topics", "/topics places", "/topics people"],
  handle(ctx, { list, page }) {
    if (list === undefined) {
      if (page !== undefined) return coverageReply(ctx.index, "topics", page, topicsCall("topics"));
      return overview(ctx.index);
    }
    const named = coverageListNamed(list);
    if (!named) {
      throw new UsageError(
        `“${clip(list)}” is not a list: choose ${COVERAGE_LISTS.join(", ")}.`,
        EXAMPLE,
      );
    }
    return coverageReply(ctx.index, named, page, topicsCall(named));
  },
});

function topicsCall(list: CoverageList) {
  return { command: "topics", options: { list } };
}
