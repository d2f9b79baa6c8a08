// Every citation's quote must stand, character for character, in the document it cites.
// Usage: node .ci/check-quotes.mjs <seeds dir> <data dir>
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [seedsDir, dataDir] = process.argv.slice(2);
// Which seed document each source record stands for.
const SEEDS = {
  "wikipedia-norway-russia-relations": "003_746f271d643e6bac.txt",
  "news-2023-expulsions": "001_bb4c9e6964103a9c.txt",
  "paraphrase-2023-expulsions": "000_7d58357357999bfc.txt",
  "abstract-norway-russia-policy": "002_157b6302def193af.txt",
};
const texts = Object.fromEntries(
  Object.entries(SEEDS).map(([id, file]) => [id, readFileSync(join(seedsDir, file), "utf8")]),
);
let checked = 0;
const problems = [];
for (const file of ["people.json", "events.json"]) {
  for (const record of JSON.parse(readFileSync(join(dataDir, file), "utf8"))) {
    for (const c of record.citations) {
      checked++;
      const text = texts[c.source];
      if (text === undefined)
        problems.push(`${file} ${record.id}: no seed for source "${c.source}"`);
      else if (!text.includes(c.quote))
        problems.push(`${file} ${record.id}: not verbatim in ${c.source}: "${c.quote}"`);
    }
  }
}
for (const p of problems) console.error(p);
console.log(`${checked} quotes checked, ${problems.length} not verbatim`);
process.exit(problems.length ? 1 : 0);
