// The few Block Kit shapes Barents sends, typed here rather than imported from Bolt so the
// renderer stays a pure function with no platform dependency. Each is a subset of Slack's own.

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji: boolean;
}

export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
  /** True: Slack leaves the text as sent instead of linking channel names or bare mentions. */
  verbatim: true;
}

export interface HeaderBlock {
  type: "header";
  text: PlainText;
}

export interface SectionBlock {
  type: "section";
  text?: Mrkdwn;
  fields?: Mrkdwn[];
}

export interface ContextBlock {
  type: "context";
  elements: Mrkdwn[];
}

export interface ButtonElement {
  type: "button";
  text: PlainText;
  action_id: string;
  value: string;
}

export interface ActionsBlock {
  type: "actions";
  elements: ButtonElement[];
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** What chat.postMessage or respond() sends: blocks, and `text` for notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A message as a reply to a command: in the channel, or seen only by the person who asked. */
export interface SlackReplyPayload extends SlackMessage {
  response_type: "in_channel" | "ephemeral";
}

// Every action id Barents writes starts with this, so one listener can own them all, and a
// later version can add kinds of button without touching old messages' routing.
export const ACTION_PREFIX = "barents:";
export const ACTION_PATTERN = /^barents:/;
export const PAGE_PREVIOUS = `${ACTION_PREFIX}page:previous`;
export const PAGE_NEXT = `${ACTION_PREFIX}page:next`;
export const suggestionAction = (i: number) => `${ACTION_PREFIX}suggestion:${i}`;

export const plain = (text: string): PlainText => ({ type: "plain_text", text, emoji: true });
export const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text, verbatim: true });
