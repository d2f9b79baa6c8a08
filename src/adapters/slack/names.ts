// How Slack addresses Barents, shared by the listeners, the App and the manifest so that the
// commands a workspace installs are exactly the ones answered.

/** The path Slack posts commands and button presses to in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** The slash command for a declared command: `/` + SLACK_COMMAND_PREFIX + name (`/nr-who`). */
export function slashName(prefix: string, name: string): string {
  return `/${prefix}${name}`;
}
