import { describe, expect, it } from "vitest";
import { runScript } from "./support/process.ts";

// The bot's policy for failures nothing caught, in a real Node process, since both events are
// about the process itself.

const SCRIPT = "test/support/failing-process.ts";

function logged(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the process policy", { timeout: 30_000 }, () => {
  it("logs an unhandled rejection at error, with its stack, and stays up", () => {
    const run = runScript(SCRIPT, ["rejection"]);
    expect(run.stdout).toBe("still up\n");
    expect(run.status).toBe(0);
    const [line] = logged(run.stderr);
    expect(line).toMatchObject({
      level: 50,
      msg: "unhandled promise rejection; the process stays up",
    });
    expect(line?.err).toMatchObject({ message: "a promise nobody awaited" });
    expect(String((line?.err as { stack?: string } | undefined)?.stack)).toContain(
      "failing-process.ts",
    );
  });

  it("logs an uncaught exception at fatal and exits 1, for the supervisor to restart it", () => {
    const run = runScript(SCRIPT, ["exception"]);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
    const [line] = logged(run.stderr);
    expect(line).toMatchObject({ level: 60, msg: "uncaught exception; exiting for a restart" });
    expect(line?.err).toMatchObject({ message: "a throw from a callback" });
  });
});
