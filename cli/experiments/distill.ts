// npm run experiment -- distill --prefix "Be kind and cheerful. " --steps 30 [--seed S] [--batch-size B]
//   [--max-tokens N] [--lr LR] [--temperature T] [--eval-prompts N] [--eval-samples N] [--checkpoint FILE]
// Context distillation (engine/context-distillation.ts, the Language model tab's panel) without the
// app: the student, the checkpoint without the prefix, is fitted to a frozen copy of itself that
// reads the prefix first. One JSON line per step {step, kl}; before and after, on held-out prompts
// the training never draws, the mean VADER sentiment of the student's continuations without the
// prefix and of the teacher's with it (the continuations alone are scored: the prefix's own words
// do not count), so a reader sees whether the student picked up what the prefix does. Last, a
// summary line.
import { ContextDistillation, CONTEXT_DISTILLATION_SETTINGS, type ContextDistillationSettings } from '../../src/lib/engine/context-distillation';
import { sentimentScorer } from '../../src/lib/feedback/labelers';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { cloneParams } from '../../src/lib/model/params';
import { promptContext, sample } from '../../src/lib/model/sample';
import { defaultsOf } from '../../src/lib/util/settings-table';
import { parseFlags } from '../args';
import { readCheckpointFile, readPrompts } from '../files';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Measured {
  /** Mean VADER compound in [-1, 1] over every continuation. */
  sentiment: number;
  /** The first held-out prompt's first continuation, to read. */
  example: string;
}

/** n continuations of each prompt read after `prefix`, at the distillation's temperature, each scored for sentiment. */
async function measureSentiment(model: LanguageModel, prompts: string[], prefix: string, n: number, s: ContextDistillationSettings): Promise<Measured> {
  const scores: number[] = [];
  let example = '';
  for (const [i, prompt] of prompts.entries()) {
    // Cut from the left, as the trainer cuts, so the continuation fits the window.
    const context = promptContext(model, prefix + prompt).slice(-(model.config.blockSize - s.maxTokens));
    const outs = await sample(model, context, n, { maxTokens: s.maxTokens, temperature: s.temperature, topK: 0, topP: 1, seed: s.seed * 7919 + i, stopAtEos: true });
    const texts = outs.map((ids) => model.tokenizer.decode(ids));
    if (i === 0) example = prompt + texts[0];
    scores.push(...texts.map((t) => sentimentScorer.score(t)));
  }
  return { sentiment: round(mean(scores)), example };
}

export async function distillExperiment(argv: string[]): Promise<void> {
  const d = defaultsOf(CONTEXT_DISTILLATION_SETTINGS);
  const f = parseFlags(argv, {
    prefix: 'Be kind and cheerful. ', steps: 30, seed: d.seed, batchSize: d.batchSize, maxTokens: d.maxTokens, lr: d.learningRate,
    temperature: d.temperature, evalPrompts: 16, evalSamples: 4, checkpoint: 'starter',
  });
  if (!Number.isInteger(f.steps) || f.steps < 1) throw new Error(`Expected --steps to be a positive whole number, but got ${f.steps}`);
  for (const [flag, v] of [['--eval-prompts', f.evalPrompts], ['--eval-samples', f.evalSamples]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`Expected ${flag} to be a positive whole number, but got ${v}`);
  }
  const settings: ContextDistillationSettings = {
    ...d, prefix: f.prefix, seed: f.seed, batchSize: f.batchSize, maxTokens: f.maxTokens, learningRate: f.lr, temperature: f.temperature,
  };
  const t0 = performance.now();
  const { model: student, meta } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  // The teacher: a frozen copy of the student's starting weights.
  const teacher: LanguageModel = { ...student, params: cloneParams(student.config, student.params, false) };
  let trainer: ContextDistillation | undefined;
  try {
    trainer = new ContextDistillation(student, teacher, settings); // checks the settings before anything samples
    // Held out as the compare experiment holds out: every fifth prompt; the rest are trained on.
    const all = readPrompts();
    const heldout = all.filter((_, i) => i % 5 === 0).slice(0, f.evalPrompts);
    const train = all.filter((_, i) => i % 5 !== 0);
    const measure = (m: LanguageModel, prefix: string) => measureSentiment(m, heldout, prefix, f.evalSamples, settings);

    // 1. Before: the student without the prefix, the teacher (the same weights) with it.
    const studentBefore = await measure(student, '');
    const teacherWith = await measure(teacher, f.prefix);
    // 2. Distil, a line per step (the KL is measured on the step's fresh teacher samples, before its update).
    const kls: number[] = [];
    for (let step = 1; step <= f.steps; step++) {
      const { kl } = await trainer.step(train, step);
      kls.push(kl);
      console.log(JSON.stringify({ step, kl: round(kl) }));
    }
    // 3. After: the student without the prefix again (the teacher is frozen: its number stands).
    const studentAfter = await measure(student, '');
    const ends = Math.min(3, kls.length);
    console.log(JSON.stringify({
      checkpoint: meta.name, prefix: f.prefix, steps: f.steps, batch_size: f.batchSize, max_tokens: f.maxTokens, lr: f.lr, seed: f.seed,
      kl_start: round(mean(kls.slice(0, ends))), kl_end: round(mean(kls.slice(-ends))),
      sentiment_student_start: studentBefore.sentiment, sentiment_teacher_with_prefix: teacherWith.sentiment, sentiment_student_end: studentAfter.sentiment,
      eval_prompts: heldout.length, eval_samples: heldout.length * f.evalSamples, faults: trainer.guard.faults.length,
      examples: { student_start: studentBefore.example, teacher_with_prefix: teacherWith.example, student_end: studentAfter.example },
      seconds: Math.round((performance.now() - t0) / 1000),
    }));
  } finally {
    trainer?.dispose();
    disposeLanguageModel(teacher);
    disposeLanguageModel(student);
  }
}
