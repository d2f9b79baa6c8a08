import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/boot.ts";
import { synthDataset } from "../../src/synth/dataset.ts";
import { writeDataset } from "../../src/synth/write-dataset.ts";
import { askLater, bundledContext } from "../support/context.ts";

// /chart as people use it: the picture comes with the reply, with its words; bad input is told
// what works; a timeline too big to draw asks to be narrowed. Drawing takes real time (about a
// second the first time), hence the slow project.

const ctx = bundledContext();
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const decoded = (png: Uint8Array | undefined) => PNG.sync.read(Buffer.from(png ?? []));

describe("/chart", { timeout: 60_000 }, () => {
  it("expulsions: the chart attached, with its summary, totals, alt text and sources", async () => {
    const reply = await askLater(ctx, "/chart expulsions");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Expulsions between Norway and Russia, 2020–2023");
    expect(reply.body).toEqual([
      "In 2020–2023 Norway expelled 19 people and Russia 13: diplomats and intelligence officers, in the sources' words.",
    ]);
    expect(reply.fields).toEqual([
      { name: "Norway expelled", value: "19" },
      { name: "Russia expelled", value: "13" },
    ]);
    expect(reply.image?.fileName).toBe("expulsions-2020-2023.png");
    expect(reply.image?.alt).toContain("2021: none. 2022: Norway 3, Russia 3.");
    const png = decoded(reply.image?.png);
    expect([png.width, png.height]).toEqual([reply.image?.width, reply.image?.height]);
    expect(reply.sources.map((s) => s.label)).toContain("“Norway–Russia relations”, Wikipedia");
  });

  it("draws a chart asked for again from the cache: the very same picture", async () => {
    const first = await askLater(ctx, "/chart expulsions 2022 2023");
    const again = await askLater(ctx, "/chart expulsions from:2022 to:2023");
    expect(again.image?.png).toBe(first.image?.png);
  });

  it("timeline: one mark per dated event, the dates in the alt text as the sources give them", async () => {
    const reply = await askLater(ctx, "/chart timeline topic:expulsion");
    expect(reply.kind).toBe("answer");
    expect(reply.title).toBe("Timeline · topic: expulsion");
    expect(reply.body.at(-1)).toMatch(/^6 events from July 2020 to 2023\./);
    expect(reply.image?.alt).toContain(
      "April 2023, Norway expels 15 Russian intelligence officers;",
    );
    expect(reply.image?.fileName).toBe("timeline-topic-expulsion.png");
    expect(decoded(reply.image?.png).width).toBeGreaterThan(800);
  });

  it("says how many events of a crowded timeline went unlabelled, and which are undated", async () => {
    const reply = await askLater(ctx, "/chart timeline");
    expect(reply.body.at(-1)).toMatch(
      /^\d+ events from the 10th century to .*; \d+ too close to others to label; \d+ undated, not drawn\./,
    );
  });

  it("tells bad input what works", async () => {
    const cases: Array<[string, RegExp]> = [
      ["/chart pie", /no chart called “pie”; there are: expulsions and timeline/],
      ["/chart expulsions 2023 2020", /from \(2023\) comes after to \(2020\)/],
      ["/chart expulsions topic:expulsion", /takes years only/],
      ["/chart", /kind/],
    ];
    for (const [line, message] of cases) {
      const reply = await askLater(ctx, line);
      expect(reply.kind, line).toBe("usage");
      expect(reply.title, line).toMatch(message);
    }
  });

  it("answers years with no expulsions, or a person in no event, with what there is", async () => {
    const none = await askLater(ctx, "/chart expulsions 1990 2000");
    expect(none).toMatchObject({ kind: "empty", body: ["Expulsions are recorded in 2020–2023."] });
    expect(none.image).toBeUndefined();
    const nobody = await askLater(ctx, "/chart timeline person:xqztwvb");
    expect(nobody.kind).toBe("empty");
  });

  it("asks for a timeline too crowded to draw one by one to be narrowed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "barents-chart-"));
    dirs.push(dir);
    writeDataset(dir, synthDataset({ events: 1200, people: 50, seed: 7 }));
    const big = createContext({ BOT_TIMEZONE: "Europe/Oslo", DATA_DIR: dir });
    const bars = await askLater(big, "/chart expulsions");
    expect(bars.kind).toBe("answer");
    expect(bars.image?.alt).toMatch(
      /^Bar chart of people expelled by Norway and by Russia, \d+ years to a bar,/,
    );
    const reply = await askLater(big, "/chart timeline");
    expect(reply.kind).toBe("empty");
    expect(reply.title).toMatch(/^Timeline: \d+ events, too many to draw one by one\.$/);
    expect(reply.body).toEqual([
      "A timeline chart draws at most 400. Narrow it by years, a topic or a person.",
    ]);
  });
});
