import type { Command } from "../src/command/declaration.ts";
import { expulsions } from "./expulsions.ts";
import { help } from "./help.ts";
import { onthisday } from "./onthisday.ts";
import { timeline } from "./timeline.ts";
import { who } from "./who.ts";

/** Every command Barents offers, in the order /help lists them. */
export const COMMANDS: readonly Command[] = [timeline, expulsions, who, onthisday, help];
