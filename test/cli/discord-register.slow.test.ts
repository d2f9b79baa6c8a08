import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import {
  applicationCommands,
  diffCommands,
} from "../../src/adapters/discord/application-commands.ts";
import { registerCommands } from "../../src/adapters/discord/register.ts";
import { createRest } from "../../src/adapters/discord/rest.ts";
import { FAKE_DISCORD as F, type FakeDiscord, startFakeDiscord } from "../support/fake-discord.ts";
import { cleanEnv, startScript } from "../support/process.ts";

// `npm run discord:register`: the command JSON built from the declarations, the diff against
// what Discord holds, and the CLI itself against a loopback fake Discord.

const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAy.fake.register-token";
const GUILD = "100000000000000099";

describe("applicationCommands: the JSON Discord registers", () => {
  const json = applicationCommands(COMMANDS);

  it("declares one slash command per command, in /help's order", () => {
    expect(json.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of json) expect(c.type).toBe(1);
  });

  it("carries types, bounds and autocomplete from the declarations", () => {
    expect(json.find((c) => c.name === "expulsions")?.options).toEqual([
      {
        type: 4,
        name: "year",
        description: "The year, like 2023",
        required: true,
        min_value: 1,
        max_value: 9999,
        autocomplete: true,
      },
      {
        type: 4,
        name: "page",
        description: "Which page of results",
        required: false,
        min_value: 1,
        max_value: 1000,
      },
    ]);
    const who = json.find((c) => c.name === "who");
    expect(who?.options.map((o) => [o.name, o.type, o.required])).toEqual([
      ["name", 3, false],
      ["page", 4, false],
    ]);
    expect(who?.options[0]).toMatchObject({ max_length: 100, autocomplete: true });
  });

  it("lists required options first, as Discord insists", () => {
    for (const c of json) {
      const firstOptional = c.options.findIndex((o) => !o.required);
      if (firstOptional !== -1)
        expect(c.options.slice(firstOptional).every((o) => !o.required)).toBe(true);
    }
  });

  it("hides the subscription changes from members without Manage Channels, by default", () => {
    const permissions = Object.fromEntries(json.map((c) => [c.name, c.default_member_permissions]));
    expect(permissions).toMatchObject({
      "onthisday-subscribe": "16",
      "onthisday-unsubscribe": "16",
      "onthisday-status": null,
      onthisday: null,
      timeline: null,
    });
  });

  it("keeps every description within Discord's 100 characters", () => {
    for (const c of json) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("diffCommands", () => {
  const local = applicationCommands(COMMANDS);
  // As Discord returns them: ids, versions, permissions, contexts, no `required: false`.
  const held = local.map((c, i) => ({
    ...c,
    id: String(i + 1),
    application_id: F.applicationId,
    version: "7",
    dm_permission: true,
    contexts: null,
    integration_types: [0],
    nsfw: false,
    name_localizations: null,
    description_localizations: null,
    options: c.options.map(({ required, ...o }) => (required ? { ...o, required } : o)),
  }));

  it("finds nothing to do when Discord holds the same commands", () => {
    const diff = diffCommands(local, held);
    expect(diff).toEqual({
      create: [],
      update: [],
      delete: [],
      unchanged: local.map((c) => c.name),
    });
  });

  it("finds a changed description, a new command and a stale one", () => {
    const changed = held.map((c) => (c.name === "help" ? { ...c, description: "Old words" } : c));
    const diff = diffCommands(local.slice(1), [
      ...changed.slice(1),
      { ...changed[0], id: "99", name: "weather" } as (typeof held)[number],
    ]);
    const helpId = held.find((c) => c.name === "help")?.id;
    expect(diff.update.map((u) => [u.id, u.command.name])).toEqual([[helpId, "help"]]);
    expect(diff.delete).toEqual([{ id: "99", name: "weather" }]);
    expect(diff.create).toEqual([]);
    expect(diffCommands(local, held.slice(1)).create.map((c) => c.name)).toEqual(["timeline"]);
  });
});

describe("diffCommands and permissions", () => {
  it("updates a command whose default member permissions Discord holds differently", () => {
    const local = applicationCommands(COMMANDS);
    const held = local.map((c, i) => ({
      ...c,
      id: String(i + 1),
      default_member_permissions: null,
    }));
    const diff = diffCommands(local, held);
    expect(diff.update.map((u) => u.command.name).sort()).toEqual([
      "onthisday-subscribe",
      "onthisday-unsubscribe",
    ]);
  });
});

// Each test continues from what the one before left in the fake, as successive runs would.
describe("registerCommands against a fake Discord", () => {
  let fake: FakeDiscord;
  const writes = () => fake.requests.all.filter((r) => r.method !== "GET");

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => fake?.close());
  beforeEach(() => {
    fake.requests.all.length = 0;
  });

  const rest = () => createRest({ DISCORD_API_URL: fake.api }, TOKEN);
  const target = { applicationId: F.applicationId, guildId: GUILD };

  it("in a dry run, says what it would create and writes nothing", async () => {
    const { lines } = await registerCommands(rest(), target, COMMANDS, { dryRun: true });
    expect(lines).toEqual(COMMANDS.map((c) => `would create /${c.name}`));
    expect(writes()).toEqual([]);
    expect(fake.commands.get(GUILD) ?? []).toEqual([]);
  });

  it("creates every command the first time, in the guild, with the bot token", async () => {
    const { lines } = await registerCommands(rest(), target, COMMANDS);
    expect(lines).toEqual(COMMANDS.map((c) => `created /${c.name}`));
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(
      COMMANDS.map(() => `POST /applications/${F.applicationId}/guilds/${GUILD}/commands`),
    );
    expect(fake.requests.all[0]?.authorization).toBe(`Bot ${TOKEN}`);
  });

  it("writes nothing when nothing changed: one GET, no writes", async () => {
    const { lines } = await registerCommands(rest(), target, COMMANDS);
    expect(lines).toEqual([`Nothing to change: ${COMMANDS.length} commands already up to date.`]);
    expect(fake.requests.all.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /applications/${F.applicationId}/guilds/${GUILD}/commands`,
    ]);
  });

  it("writes exactly one command when one description changed", async () => {
    const changed = COMMANDS.map((c) =>
      c.name === "help" ? { ...c, description: "Help, reworded" } : c,
    );
    const { lines } = await registerCommands(rest(), target, changed);
    expect(lines).toEqual(["updated /help"]);
    expect(writes()).toHaveLength(1);
    expect(writes()[0]).toMatchObject({
      method: "PATCH",
      body: { name: "help", description: "Help, reworded" },
    });
  });

  it("deletes a command no longer declared", async () => {
    const kept = COMMANDS.filter((c) => c.name !== "help");
    const { lines } = await registerCommands(rest(), target, kept);
    expect(lines).toEqual(["deleted /help"]);
    expect(writes().map((r) => r.method)).toEqual(["DELETE"]);
    expect(fake.commands.get(GUILD)?.map((c) => c.name)).toEqual(kept.map((c) => c.name));
  });

  it("in a dry run, names what it would create, update and delete, still writing nothing", async () => {
    const changed = COMMANDS.filter((c) => c.name !== "who").map((c) =>
      c.name === "timeline" ? { ...c, description: "Timeline, reworded" } : c,
    );
    const { lines } = await registerCommands(rest(), target, changed, { dryRun: true });
    // /help was deleted just before.
    expect(lines).toEqual(["would create /help", "would update /timeline", "would delete /who"]);
    expect(writes()).toEqual([]);
  });

  it("registers globally when no guild is given", async () => {
    await registerCommands(rest(), { applicationId: F.applicationId }, COMMANDS);
    expect(writes()[0]?.path).toBe(`/applications/${F.applicationId}/commands`);
    expect(fake.commands.get("global")).toHaveLength(COMMANDS.length);
  });
});

describe("npm run discord:register", () => {
  const env = (extra: Record<string, string>) =>
    cleanEnv({ DISCORD_APPLICATION_ID: "", DISCORD_GUILD_ID: "", DISCORD_API_URL: "", ...extra });

  it("says which settings are missing and exits 1", async () => {
    const run = await startScript("src/cli/discord-register.ts", "", env({}));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("needs DISCORD_TOKEN and DISCORD_APPLICATION_ID");
  });

  it("registers for the guild and prints what it changed, never the token", async () => {
    const fake = await startFakeDiscord();
    try {
      const settings = {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: F.applicationId,
        DISCORD_GUILD_ID: GUILD,
        DISCORD_API_URL: fake.api,
      };
      const first = await startScript("src/cli/discord-register.ts", "", env(settings));
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      expect(first.stdout).toBe(
        [
          `Registering ${COMMANDS.length} commands for server ${GUILD}.`,
          ...COMMANDS.map((c) => `created /${c.name}`),
          "",
        ].join("\n"),
      );
      expect(first.stdout + first.stderr).not.toContain(TOKEN);
    } finally {
      await fake.close();
    }
  });

  it("with --dry-run prints the difference and writes nothing", async () => {
    const fake = await startFakeDiscord();
    try {
      const settings = {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: F.applicationId,
        DISCORD_GUILD_ID: GUILD,
        DISCORD_API_URL: fake.api,
      };
      const run = await startScript("src/cli/discord-register.ts", "", env(settings), [
        "--dry-run",
      ]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(
        [
          `Comparing ${COMMANDS.length} commands with server ${GUILD} (dry run: nothing is written).`,
          ...COMMANDS.map((c) => `would create /${c.name}`),
          "",
        ].join("\n"),
      );
      expect(fake.requests.all.map((r) => r.method)).toEqual(["GET"]);
      expect(fake.commands.get(GUILD) ?? []).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
