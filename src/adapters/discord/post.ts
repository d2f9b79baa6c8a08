import { DiscordAPIError, RateLimitError, type REST, Routes } from "discord.js";
import { messageOf } from "../../error-message.ts";
import { renderDiscord } from "../../render/discord/message.ts";
import { type Poster, PostFailure } from "../../schedule/delivery.ts";
import { restRequest, withoutFiles } from "./outgoing.ts";

// Scheduled posts to Discord channels, over REST with the bot token. Every send carries the
// post's nonce with enforce_nonce, so if a retry repeats a send that in fact arrived, Discord
// hands back the first message instead of posting a second. The REST client leaves retries and
// rate-limit waits to the scheduler (postingRest), which is told how long Discord asked it to wait.

/** Posts to Discord channels through `rest`, which should come from postingRest. */
export function discordPoster(rest: REST): Poster {
  return {
    async post(channel, reply, nonce) {
      // A post with a picture sends it as a file, as any message does (outgoing.ts).
      const { json, files } = withoutFiles(renderDiscord(reply));
      const body = { ...json, nonce, enforce_nonce: true };
      try {
        await rest.post(Routes.channelMessages(channel), restRequest(body, files));
      } catch (error) {
        if (error instanceof RateLimitError) {
          const ms = Math.max(error.retryAfter, error.timeToReset, 0);
          const scope = error.global ? "global " : "";
          const seconds = Math.round(ms / 1000);
          throw new PostFailure(`Discord ${scope}rate limit: retry after ${seconds} s`, true, ms);
        }
        // A 4xx is Discord's final word (Missing Access, Unknown Channel…): asking again cannot
        // help. Anything else left the outcome unknown, which the nonce makes safe to retry.
        if (error instanceof DiscordAPIError && error.status < 500) {
          throw new PostFailure(`Discord refused: ${error.message} (code ${error.code})`, false);
        }
        throw new PostFailure(`Discord did not answer: ${messageOf(error)}`, true, 0, true);
      }
    },
  };
}
