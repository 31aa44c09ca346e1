// npm run experiment -- rlhf [--labeler sentiment|shorter|longer|keyword|avoid|kindness|happy-ending|topic] [--words W] [--topic dog] [--seed 1] [--rounds N] [--beta B] [--k K]
//   [--prompts N] [--ppo-steps N] [--lr LR] [--rm-epochs N] [--rm-lr LR] [--rm-start base|last]
//   [--max-tokens N] [--eval-prompts N] [--final-samples N] [--noise P] [--pmp FILE]
//   [--algorithm ppo|rloo|a2c|grpo] [--samples G (per prompt; RLOO and GRPO need 2 or more)] [--ptx γ [--demos FILE]] [--out policy.rlhfckpt]
// The app's online RLHF loop (engine/rlhf-round.ts) from the starter, a simulated labeler playing
// the person. Its defaults are the app's "Make it positive" preset; each flag overrides one knob.
// One JSON line per round (the app's round metrics), then a last line measured on the held-out
// prompts with --final-samples completions each: {"reference_score", "final_score",
// "reference_std", "lift_in_reference_std", "final_kl", ...}. --pmp FILE fits the reward model on
// a preference file first (preference-model pretraining), and each round refits from that.
import { readFileSync, writeFileSync } from 'node:fs';
import { judgementToGroup } from '../../src/lib/feedback/judgement-group';
import { labelerFromSettings, type SimulatedLabelerSettings } from '../../src/lib/feedback/simulated-judgement';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import type { LanguageModel } from '../../src/lib/model/language-model';
import { completionKl } from '../../src/lib/engine/completion-kl';
import { checkPPOConfig } from '../../src/lib/engine/ppo-config';
import { corpusDocuments } from '../../src/lib/engine/pretraining';
import { demonstrationDocuments } from '../../src/lib/engine/ptx';
import { DEFAULT_REWARD_FIT, fitRewardModel, normalizationFromSamples, rewardModelFrom } from '../../src/lib/engine/reward-fitting';
import { overoptimisationPoints, overoptimisationSummary } from '../../src/lib/engine/overoptimisation';
import { presetForm } from '../../src/lib/engine/rl-presets';
import { REWARD_MODEL_STARTS, splitPrompts, type RewardModelStart, type RLSettings } from '../../src/lib/engine/rl-run';
import { sampleInTurns, type RewardBase } from '../../src/lib/engine/rlhf-round';
import { SimulatedRLHFRun } from '../../src/lib/engine/simulated-rlhf-run';
import { parsePreferenceJsonl } from '../../src/lib/store/preference-formats';
import { preferenceRecordsToJudgements } from '../../src/lib/store/preference-export';
import { Lock } from '../../src/lib/util/lock';
import { seeds } from '../../src/lib/util/seeds';
import { parseFlags } from '../args';
import { readCheckpointFile, readCorpus, readDemonstrations, readPrompts } from '../files';
import { scorerFor } from './reward';

/** The preset the experiment starts from unless --preset names another (rl-presets.ts). */
export const PRESET = 'Make it positive';

