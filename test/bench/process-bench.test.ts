import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scriptNodeFlags } from "../../src/bench/process-bench.ts";
import { ROOT } from "../support/process.ts";

describe("the Node flags the bench launches with", () => {
  it("are the ones the npm scripts run the bot and ask with", () => {
    expect(scriptNodeFlags("start")).toEqual([
      "--max-semi-space-size=1",
      "--v8-pool-size=2",
      "--enable-source-maps",
    ]);
    expect(scriptNodeFlags("ask")).toEqual(scriptNodeFlags("start"));
  });

  it("are in every command the README gives a supervisor", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const commands = [...readme.matchAll(/\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/main\.js/g)];
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const [command, flags = ""] of commands) {
      for (const flag of scriptNodeFlags("start"))
        expect(flags.split(/\s+/), command).toContain(flag);
    }
  });

  it("refuse a script that does not run the launcher", () => {
    expect(() => scriptNodeFlags("test")).toThrow(/does not run node src\/launch.mjs/);
  });
});
