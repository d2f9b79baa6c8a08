// The typo filter behind NameSearch measures one query against hundreds of spellings, each twice
// (the whole spelling and its start). Counting cell by cell costs a microsecond or two a pair;
// one bit per query letter (Hyyrö, 2003) does both in a single pass over the spelling.

/** Longest query this handles: one bit a letter, in JavaScript's 32-bit integer operations. */
export const MAX_BITS = 31;

/**
 * Optimal string alignment distances (insert, delete, substitute, or swap two neighbours, the
 * same distance as editDistance) from one query to many spellings, and to their first letters.
 */
export class QueryDistance {
  /** For each letter, the positions in the query that hold it, as bits. */
  private readonly masks = new Map<number, number>();
  private readonly last: number;
  /** After measure(), the distance to the spelling's first query-length letters, if it has them. */
  prefix = 0;

  /** `query` must be 1 to MAX_BITS letters long. */
  constructor(private readonly query: string) {
    for (let i = 0; i < query.length; i++) {
      const ch = query.charCodeAt(i);
      this.masks.set(ch, (this.masks.get(ch) ?? 0) | (1 << i));
    }
    this.last = 1 << (query.length - 1);
  }

  /** The distance from the query to the whole spelling; also sets `prefix`. */
  measure(spelling: string): number {
    const n = this.query.length;
    let vp = this.last * 2 - 1;
    let vn = 0;
    let d0 = 0;
    let before = 0;
    let distance = n;
    this.prefix = n;
    for (let j = 0; j < spelling.length; j++) {
      const pm = this.masks.get(spelling.charCodeAt(j)) ?? 0;
      // Bits where a swap of this letter and the one before lines up with the query.
      const swap = ((~d0 & pm) << 1) & before;
      d0 = (((pm & vp) + vp) ^ vp) | pm | vn | swap;
      let hp = vn | ~(d0 | vp);
      const hn = d0 & vp;
      if (hp & this.last) distance++;
      if (hn & this.last) distance--;
      hp = (hp << 1) | 1;
      vp = (hn << 1) | ~(d0 | hp);
      vn = hp & d0;
      before = pm;
      if (j === n - 1) this.prefix = distance;
    }
    return distance;
  }
}