/** --preset's value, read before the other flags because it sets their defaults. */
function presetName(argv: string[]): string {
  const i = argv.indexOf('--preset');
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : PRESET;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** The preset's settings and labeler with the flags that were given laid over them. */
export function experimentSettings(argv: string[]) {
  const preset = presetName(argv);
  const form = presetForm(preset);
  const d = form.settings;
  const f = parseFlags(argv, {
    labeler: form.simulated.scorer as string, words: form.simulated.keywords, topic: form.simulated.topic, noise: form.simulated.noise,
    rounds: d.rounds, seed: d.seed, beta: d.ppo.initKl, k: d.k, prompts: d.feedbackPrompts, ppoSteps: d.ppoSteps,
    lr: d.ppo.learningRate, batch: d.ppo.batchSize, samples: d.ppo.samplesPerPrompt, maxTokens: d.ppo.maxTokens, rmEpochs: d.rmEpochs, rmLr: d.rmLearningRate,
    rmStart: d.rmStart as string, evalPrompts: d.evalPrompts, finalSamples: 16, algorithm: d.ppo.algorithm as string,
    preset, kl: d.ppo.klEstimator as string, ptx: d.ppo.ptxCoef, ptxBatch: d.ppo.ptxBatchSize, demos: '', pmp: '', checkpoint: 'starter', out: '',
  });
  if (f.demos && !(f.ptx > 0)) throw new Error('--demos is the text PPO-ptx mixes in: give --ptx γ > 0 with it');
  if (!(REWARD_MODEL_STARTS as readonly string[]).includes(f.rmStart)) throw new Error(`Expected --rm-start ${REWARD_MODEL_STARTS.join(' or ')}, but got ${f.rmStart}`);
  scorerFor(f.labeler, f.words, f.topic); // refuses an unknown labeler before anything loads
  const avoid = f.labeler === 'avoid';
  const labeler: SimulatedLabelerSettings = {
    ...form.simulated, scorer: avoid ? 'keyword' : (f.labeler as SimulatedLabelerSettings['scorer']), keywords: f.words, keywordMode: avoid ? 'avoid' : 'include', topic: f.topic, noise: f.noise,
  };
  const settings: RLSettings = {
    ...d, rounds: f.rounds, seed: f.seed, k: f.k, feedbackPrompts: f.prompts, ppoSteps: f.ppoSteps, rmEpochs: f.rmEpochs,
    rmLearningRate: f.rmLr, rmStart: f.rmStart as RewardModelStart, evalPrompts: f.evalPrompts,
    ppo: checkPPOConfig({
      ...d.ppo, initKl: f.beta, learningRate: f.lr, batchSize: f.batch, samplesPerPrompt: f.samples, maxTokens: f.maxTokens,
      algorithm: f.algorithm as RLSettings['ppo']['algorithm'], klEstimator: f.kl as RLSettings['ppo']['klEstimator'],
      ptxCoef: f.ptx, ptxBatchSize: f.ptxBatch, ptxSource: f.demos ? 'demonstrations' : 'corpus',
    }),
  };
  return { f, settings, labeler, preset };
}

/** The reward model fitted on a preference file first: where every round's fit starts. */
async function pretrainedBase(reference: LanguageModel, file: string, s: RLSettings): Promise<RewardBase> {
  const judgements = preferenceRecordsToJudgements(parsePreferenceJsonl(readFileSync(file)), file, reference.tokenizer);
  const groups = judgements.map((j) => judgementToGroup(j, reference.tokenizer));
  const model = rewardModelFrom(reference);
  for await (const p of fitRewardModel(model, [{ phase: 'pretrain', groups }], [], { ...DEFAULT_REWARD_FIT, epochs: s.rmEpochs, learningRate: s.rmLearningRate, seed: s.seed })) void p;
  const samples = groups.slice(0, 64).flatMap((g) => g.completions.map((completion) => ({ promptIds: g.promptIds, completion })));
  return { model, keepHead: true, normalization: await normalizationFromSamples(model, samples) };
}

/** n completions of every held-out prompt, scored by the labeler, and their KL to the reference. */
async function finalMeasure(model: LanguageModel, reference: LanguageModel, heldout: string[], n: number, s: RLSettings, score: (text: string) => number) {
  const io = { lock: new Lock() };
  const scores: number[] = [];
  const items: Array<{ promptIds: number[]; completion: number[] }> = [];
  const texts: string[] = [];
  for (let i = 0; i < heldout.length; i++) {
    const completions = await sampleInTurns(io, model, heldout[i], n, seeds.finalMeasure(s.seed, i), s.ppo);
    for (const c of completions) {
      const text = heldout[i] + model.tokenizer.decode(c);
      texts.push(text);
      scores.push(score(text));
      items.push({ promptIds: model.tokenizer.encode(heldout[i]), completion: c });
    }
  }
  const kl = model === reference ? 0 : mean(await completionKl(model, reference, items, s.ppo.temperature));
  return { score: mean(scores), std: std(scores), kl, texts };
}

export async function rlhfExperiment(argv: string[]): Promise<void> {
  const { f, settings, labeler, preset } = experimentSettings(argv);
  const demos = f.demos ? readDemonstrations(f.demos) : undefined;
  const t0 = performance.now();
  const { model: reference, meta } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  const prompts = readPrompts();
  const ptxDocuments = f.ptx <= 0 ? {} : demos ? { demonstrations: demonstrationDocuments(demos) } : { corpus: corpusDocuments(readCorpus('train')) };
  const base = f.pmp ? await pretrainedBase(reference, f.pmp, settings) : undefined;
  const run = new SimulatedRLHFRun(reference, settings, labeler, prompts, { ptxDocuments, base, onFault: (x) => console.error(`fault: ${JSON.stringify(x)}`) });
  const judge = labelerFromSettings({ ...labeler, noise: 0 });
  const score = (text: string) => judge.scorer.score(text);
  const { heldout } = splitPrompts(prompts, settings.evalPrompts);
  console.log(JSON.stringify({ preset, labeler: judge.name, settings }));
  const rounds: Array<Record<string, number>> = [];
  for await (const r of run.run()) {
    rounds.push(r.metrics);
    console.log(JSON.stringify({ ...r.metrics, seconds: Math.round((performance.now() - t0) / 1000), sample: r.samples[0] }));
  }
  const ref = await finalMeasure(reference, reference, heldout, f.finalSamples, settings, score);
  const fin = await finalMeasure(run.state.policy, reference, heldout, f.finalSamples, settings, score);
  if (f.out) {
    const bytes = await modelToCheckpointBytes(run.state.policy, {
      ...meta, name: `RLHF policy (${judge.name}, beta ${settings.ppo.initKl}, ${settings.rounds} rounds)`, createdAt: new Date().toISOString(), kind: 'policy', parent: meta.name, seed: settings.seed,
    });
    writeFileSync(f.out, bytes);
  }
  console.log(JSON.stringify({
    reference_score: ref.score, final_score: fin.score, reference_std: ref.std, lift_in_reference_std: (fin.score - ref.score) / ref.std,
    final_kl: fin.kl, held_out_completions: fin.texts.length, beta: settings.ppo.initKl, algorithm: settings.ppo.algorithm, k: settings.k,
    rounds: settings.rounds, judgements: run.judgements.length, pmp: f.pmp || null, ptx: settings.ppo.ptxCoef, ptx_source: settings.ppo.ptxSource,
    ...(demos ? { demonstrations: demos.length } : {}), seconds: Math.round((performance.now() - t0) / 1000),
    final_samples: fin.texts.slice(0, 3), reference_samples: ref.texts.slice(0, 3),
    ...overoptimisationSummary(overoptimisationPoints(rounds)),
  }));
  run.dispose();
}

