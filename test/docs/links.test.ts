import { existsSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { docPages, readPage } from "../support/docs.ts";
import { ROOT } from "../support/process.ts";

// Every relative link on README.md and docs/*.md leads somewhere: the file exists, and an
// #anchor names a heading of that page, as GitHub makes heading anchors (lower case, punctuation
// dropped, spaces to hyphens, "-1" and on for repeats).

/** A page without its fenced blocks, where a `#` line is a comment, not a heading. */
const unfenced = (page: string) => page.replace(/^\s*```[\s\S]*?^\s*```/gm, "");

/** The text of a page outside fences and code spans, where links are links. */
const prose = (page: string) =>
  unfenced(page).replace(/`[^`\n]*`/g, (code) => " ".repeat(code.length));

/**
 * GitHub's anchor for a heading's text, as github-slugger (the rule GitHub's renderer follows)
 * makes it: lower case, every character that is not a letter, digit, space, `_` or `-` dropped,
 * then each space a hyphen, so "names: `/a`, …" ends in "-a-" (a run of spaces is not folded).
 */
function slug(heading: string): string {
  return heading
    .replace(/`/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/ /g, "-");
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, text = ""] of unfenced(readPage(file)).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(text.trim());
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

function links(file: string): string[] {
  return [...prose(readPage(file)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
}

describe("links between the pages", () => {
  it("makes anchors as GitHub does", () => {
    expect(slug("The per-command names: `/barents-who`, `/barents-timeline`, …")).toBe(
      "the-per-command-names-barents-who-barents-timeline-",
    );
    expect(slug('Daily "on this day" posts')).toBe("daily-on-this-day-posts");
  });

  it("every relative link names a file that exists, and a heading that it has", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of docPages()) {
      for (const link of links(file)) {
        if (/^[a-z]+:/i.test(link)) continue;
        checked++;
        const [path = "", anchor] = link.split("#");
        const target = path ? normalize(join(dirname(file), path)) : file;
        if (!existsSync(join(ROOT, target))) broken.push(`${file}: ${link} (no ${target})`);
        else if (anchor !== undefined && !(target.endsWith(".md") && anchors(target).has(anchor)))
          broken.push(`${file}: ${link} (no heading #${anchor} in ${target})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it("the README links every page in docs/", () => {
    const linked = new Set(links("README.md").map((link) => link.split("#")[0]));
    const pages = docPages().filter((page) => page !== "README.md");
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  });
});
