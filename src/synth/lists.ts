// Long word lists written as blocks of text, so they read as a table rather than one word a
// line (the formatter puts each element of a long array literal on its own line).

/** Words of a whitespace-separated block. */
export function words(block: string): readonly string[] {
  return block.trim().split(/\s+/);
}

/** Phrases of a block, one a line, for entries that hold spaces ("Grense Jakobselv"). */
export function lines(block: string): readonly string[] {
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}
