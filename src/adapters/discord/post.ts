import { DiscordAPIError, type REST, Routes } from "discord.js";
import { renderDiscord } from "../../render/discord/message.ts";
import { type Poster, PostFailure } from "../../schedule/scheduler.ts";

// Scheduled posts to Discord channels, over REST with the bot token: discord.js's REST queue
// honours Discord's rate limits and retries 5xx and network failures itself. Every send carries
// the post's nonce with enforce_nonce, so if a retry repeats a send that in fact arrived,
// Discord hands back the first message instead of posting a second.

/** Posts to Discord channels through `rest`, which must hold the bot token. */
export function discordPoster(rest: REST): Poster {
  return {
    async post(channel, reply, nonce) {
      const body = { ...renderDiscord(reply), nonce, enforce_nonce: true };
      try {
        await rest.post(Routes.channelMessages(channel), { body });
      } catch (error) {
        // A 4xx is Discord's final word (Missing Access, Unknown Channel…): asking again cannot
        // help. Anything else left the outcome unknown, which the nonce makes safe to retry.
        if (error instanceof DiscordAPIError && error.status < 500) {
          throw new PostFailure(`Discord refused: ${error.message} (code ${error.code})`, false);
        }
        throw new PostFailure(
          `Discord did not answer: ${error instanceof Error ? error.message : String(error)}`,
          true,
        );
      }
    },
  };
}
