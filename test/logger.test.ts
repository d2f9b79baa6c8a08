import { describe, expect, it } from "vitest";
import { batchedLines, createLogger } from "../src/logger.ts";

function captured() {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  return { logger, text: () => lines.join("") };
}

describe("logger", () => {
  it("censors fields named like credentials, wherever they sit", () => {
    const { logger, text } = captured();
    logger.info(
      {
        token: "t-1",
        client: { token: "t-2", botToken: "xoxb-3", appToken: "xapp-4", signingSecret: "s-5" },
        request: { headers: { authorization: "Bot t-6", Authorization: "Bot t-7" } },
      },
      "starting",
    );
    for (const value of ["t-1", "t-2", "xoxb-3", "xapp-4", "s-5", "t-6", "t-7"])
      expect(text()).not.toContain(value);
    expect(text()).toContain("[redacted]");
    expect(text()).toContain("starting");
  });

  it("writes nothing below its level", () => {
    const { logger, text } = captured();
    logger.debug("hidden");
    expect(text()).toBe("");
  });
});

describe("batchedLines", () => {
  function batched() {
    const writes: string[] = [];
    const logger = createLogger(
      "info",
      batchedLines((text) => void writes.push(text)),
    );
    return { logger, writes };
  }
  const turnEnds = () => new Promise((resolve) => setImmediate(resolve));

  it("writes the info lines of one turn of the event loop together, once it ends", async () => {
    const { logger, writes } = batched();
    logger.info("first");
    logger.info("second");
    expect(writes).toEqual([]);
    await turnEnds();
    expect(writes).toHaveLength(1);
    expect(
      writes[0]
        ?.split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l).msg),
    ).toEqual(["first", "second"]);
  });

  it("writes a warning at once, after the lines waiting before it", () => {
    const { logger, writes } = batched();
    logger.info("waiting");
    logger.warn("trouble");
    expect(
      writes
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l).msg),
    ).toEqual(["waiting", "trouble"]);
  });
});
