import { describe, expect, it } from "vitest";
import { COVERAGE_LISTS, coverage, LIST_PAGE_SIZE } from "../../src/command/coverage.ts";
import { runCommand } from "../../src/command/run-command.ts";
import { fold } from "../../src/core/fold.ts";
import { renderDiscord } from "../../src/render/discord/message.ts";
import { renderSlackMessage } from "../../src/render/slack/blocks.ts";
import { pageCall, type Reply } from "../../src/reply/reply.ts";
import { limitProblems as discordProblems } from "../render/discord/within-limits.ts";
import { limitProblems as slackProblems } from "../render/slack/within-limits.ts";
import { ask, atOnce, bundledContext } from "../support/context.ts";

const ctx = bundledContext();
const { index } = ctx;

/** Every suggestion a reply offers, run as a press of its button would run it. */
const pressed = (reply: Reply) => reply.suggestions.map((s) => atOnce(runCommand(ctx, s.call)));

/** Every page of a paged reply, from the first. */
function allPages(first: Reply): Reply[] {
  const pages = [first];
  const paging = first.paging;
  for (let n = 2; paging && n <= paging.pages; n++)
    pages.push(atOnce(runCommand(ctx, pageCall(paging, n))));
  return pages;
}

function expectFits(reply: Reply): void {
  const discord = renderDiscord(reply);
  expect(discordProblems(discord)).toEqual([]);
  expect(slackProblems(renderSlackMessage(reply))).toEqual([]);
  // Every entry is a button, none pushed into the footer as "Also: …".
  const buttons = discord.components.flatMap((row) => row.components).length;
  const paging = reply.paging && reply.paging.pages > 1 ? 1 : 0;
  expect(buttons).toBeGreaterThanOrEqual(reply.suggestions.length + paging);
}

