import type { Command } from "../src/command/declaration.ts";
import { chart } from "./chart.ts";
import { expulsions } from "./expulsions.ts";
import { help } from "./help.ts";
import { onthisday } from "./onthisday.ts";
import { onthisdayStatus } from "./onthisday-status.ts";
import { onthisdaySubscribe } from "./onthisday-subscribe.ts";
import { onthisdayUnsubscribe } from "./onthisday-unsubscribe.ts";
import { search } from "./search.ts";
import { timeline } from "./timeline.ts";
import { topics } from "./topics.ts";
import { who } from "./who.ts";

/** Every command Barents offers, in the order /help lists them. */
export const COMMANDS: readonly Command[] = [
  timeline,
  expulsions,
  chart,
  who,
  search,
  topics,
  onthisday,
  onthisdaySubscribe,
  onthisdayUnsubscribe,
  onthisdayStatus,
  help,
];
