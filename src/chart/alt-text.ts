// A chart's text alternative, kept within what both platforms take: Discord allows 1024
// characters in an attachment's description, Slack 1000 in alt_txt.
const ALT_MAX = 1000;

/** `head`, then as many `parts` as fit, each after a space; " …" where the rest is left out. */
export function altText(head: string, parts: readonly string[]): string {
  let alt = head;
  for (const part of parts) {
    if (alt.length + 1 + part.length > ALT_MAX - 2) return `${alt} …`;
    alt += ` ${part}`;
  }
  return alt;
}
