// Times compromise's number and quotation extraction on a text file, for
// bench/compare_compromise.sh.
//
// usage: node bench/compromise_bench.mjs FILE [RUNS]
// FILE holds articles separated by a line with only 0x1E (gen_story.py
// --format plain). Each article is one nlp() document, as libclaims treats
// each article as one text. Prints one line per run and a final
//   compromise_median_s=<seconds> bytes=<n> numbers=<n> quotes=<n>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'node_modules', 'x.js'));
const nlp = require('compromise');

const file = process.argv[2];
const runs = Number(process.argv[3] || 5);
const raw = readFileSync(file, 'utf8');
const articles = raw.split('\n\x1e\n').filter((a) => a.length > 0);
const bytes = Buffer.byteLength(raw.replace(/\n\x1e\n/g, ''), 'utf8');

const times = [];
let numbers = 0, quotes = 0;
for (let r = 0; r < runs; r++) {
  numbers = 0;
  quotes = 0;
  const t0 = process.hrtime.bigint();
  for (const text of articles) {
    const doc = nlp(text);
    numbers += doc.numbers().json().length;
    quotes += doc.quotations().json().length;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  times.push(s);
  console.log(`run ${r + 1}: ${s.toFixed(3)} s`);
}
times.sort((a, b) => a - b);
const med = times.length % 2 ? times[(times.length - 1) / 2]
  : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(`compromise_median_s=${med.toFixed(4)} bytes=${bytes} numbers=${numbers} quotes=${quotes}`);
