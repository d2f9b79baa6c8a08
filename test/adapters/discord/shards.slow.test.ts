import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../support/fake-discord.ts";
import { cleanEnv, logLine, spawnScript } from "../../support/process.ts";
import { slashCommand } from "./interactions.ts";

// DISCORD_SHARDS as an operator runs it: `npm start` becomes discord.js's ShardingManager, each
// shard a process of its own with its own gateway connection to the loopback fake, which routes
// a guild's dispatches to the shard that owns it ((guild_id >> 22) % shards), as Discord does.

const TOKEN = "discord-bot-token-for-shard-tests";

/** A guild id that Discord assigns to `shard` of `count`. */
function guildOnShard(shard: number, count: number): string {
  return String((BigInt(1_000_000 * count + shard) << 22n) + 7n);
}

let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.close();
});

// Three processes load tsx and discord.js: seconds on a busy machine.
describe("DISCORD_SHARDS", { timeout: 90_000 }, () => {
  it("runs the shards Discord recommends, each answering its own servers, and one scheduler", async () => {
    discord = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    const child = spawnScript(
      "src/main.ts",
      cleanEnv({
        LOG_LEVEL: "info",
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: discord.api,
        DISCORD_SHARDS: "auto",
      }),
    );
    const log: string[] = [];
    const schedulersOff = new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk) => {
        log.push(String(chunk));
        // Each shard says so once its start-up is through, which may be after it answers.
        if (log.join("").split('"msg":"scheduler off').length - 1 >= 2) resolve();
      });
    });
    try {
      const ready = await logLine(child, "Discord shards ready");
      expect(ready.shards).toBe(2);
      const shards = [await discord.identifies.next(), await discord.identifies.next()]
        .map((i) => i.shard.join("/"))
        .sort();
      expect(shards).toEqual(["0/2", "1/2"]);

      for (const shard of [0, 1]) {
        const guild = guildOnShard(shard, 2);
        const interaction = { ...slashCommand("who", { name: "huitfeldt" }), guild_id: guild };
        const callback = await discord.interact(interaction);
        expect(JSON.stringify(callback.body), `shard ${shard}`).toContain("Huitfeldt");
      }

      await schedulersOff;
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      const lines = log
        .join("")
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { msg: string; shard?: string });
      // The manager schedules; both shards only answer.
      expect(lines.filter((l) => l.msg === "scheduler on")).toHaveLength(1);
      expect(lines.filter((l) => l.msg.startsWith("scheduler off"))).toHaveLength(2);
      expect(log.join("")).not.toContain(TOKEN);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses DISCORD_SHARDS that is neither auto nor a number, naming it", async () => {
    const child = spawnScript(
      "src/main.ts",
      cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: "lots" }),
    );
    const stderr: string[] = [];
    child.stderr.on("data", (chunk) => stderr.push(String(chunk)));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr.join("")).toContain(
      "DISCORD_SHARDS: must be auto or a whole number of shards from 1 to 1000; for example 2",
    );
  });
});
