import {
  type APIInteraction,
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type GatewayMessageCreateDispatchData,
  Options,
  Status,
} from "discord.js";
import type { Watched } from "../../command/answered.ts";
import type { Started } from "../../startup.ts";
import { answerMessage } from "./answer-message.ts";
import {
  type HandlingOptions,
  handleInteraction,
  interactionHandling,
} from "./handle-interaction.ts";
import { callbackResponder, loggableError } from "./responses.ts";
import { restOptions } from "./rest.ts";

// Gateway mode: a discord.js Client holds the WebSocket; Barents reads interactions from the raw
// INTERACTION_CREATE dispatch (the same JSON the HTTP endpoint receives) and hands them to the
// one handling path, answering through REST callbacks. Mentions and DMs come the same way, as raw
// MESSAGE_CREATE dispatches, and are answered with replies over REST (answer-message.ts).
//
// Intents (docs.discord.com, Gateway › Gateway Intents): GUILDS (1 << 0) as before, plus
// GUILD_MESSAGES (1 << 9) and DIRECT_MESSAGES (1 << 12), which carry MESSAGE_CREATE in servers
// and in DMs. None of the three is privileged. MESSAGE_CONTENT (1 << 15) is not asked: without it
// Discord still fills in the content of DMs with the app and of messages that mention it, which
// are the only messages Barents reads.
//
// No Channel partial: discord.js needs it to emit its own messageCreate event for a DM (it knows
// no DM channel, and Discord sends no CHANNEL_CREATE for one), but the raw dispatch read here is
// emitted before discord.js looks for the channel. Leaving the partial out keeps every DM channel
// out of the channel cache, so memory does not grow with the people who write to the bot.
// Members, users and messages are never kept (trimmedCaches), whatever the intents deliver.

/** One gateway connection as an operator sees it: discord.js's Status name and last ping. */
export interface ShardState {
  id: number;
  /** "Ready", "Reconnecting", "Resuming", … (discord.js's Status). */
  state: string;
  pingMs?: number;
}

export interface RunningGateway {
  /** Each gateway shard's state now, for /metrics and /readyz. */
  shards(): ShardState[] | Promise<ShardState[]>;
  stop(): Promise<void>;
}

/** Caches trimmed to what Barents needs: nothing beyond the bot's own user and its guilds. */
function trimmedCaches() {
  const isSelf = (x: { id: string; client: Client }) => x.id === x.client.user?.id;
  return Options.cacheWithLimits({
    ApplicationCommandManager: 0,
    ApplicationEmojiManager: 0,
    AutoModerationRuleManager: 0,
    BaseGuildEmojiManager: 0,
    DMMessageManager: 0,
    EntitlementManager: 0,
    GuildBanManager: 0,
    GuildEmojiManager: 0,
    GuildForumThreadManager: 0,
    GuildInviteManager: 0,
    GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
    GuildMessageManager: 0,
    GuildScheduledEventManager: 0,
    GuildStickerManager: 0,
    GuildTextThreadManager: 0,
    MessageManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    StageInstanceManager: 0,
    ThreadManager: 0,
    ThreadMemberManager: 0,
    UserManager: { maxSize: 0, keepOverLimit: isSelf },
    VoiceStateManager: 0,
  });
}

/**
 * discord.js builds an Interaction object of its own from each INTERACTION_CREATE (its
 * client.actions.InteractionCreate, src/client/actions/InteractionCreate.js in 14.28), which
 * Barents never uses: it answers the raw payload. That action reads `data.data.type` unchecked,
 * so a signed payload without `data` threw inside discord.js's dispatch listener, an unhandled
 * rejection. Nothing listens for those objects, so the step is skipped.
 */
function skipInteractionObjects(client: Client): Client {
  const { actions } = client as unknown as {
    actions: { InteractionCreate: { handle(data: unknown): void } };
  };
  actions.InteractionCreate.handle = () => {};
  return client;
}

/** A discord.js client set up as Barents needs it, not yet logged in. */
export function createDiscordClient(started: Started): Client {
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    makeCache: trimmedCaches(),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      // Whatever slips into a cache anyway (a thread, a user) is let go within the hour.
      threads: { interval: 3600, lifetime: 3600 },
      users: { interval: 3600, filter: () => (user) => user.id !== user.client.user.id },
    },
    allowedMentions: { parse: [] },
    rest: restOptions(started.config),
  });
  return skipInteractionObjects(client);
}

/**
 * Logs the bot in over the gateway and answers every interaction until stopped. Rejects, having
 * let go of the connection, when Discord refuses the token or cannot be reached.
 */
export async function startDiscordGateway(
  started: Started & Watched,
  options: HandlingOptions = {},
): Promise<RunningGateway> {
  const { config, logger } = started;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error("DISCORD_TOKEN is needed for the Discord gateway.");
  const handling = interactionHandling(started, options);
  const client = createDiscordClient(started);
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const done = work.finally(() => pending.delete(done));
    pending.add(done);
  };

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction) => {
    track(handleInteraction(handling, data, callbackResponder(client.rest, data)));
  });
  client.ws.on(GatewayDispatchEvents.MessageCreate, (data: GatewayMessageCreateDispatchData) => {
    const botId = client.user?.id;
    if (!botId) return;
    const { ctx, log } = started;
    const { telemetry } = handling;
    track(answerMessage({ ctx, log, logger, rest: client.rest, botId, telemetry }, data));
  });
  client.on(Events.Error, (error) => logger.error({ err: loggableError(error) }, "Discord error"));
  client.on(Events.ShardError, (error, shard) =>
    logger.warn({ err: loggableError(error), shard }, "Discord connection error"),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ code: event.code, shard }, "Discord connection closed for good"),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
    const user = (await ready).user;
    logger.info(
      { tag: user.tag, id: user.id, shards: client.ws.shards.size },
      "Discord gateway ready",
    );
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return {
    shards: () =>
      client.ws.shards.map((shard) => ({
        id: shard.id,
        state: Status[shard.status] ?? String(shard.status),
        pingMs: shard.ping,
      })),
    stop: async () => {
      // Let answers already under way reach Discord before the connection goes.
      await Promise.allSettled([...pending]);
      await client.destroy();
    },
  };
}
