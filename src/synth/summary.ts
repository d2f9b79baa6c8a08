import type { Random } from "./random.ts";
import { FILLERS } from "./vocabulary.ts";

// Filling templates and growing summaries to a chosen length: most short, some near the
// schema's 1000-character limit, so renderers and pagers see the long ones too.

export type Tokens = Record<string, string>;

const MAX_SUMMARY = 1000;

/** A template with its {tokens} replaced; an unknown token is left visible, not dropped. */
export function fill(template: string, tokens: Tokens): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => tokens[key] ?? whole);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a diplomat", "an intelligence officer". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** How long a summary should be: a skewed choice, so a few reach the limit. */
function targetLength(random: Random): number {
  const [min, max] = random.weighted([
    [[80, 200], 35],
    [[200, 450], 40],
    [[450, 800], 18],
    [[800, MAX_SUMMARY], 7],
  ] as const);
  return random.int(min, max);
}

/** The opening sentences, then filler sentences while they fit the chosen length. */
export function grow(random: Random, opening: string, tokens: Tokens): string {
  const target = targetLength(random);
  let text = opening.slice(0, MAX_SUMMARY).trim();
  const limit = Math.min(target, MAX_SUMMARY);
  // Bounded, so a target no filler fits cannot loop; and no filler is shorter than 40 letters.
  for (let tries = 0; tries < 24 && limit - text.length > 40; tries++) {
    const next = fill(random.pick(FILLERS), tokens);
    if (text.length + 1 + next.length <= limit) text += ` ${next}`;
  }
  return text;
}
