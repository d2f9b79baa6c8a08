import { editDistance } from "../core/edit-distance.ts";

// Every term the full-text index holds, for what SQLite's FTS5 does not do itself: finding the
// terms a typo was meant to be ("huitfedlt" → huitfeldt), and the nearest terms to offer when
// nothing matches. Terms are grouped by length with a bitmask of their letters, so a query is
// measured against only the few of similar length whose letters nearly agree with its own.

/** One bit per letter (modulo 31): a letter on one side only costs at least one edit. */
function maskOf(term: string): number {
  let mask = 0;
  for (let i = 0; i < term.length; i++) mask |= 1 << (term.charCodeAt(i) % 31);
  return mask;
}

function bitsIn(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Vocabulary {
  private readonly known = new Set<string>();
  private readonly byLength: Array<{ terms: string[]; masks: number[] } | undefined> = [];

  add(term: string): void {
    if (this.known.has(term)) return;
    this.known.add(term);
    // Numbers are never typos of each other, and two letters are too few to guess from.
    if (/\d/.test(term) || term.length < 3) return;
    let group = this.byLength[term.length];
    if (!group) {
      group = { terms: [], masks: [] };
      this.byLength[term.length] = group;
    }
    group.terms.push(term);
    group.masks.push(maskOf(term));
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  get size(): number {
    return this.known.size;
  }

  /** Terms within `max` edits of `term`, nearest first; the term itself left out. */
  near(term: string, max: number): string[] {
    const found: Array<{ term: string; distance: number }> = [];
    const mask = maskOf(term);
    for (let length = term.length - max; length <= term.length + max; length++) {
      const group = this.byLength[length];
      if (!group) continue;
      for (let i = 0; i < group.terms.length; i++) {
        const other = group.masks[i] as number;
        if (bitsIn(mask & ~other) > max || bitsIn(other & ~mask) > max) continue;
        const candidate = group.terms[i] as string;
        const distance = editDistance(term, candidate, max);
        if (candidate !== term && distance <= max) found.push({ term: candidate, distance });
      }
    }
    found.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
    return found.map((f) => f.term);
  }
}