describe("/topics", () => {
  describe("with no list: everything in brief", () => {
    const reply = ask(ctx, "/topics");

    it("names each list with how many it holds", () => {
      expect(reply.kind).toBe("answer");
      expect(reply.title).toBe("What Barents covers");
      const counts = COVERAGE_LISTS.map((list) => coverage(index, list).length);
      expect(reply.fields.map((f) => f.name)).toEqual([
        `Topics (${counts[0]})`,
        `Places (${counts[1]})`,
        `People (${counts[2]})`,
        `Years with expulsions (${counts[3]})`,
      ]);
    });

    it("names the first entries of each with their counts, and how to see the rest", () => {
      expect(reply.fields[1]?.value).toContain("Vardø (4 events)");
      expect(reply.fields[0]?.value).toMatch(/… \/topics topics lists all \d+$/);
      expect(reply.fields[3]?.value).toBe(
        "2020 (1 expulsion), 2022 (2 expulsions), 2023 (2 expulsions)",
      );
    });

    it("offers the first entries and each whole list as buttons that all run", () => {
      const labels = reply.suggestions.map((s) => s.label);
      expect(labels).toContain("Vardø");
      expect(labels).toContain("Anniken Huitfeldt");
      expect(labels).toContain("2023");
      expect(labels).toContain("All places");
      for (const [i, answer] of pressed(reply).entries()) {
        expect(answer.kind, reply.suggestions[i]?.label).toBe("answer");
      }
    });

    it("fits Discord and Slack with every button shown", () => {
      expect(reply.suggestions.length).toBeLessThanOrEqual(25);
      expectFits(reply);
    });
  });

  describe("one list in full", () => {
    it("lists places with their counts, most events first", () => {
      const reply = ask(ctx, "/topics places");
      expect(reply.title).toMatch(/^Places \(\d+\)$/);
      expect(reply.fields[0]).toEqual({ name: "Ukraine", value: "5 events" });
      expect(reply.fields).toContainEqual({ name: "Vardø", value: "4 events" });
      expect(reply.fields).toContainEqual({ name: "White Sea", value: "1 event" });
    });

    it("splits topics from places: each of the index's topics is in exactly one", () => {
      const topics = coverage(index, "topics").map((e) => e.name);
      const places = coverage(index, "places").map((e) => e.name);
      expect([...topics, ...places].sort()).toEqual(index.topics.map((t) => t.name).sort());
      expect(places).toContain("Murmansk");
      expect(topics).toContain("expulsion");
      expect(topics).not.toContain("Vardø");
      const placeKeys = new Set(index.events.flatMap((e) => e.places).map(fold));
      for (const name of places) expect(placeKeys.has(fold(name)), name).toBe(true);
    });

    it("lists the years with expulsions in order, each opening that year", () => {
      const reply = ask(ctx, "/topics years");
      expect(reply.fields.map((f) => f.name)).toEqual(index.expulsionYears.map(String));
      expect(reply.suggestions.map((s) => s.call)).toEqual(
        index.expulsionYears.map((year) => ({ command: "expulsions", options: { year } })),
      );
    });

    it.each(COVERAGE_LISTS)("pages %s, every entry on some page, every button running", (list) => {
      const pages = allPages(ask(ctx, `/topics ${list}`));
      const entries = coverage(index, list);
      expect(pages.flatMap((p) => p.fields.map((f) => f.name))).toEqual(entries.map((e) => e.name));
      for (const page of pages) {
        expect(page.kind).toBe("answer");
        expect(page.fields.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
        expectFits(page);
        for (const [i, answer] of pressed(page).entries()) {
          // Each button opens what it names: the topic's timeline, the person, the year.
          expect(answer.kind, page.suggestions[i]?.label).toBe("answer");
          expect(answer.title, page.suggestions[i]?.label).toContain(page.suggestions[i]?.label);
        }
      }
    });

    it("reads a list's name in the singular and in any case", () => {
      expect(ask(ctx, "/topics Place").title).toBe(ask(ctx, "/topics places").title);
      expect(ask(ctx, "/topics PERSON").title).toMatch(/^People/);
      expect(ask(ctx, "/topics list:year").title).toMatch(/^Years with expulsions/);
    });

    it("refuses a list it does not have, naming the ones it has, with an example that runs", () => {
      const reply = ask(ctx, "/topics colours");
      expect(reply.kind).toBe("usage");
      expect(reply.title).toBe("“colours” is not a list: choose topics, places, people, years.");
      expect(reply.body).toEqual(["Example: /topics places"]);
      expect(ask(ctx, "/topics places").kind).toBe("answer");
    });

    it("refuses a page past the last, saying how many there are", () => {
      const reply = ask(ctx, "/topics people page:9");
      expect(reply.kind).toBe("usage");
      expect(reply.title).toBe("There is only 1 page, not 9.");
      expect(ask(ctx, reply.body[0]?.replace(/^Example: /, "") ?? "").kind).toBe("answer");
    });
  });
});

describe("/who with no name", () => {
  it("lists everyone the index knows, with the events each appears in", () => {
    const reply = ask(ctx, "/who");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe(`People (${index.dataset.people.length})`);
    expect(reply.fields.map((f) => f.name).sort()).toEqual(
      index.dataset.people.map((p) => p.name).sort(),
    );
    const huitfeldt = index.dataset.people.find((p) => p.id === "anniken-huitfeldt");
    expect(reply.fields).toContainEqual({
      name: huitfeldt?.name,
      value: `${index.withPerson("anniken-huitfeldt").length} events`,
    });
  });

  it("offers each person as a button that opens their profile", () => {
    const reply = ask(ctx, "/who");
    for (const [i, answer] of pressed(reply).entries()) {
      expect(answer.title).toBe(reply.suggestions[i]?.label);
    }
    expectFits(reply);
  });

  it("pages like any list, the page buttons replaying /who", () => {
    const reply = ask(ctx, "/who page:1");
    expect(reply.paging?.call).toEqual({ command: "who", options: {} });
  });
});
