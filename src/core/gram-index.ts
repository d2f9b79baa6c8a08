// Which spellings look like a query, without reading them all: a linear scan (what Fuse does)
// costs a few hundred milliseconds a query at 100k names. Kept in flat typed arrays rather than
// an object per spelling, so 100k names cost megabytes, not hundreds of them.

// Letter pairs, with a start and an end mark: a typo breaks at most three pairs, so the name
// meant keeps most of its own, and pairs still match in three-letter words, where a swap
// ("hwo" for "who") leaves no letter triple intact.
const GRAM = 2;
// Letters are numbered after the marks; 0 also stands for a letter no spelling has, which the
// start mark never needs telling apart from, as either way the gram cannot match.
const START = 0;
const END = 1;
// A flat gram table of up to this many slots (4 MB) beats a map, which only names in many
// scripts at once need: a thousand different letters.
const DENSE_GRAMS = 1 << 20;
// Past this many letters more pairs add cost but no recall; Fuse cuts its patterns at 32 too.
const MAX_QUERY_LETTERS = 32;
// Places are stored in a byte.
const MAX_PLACE = 255;

/** What the caller's scoring allows, so only spellings that could pass it are proposed. */
export interface CandidateOptions {
  /** How far a pair may sit from its place in the query: the most edits the scoring allows. */
  slack: number;
  /** Whether a spelling of this length could be close enough to the query at all. */
  lengthOk: (length: number) => boolean;
  /** How many spellings to propose at most, those sharing the most pairs first. */
  limit: number;
}

/** The letter pairs of many spellings, each listed with where in the spelling it sits. */
export class GramIndex {
  /** Each UTF-16 code unit the spellings use, numbered from END + 1; 0 for the rest. */
  private readonly alphabet = new Uint16Array(0x10000);
  private letters = 0;
  private readonly table: Int32Array | undefined;
  private readonly map = new Map<number, number>();
  private readonly length: Uint16Array;
  private readonly longest: number;
  private readonly firstWord: Int32Array;
  /** Postings of each gram from gramStart[g], by place in the spelling and then by spelling. */
  private readonly gramStart: Int32Array;
  private readonly postingTerm: Int32Array;
  private readonly postingPlace: Uint8Array;
  // Scratch for candidates(), reused so a query allocates almost nothing.
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;
  private readonly histogram = new Int32Array(0x10000);
  private readonly queryGrams = new Int32Array(MAX_QUERY_LETTERS + 1);

  /**
   * `firstWord[t]` is the spelling that is the first word of spelling t, or -1. A name's first
   * word is a spelling of its own, so its pairs are listed once, under the word, and the name
   * inherits the word's count: a query for a surname then reads no first names at all.
   */
  constructor(terms: readonly string[], firstWord: Int32Array) {
    this.firstWord = firstWord;
    this.length = new Uint16Array(terms.map((t) => Math.min(t.length, 0xffff)));
    this.longest = this.length.reduce((a, b) => Math.max(a, b), 0);
    const from = (t: number) => {
      const word = firstWord[t] ?? -1;
      return word < 0 ? 0 : (this.length[word] ?? 0);
    };
    let total = 0;
    terms.forEach((term, t) => {
      total += term.length + 1 - from(t);
      for (let i = 0; i < term.length; i++) {
        const ch = term.charCodeAt(i);
        if (this.alphabet[ch] === 0) this.alphabet[ch] = ++this.letters + END;
      }
    });
    const size = (this.letters + END + 1) ** GRAM;
    this.table = size <= DENSE_GRAMS ? new Int32Array(size).fill(-1) : undefined;

    // Each posting's gram, place and spelling; then a counting sort by place and a stable one
    // by gram, so within a gram places ascend and a query reads only the stretch near its own.
    const gramOf = new Int32Array(total);
    const placeOf = new Uint8Array(total);
    const termOf = new Int32Array(total);
    const perPlace = new Int32Array(MAX_PLACE + 2);
    const perGram: number[] = [];
    const grams = new Int32Array(this.longest + 1);
    let at = 0;
    terms.forEach((term, t) => {
      const count = this.gramsOf(term, term.length, grams);
      for (let pos = from(t); pos < count; pos++) {
        const gram = grams[pos] ?? 0;
        let id = this.gramId(gram);
        if (id < 0) {
          id = perGram.length;
          if (this.table) this.table[gram] = id;
          else this.map.set(gram, id);
          perGram.push(0);
        }
        perGram[id] = (perGram[id] ?? 0) + 1;
        const place = Math.min(pos, MAX_PLACE);
        perPlace[place + 1] = (perPlace[place + 1] ?? 0) + 1;
        gramOf[at] = id;
        placeOf[at] = place;
        termOf[at++] = t;
      }
    });
    for (let p = 0; p <= MAX_PLACE; p++) {
      perPlace[p + 1] = (perPlace[p + 1] ?? 0) + (perPlace[p] ?? 0);
    }
    const byPlace = new Int32Array(total);
    for (let i = 0; i < total; i++) {
      const p = placeOf[i] ?? 0;
      byPlace[perPlace[p] ?? 0] = i;
      perPlace[p] = (perPlace[p] ?? 0) + 1;
    }
    this.gramStart = new Int32Array(perGram.length + 1);
    perGram.forEach((n, g) => {
      this.gramStart[g + 1] = (this.gramStart[g] ?? 0) + n;
    });
    this.postingTerm = new Int32Array(total);
    this.postingPlace = new Uint8Array(total);
    const next = this.gramStart.slice(0, perGram.length);
    for (let k = 0; k < total; k++) {
      const i = byPlace[k] ?? 0;
      const g = gramOf[i] ?? 0;
      const slot = next[g] ?? 0;
      next[g] = slot + 1;
      this.postingTerm[slot] = termOf[i] ?? 0;
      this.postingPlace[slot] = placeOf[i] ?? 0;
    }
    this.counts = new Uint16Array(terms.length);
    this.touched = new Int32Array(terms.length);
  }

