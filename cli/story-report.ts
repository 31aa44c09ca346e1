// npm run evaluate:stories -- --checkpoint <file|starter|classic>: how well a model tells a story,
// every figure of the README's starter table in one run:
// - bits per character on 500 held-out generated stories and on the stories written by hand;
// - dictionary words in 50 samples of 200 characters (temperature 0.8, held-out openings), by the
//   word list alone and with the story world's first names counted as words;
// - the sentence check (story-checks.ts) of whole samples (to their end-of-text, at most 320
//   tokens) and of held-out stories;
// - novelty: each whole sample's longest run of words shared with the stories the run trained on
//   (replayed from the run's seed, steps, batch and context), beside held-out stories' own;
// - --print K unedited samples on held-out openings.
// The last line is JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bitsPerChar } from '../src/lib/engine/bits-per-char';
import { dictionaryWordFraction } from '../src/lib/engine/english-score';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { corpusDocuments, resumeSeed } from '../src/lib/engine/pretraining';
import { StoryWorldWindows, storyWorldHeldoutText } from '../src/lib/engine/story-world-windows';
import { modelFromCheckpointBytes } from '../src/lib/model/checkpoint';
import type { LanguageModel } from '../src/lib/model/language-model';
import { promptContext, sample } from '../src/lib/model/sample';
import { BOY_NAMES, GIRL_NAMES } from '../src/lib/storyworld/lexicon';
import { longestSharedRun } from '../src/lib/storyworld/shared-spans';
import { checkStory, summarizeChecks } from '../src/lib/storyworld/story-checks';
import { storyOpenings } from '../src/lib/storyworld/story-openings';
import { makeRng } from '../src/lib/util/rng';
import { parseFlags } from './args';
import { firstChars } from './evaluate-lm';
import { readCheckpointFile, readDictionary, ROOT } from './files';
import { runCli } from './run-cli';

const FLAGS = {
  checkpoint: 'starter', worldSeed: 1, samples: 50, stories: 40, print: 20, heldout: 500,
  // The run to replay for the novelty check (the starter's: npm run pretrain's defaults for it).
  trainSeed: 1, trainSteps: 0, trainBatch: 0, trainContext: 0, skipNovelty: false,
};

/** Samples from each prompt in turn (one each), seeded by their place, decoded and cut. */
async function samplesOn(model: LanguageModel, prompts: string[], n: number, maxTokens: number, stopAtEos: boolean, seed: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const prompt = prompts[i % prompts.length];
    const [ids] = await sample(model, promptContext(model, prompt), 1, { maxTokens, temperature: 0.8, topK: 0, topP: 1, seed: seed + i, stopAtEos });
    out.push(prompt + model.tokenizer.decode(ids));
  }
  return out;
}

/** The stories a pretraining run read, replayed from its settings (each window's stories, in order). */
function trainingStories(model: LanguageModel, worldSeed: number, seed: number, steps: number, batch: number, T: number): string[] {
  const seen = new Map<number, string>();
  const source = new StoryWorldWindows(model.tokenizer, worldSeed, () => true, (index, text) => seen.set(index, text));
  for (let step = 0; step < steps; step++) source.windows(batch, T, makeRng(resumeSeed(seed, step)));
  return [...seen.values()];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

runCli(async () => {
  const f = parseFlags(process.argv.slice(2), FLAGS);
  await useNodeBackend('wasm');
  const { model, meta } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  console.log(`${meta.name}: ${JSON.stringify(model.config)}, ${meta.steps ?? '?'} steps`);

  const heldout = corpusDocuments(storyWorldHeldoutText(f.worldSeed, f.heldout));
  const handWritten = corpusDocuments(readFileSync(join(ROOT, 'public/corpus/hand-written-stories.txt'), 'utf8'));
  const bpcHeldout = (await bitsPerChar(model, heldout)).bitsPerChar;
  const bpcHand = (await bitsPerChar(model, handWritten)).bitsPerChar;
  console.log(`bits/char: held-out generated stories ${bpcHeldout.toFixed(3)}, stories written by hand ${bpcHand.toFixed(3)}`);

  const prompts = storyOpenings(f.worldSeed, 50);
  const short = (await samplesOn(model, prompts, f.samples, 100, false, 1000)).map((t, i) => firstChars(t.slice(prompts[i % prompts.length].length), 200));
  const dictionary = readDictionary();
  const plain = dictionaryWordFraction(short, dictionary);
  const withNames = dictionaryWordFraction(short, new Set([...dictionary, ...[...GIRL_NAMES, ...BOY_NAMES].map((n) => n.toLowerCase())]));
  console.log(`dictionary words in ${short.length} samples of 200 characters: ${pct(plain.fraction)} (word list), ${pct(withNames.fraction)} (with the story world's first names) of ${plain.words}`);

  const whole = await samplesOn(model, prompts, f.stories, 320, true, 2000);
  const sampleCheck = summarizeChecks(whole.map((t) => checkStory(t)));
  const heldoutCheck = summarizeChecks(heldout.map((t) => checkStory(t)));
  const line = (name: string, c: ReturnType<typeof summarizeChecks>) =>
    `${name}: complete sentences ${pct(c.completeShare)}, pronouns agree ${pct(c.pronounAgreeShare)} of ${c.pronounSentences} sentences, hero named again ${pct(c.heroKeptShare)}`;
  console.log(line(`sentence check, ${whole.length} whole samples`, sampleCheck));
  console.log(line(`sentence check, ${heldout.length} held-out stories`, heldoutCheck));

  let novelty = {};
  const steps = f.trainSteps || Number(meta.steps) || 0;
  if (!f.skipNovelty && steps > 0) {
    const train = trainingStories(model, f.worldSeed, f.trainSeed, steps, f.trainBatch || 8, f.trainContext || model.config.blockSize);
    const trainSet = new Set(train);
    const copies = whole.filter((t) => trainSet.has(t)).length;
    const runs = longestSharedRun([...whole, ...heldout.slice(0, whole.length)], train);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const words = (t: string) => t.split(/\s+/).length;
    const sampleRuns = runs.slice(0, whole.length);
    const heldoutRuns = runs.slice(whole.length);
    novelty = {
      training_stories: train.length, exact_copies: copies,
      sample_longest_shared_run_median: median(sampleRuns), sample_longest_shared_run_max: Math.max(...sampleRuns),
      heldout_longest_shared_run_median: median(heldoutRuns), heldout_longest_shared_run_max: Math.max(...heldoutRuns),
      sample_words_median: median(whole.map(words)),
    };
    console.log(`novelty against the ${train.length.toLocaleString('en')} stories the run read: ${copies} of ${whole.length} samples are exact copies; longest shared run of words (ladder 4..128), median / max: samples ${median(sampleRuns)} / ${Math.max(...sampleRuns)}, held-out stories ${median(heldoutRuns)} / ${Math.max(...heldoutRuns)} (samples' median length ${median(whole.map(words))} words)`);
  }

  const printed = f.print > 0 ? await samplesOn(model, prompts.slice(16), f.print, 100, false, 1) : [];
  printed.forEach((t, i) => console.log(`${i + 1}. ${JSON.stringify(firstChars(t, 260))}`));
  console.log(JSON.stringify({
    checkpoint: f.checkpoint, bits_per_char_heldout_stories: bpcHeldout, bits_per_char_hand_written: bpcHand,
    dictionary_word_fraction: plain.fraction, dictionary_word_fraction_with_names: withNames.fraction, words_scored: plain.words,
    samples_check: sampleCheck, heldout_check: heldoutCheck, ...novelty,
  }));
});
