// Builds a preference set for preference-model pretraining (Anthropic's PMP) from the UCI
// "Sentiment Labelled Sentences" (Kotzias et al. 2015, CC BY 4.0), as shipped in the sentiment
// npm package's test fixtures: 3,000 review sentences a person labelled positive or negative.
// Each line pairs a positive sentence (chosen) with a negative one (rejected) from the same site,
// in TRL's preference format with the prompt "Review:". Output: public/preferences/uci-sentiment.jsonl,
// committed, so the app and CI never need this. Run with `npx tsx scripts/build-pmp-sentiment.ts`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { makeRng } from '../src/lib/util/rng';

const SITES = ['amazon', 'imdb', 'yelp'];
// A teacher projects this: sentences with swearing are left out.
const BLOCKLIST = /\b(damn|shit|fuck|crap|hell|ass|suck|sucks|sucked|bitch|piss|screw)\w*/i;

const require = createRequire(import.meta.url);
const fixtures = join(dirname(require.resolve('sentiment/package.json')), 'test/fixtures');
const rng = makeRng(1);
const shuffle = <T>(a: T[]) => { for (let i = a.length - 1; i > 0; i--) { const j = rng.int(i + 1); [a[i], a[j]] = [a[j], a[i]]; } return a; };

const lines: string[] = [];
for (const site of SITES) {
  const rows = (JSON.parse(readFileSync(join(fixtures, `${site}.json`), 'utf8')) as Array<{ text?: string; class?: number }>)
    .filter((r) => typeof r.text === 'string' && r.text.trim() && !BLOCKLIST.test(r.text));
  const positive = shuffle(rows.filter((r) => r.class === 1).map((r) => r.text!.trim()));
  const negative = shuffle(rows.filter((r) => r.class === 0).map((r) => r.text!.trim()));
  const n = Math.min(positive.length, negative.length);
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ prompt: 'Review:', chosen: positive[i], rejected: negative[i], source: `uci-sentiment/${site}` }));
}
mkdirSync('public/preferences', { recursive: true });
writeFileSync('public/preferences/uci-sentiment.jsonl', shuffle(lines).join('\n') + '\n');
console.log(`${lines.length} pairs -> public/preferences/uci-sentiment.jsonl`);