  /**
   * Spellings that share letter pairs with the query near the same place (a shifted pair is
   * only evidence when the edits allowed could shift it that far), most shared first.
   */
  candidates(query: string, options: CandidateOptions): number[] {
    const fits = new Uint8Array(this.longest + 1);
    let any = false;
    for (let len = 0; len <= this.longest; len++) {
      fits[len] = options.lengthOk(len) ? 1 : 0;
      any ||= fits[len] === 1;
    }
    // A query longer than any spelling could be close to (a pasted paragraph) reads nothing.
    if (!any) return [];
    // A small index is read whole: counting would cost more than it saves, and miss nothing.
    if (this.length.length <= options.limit) {
      const all: number[] = [];
      this.length.forEach((len, t) => {
        if (fits[len] === 1) all.push(t);
      });
      return all;
    }
    const { counts, touched, firstWord } = this;
    let seen = 0;
    const grams = this.gramsOf(query, Math.min(query.length, MAX_QUERY_LETTERS), this.queryGrams);
    const { postingTerm, postingPlace } = this;
    for (let p = 0; p < grams; p++) {
      const id = this.gramId(this.queryGrams[p] ?? -1);
      if (id < 0) continue;
      const end = this.gramStart[id + 1] ?? 0;
      const last = p + options.slack;
      // The hottest loop of a search: indices are in bounds by construction, hence the casts.
      for (let i = this.firstAt(id, p - options.slack); i < end; i++) {
        if ((postingPlace[i] as number) > last) break;
        const term = postingTerm[i] as number;
        const count = (counts[term] as number) + 1;
        if (count === 1) touched[seen++] = term;
        counts[term] = count;
      }
    }
    // A name proposed by the rest of it counts its first word's pairs too (words are only read
    // in this pass, names only written). Lengths are checked once a spelling, not once a pair.
    const { histogram } = this;
    let most = 0;
    for (let i = 0; i < seen; i++) {
      const term = touched[i] ?? 0;
      const word = firstWord[term] ?? -1;
      let count = counts[term] ?? 0;
      if (word >= 0) {
        count = Math.min(count + (counts[word] ?? 0), 0xffff);
        counts[term] = count;
      }
      if (fits[this.length[term] ?? 0] === 0) continue;
      histogram[count] = (histogram[count] ?? 0) + 1;
      if (count > most) most = count;
    }
    // The count at which the limit is reached: all above it are taken, then ties in order.
    let cut = most;
    let above = 0;
    while (cut > 1 && above + (histogram[cut] ?? 0) < options.limit) above += histogram[cut--] ?? 0;
    histogram.fill(0, 0, most + 1);
    let ties = options.limit - above;
    const found: number[] = [];
    for (let i = 0; i < seen; i++) {
      const term = touched[i] ?? 0;
      const count = counts[term] ?? 0;
      counts[term] = 0;
      if (fits[this.length[term] ?? 0] === 0) continue;
      if (count > cut || (count === cut && ties-- > 0)) found.push(term);
    }
    return found;
  }

  /**
   * Writes the padded grams of the first `length` letters of `text` into `out`, one number each
   * (-1 for a gram with a letter no spelling has), and returns how many.
   */
  private gramsOf(text: string, length: number, out: Int32Array): number {
    const base = this.letters + END + 1;
    const high = base ** (GRAM - 1);
    // A query cut short does not end where an end mark would say it does.
    const count = length === text.length ? length + 1 : length;
    let gram = 0;
    let unknown = 0;
    for (let i = 1 - GRAM; i < count; i++) {
      const c = i < 0 ? START : i >= length ? END : (this.alphabet[text.charCodeAt(i)] ?? 0);
      gram = (gram % high) * base + c;
      unknown = c === 0 && i >= 0 ? GRAM : unknown - 1;
      if (i >= 0) out[i] = unknown > 0 ? -1 : gram;
    }
    return Math.max(count, 0);
  }

  private gramId(gram: number): number {
    if (gram < 0) return -1;
    return (this.table ? this.table[gram] : this.map.get(gram)) ?? -1;
  }

  /** The first posting of a gram at or after a place in the spelling. */
  private firstAt(gram: number, place: number): number {
    let lo = this.gramStart[gram] ?? 0;
    let hi = this.gramStart[gram + 1] ?? 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.postingPlace[mid] ?? 0) < place) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
