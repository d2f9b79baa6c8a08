import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./process.ts";

// The pages a newcomer reads (README.md and docs/*.md) as the docs tests see them: their fenced
// lines, and the commands those lines show. Shared by the unit tests (links, bot commands, script
// names) and the slow one that runs the cheap scripts for real.

export interface DocLine {
  /** The page, relative to the repository: "docs/slack.md". */
  file: string;
  /** 1-based, for failure messages. */
  line: number;
  text: string;
}

/** README.md and every page in docs/, relative to the repository. */
export function docPages(): string[] {
  const pages = readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...pages];
}

export function readPage(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

/** Every line inside a ``` fence, on every page. */
export function fencedLines(): DocLine[] {
  const lines: DocLine[] = [];
  for (const file of docPages()) {
    let fenced = false;
    readPage(file)
      .split("\n")
      .forEach((text, i) => {
        if (text.trim().startsWith("```")) fenced = !fenced;
        else if (fenced) lines.push({ file, line: i + 1, text });
      });
  }
  return lines;
}

/** What a line shown to a person ends with that is not for typing: `# …` or `← …`. */
const NOTE = /\s+(?:#|←)\s.*$/;

/** A bot command a page shows: the way in it is typed, and the line as typed there. */
export interface ShownCommand extends DocLine {
  /** "console" (`/who x`, `barents> /who x`), "slack" (`/barents who x`), "mention" (`@Barents who x`). */
  way: "console" | "slack" | "mention";
  typed: string;
}

/** Every fenced line that is a bot command: starting with `/`, `@Barents` or the console's prompt. */
export function shownCommands(): ShownCommand[] {
  const shown: ShownCommand[] = [];
  for (const line of fencedLines()) {
    const typed = line.text
      .replace(NOTE, "")
      .trim()
      .replace(/^barents> /, "");
    if (/^\/barents(?:\s|-|$)/.test(typed)) shown.push({ ...line, way: "slack", typed });
    else if (typed.startsWith("/")) shown.push({ ...line, way: "console", typed });
    else if (/^@Barents\b/.test(typed)) shown.push({ ...line, way: "mention", typed });
  }
  return shown;
}

/** An npm command a page shows, split into words as a shell would (quotes, no expansions). */
export interface ShownScript extends DocLine {
  /** `npm run` script name, or "start", "test", "ci" for npm's own commands. */
  script: string;
  /** The words after the script name, without npm's `--`. */
  args: string[];
  /** Variables set before it on the line (`DISCORD_GUILD_ID=… npm run …`). */
  env: Record<string, string>;
  /** Where the shell sends stdout (`> manifest.json`), if anywhere. */
  redirect?: string;
  /** The line's own note (`# a usage error: its message, exit 2`), if any. */
  note: string;
}

/** Shell words: spaces split, double or single quotes group. Enough for what the pages show. */
export function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** Every npm command on a fenced line, each part of `a && b` on its own. */
export function shownScripts(): ShownScript[] {
  const shown: ShownScript[] = [];
  for (const line of fencedLines()) {
    const note = /\s#\s(.*)$/.exec(line.text)?.[1] ?? "";
    const command = line.text.replace(/\s#\s.*$/, "");
    for (const part of command.split("&&")) {
      const words = shellWords(part.trim());
      const env: Record<string, string> = {};
      while (words[0] && /^[A-Z_]+=/.test(words[0])) {
        const [name = "", ...value] = (words.shift() ?? "").split("=");
        env[name] = value.join("=");
      }
      if (words[0] !== "npm" || !words[1]) continue;
      const run = words[1] === "run";
      const script = run ? (words[2] ?? "") : words[1];
      let args = words.slice(run ? 3 : 2);
      if (args[0] === "--") args = args.slice(1);
      const at = args.indexOf(">");
      const redirect = at >= 0 ? args[at + 1] : undefined;
      if (at >= 0) args = args.slice(0, at);
      shown.push({ ...line, script, args, env, note, ...(redirect ? { redirect } : {}) });
    }
  }
  return shown;
}
