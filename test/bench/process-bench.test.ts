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

  it("are in every command docs/deploying.md gives a supervisor", () => {
    const page = readFileSync(join(ROOT, "docs/deploying.md"), "utf8");
    // The plain command and systemd's ExecStart (the container's CMD is a JSON list).
    const commands = [...page.matchAll(/\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/main\.js/g)];
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const [command, flags = ""] of commands) {
      for (const flag of scriptNodeFlags("start"))
        expect(flags.split(/\s+/), command).toContain(flag);
    }
  });

  it("refuse a script that does not run the launcher", () => {
    expect(() => scriptNodeFlags("test")).toThrow(/does not run node src\/launch.mjs/);
  });
});
