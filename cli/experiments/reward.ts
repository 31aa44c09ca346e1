// npm run experiment -- reward --labeler sentiment --noise 0.1 --comparisons 300 --seed 1
// Collects comparisons of starter-model samples from a noisy simulated labeler, trains the reward
// model (initialised from the starter's trunk, reward read at EOS) with the app's own fitting code,
// and reports pairwise accuracy on held-out comparisons judged by the same labeler without noise.
// --pmp FILE first trains on a preference file (TRL or HH JSONL): preference-model pretraining.
// Last line: a JSON object.
import { readFileSync } from 'node:fs';
import { makeLabeler, type Scorer } from '../../src/lib/feedback/labelers';
import { SCORER_KINDS, scorerOf, type ScorerKind } from '../../src/lib/feedback/simulated-judgement';
import { judgementToGroup } from '../../src/lib/feedback/judgement-group';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { collectComparisons } from '../../src/lib/engine/simulated-comparisons';
import { DEFAULT_REWARD_FIT, fitRewardModel, rewardModelFrom, type RewardFitStage } from '../../src/lib/engine/reward-fitting';
import { groupAccuracy } from '../../src/lib/engine/reward-trainer';
import { parsePreferenceJsonl } from '../../src/lib/store/preference-formats';
import { preferenceRecordsToJudgements } from '../../src/lib/store/preference-export';
import { parseFlags } from '../args';
import { readPrompts, resolveCheckpoint } from '../files';
import { seenWordCeiling } from './seen-word-ceiling';

/** The --labeler flag's scorer: a simulated-labeler kind, or "avoid" (keywords avoided). */
export function scorerFor(name: string, words: string): Scorer {
  if (name === 'avoid') return scorerOf({ scorer: 'keyword', keywords: words, keywordMode: 'avoid' });
  if (!(SCORER_KINDS as readonly string[]).includes(name)) throw new Error(`Unknown --labeler "${name}"; known: ${SCORER_KINDS.join(', ')}, avoid`);
  return scorerOf({ scorer: name as ScorerKind, keywords: words, keywordMode: 'include' });
}

export async function rewardExperiment(argv: string[]): Promise<void> {
  const f = parseFlags(argv, {
    labeler: 'sentiment', words: 'happy,good', noise: 0.1, comparisons: 300, heldout: 200, k: 2, maxTokens: 64,
    temperature: 0.7, epochs: 2, batch: DEFAULT_REWARD_FIT.batchSize, lr: DEFAULT_REWARD_FIT.learningRate, seed: 1,
    checkpoint: 'starter', pmp: '', pmpEpochs: 2,
  });
  const t0 = performance.now();
  const { model: policy } = modelFromCheckpointBytes(readFileSync(resolveCheckpoint(f.checkpoint)));
  const prompts = readPrompts();
  // Held-out comparisons use prompts the training comparisons never see.
  const trainPrompts = prompts.filter((_, i) => i % 5 !== 0);
  const heldoutPrompts = prompts.filter((_, i) => i % 5 === 0);
  const scorer = scorerFor(f.labeler, f.words);
  const noisy = makeLabeler(scorer, f.noise);
  const clean = makeLabeler(scorer, 0);
  const gen = { k: f.k, maxTokens: f.maxTokens, temperature: f.temperature };

  const train = await collectComparisons(policy, trainPrompts, noisy, { ...gen, comparisons: f.comparisons, seed: f.seed });
  const heldout = await collectComparisons(policy, heldoutPrompts, clean, { ...gen, comparisons: f.heldout, seed: f.seed + 7919 });
  const collectSeconds = (performance.now() - t0) / 1000;
  console.log(`collected ${f.comparisons} training comparisons (${train.tiedPrompts} prompts tied) and ${f.heldout} held-out in ${collectSeconds.toFixed(0)} s`);

  const stages: RewardFitStage[] = [];
  if (f.pmp) {
    const judgements = preferenceRecordsToJudgements(parsePreferenceJsonl(readFileSync(f.pmp)), f.pmp, policy.tokenizer);
    stages.push({ phase: 'pretrain', groups: judgements.map((j) => judgementToGroup(j, policy.tokenizer)) });
  }
  stages.push({ phase: 'train', groups: train.groups });
  const rewardModel = rewardModelFrom(policy);
  const initial = await groupAccuracy(rewardModel, heldout.groups);
  console.log(JSON.stringify({ step: 0, heldout_accuracy: initial }));
  let heldoutAccuracy = initial;
  let phase = '';
  // PMP runs its own number of epochs, then the comparisons theirs: one fit per stage.
  for (const stage of stages) {
    const epochs = stage.phase === 'pretrain' ? f.pmpEpochs : f.epochs;
    for await (const p of fitRewardModel(rewardModel, [stage], heldout.groups, { epochs, batchSize: f.batch, learningRate: f.lr, seed: f.seed })) {
      if (p.heldoutAccuracy === undefined) continue;
      heldoutAccuracy = p.heldoutAccuracy;
      phase = p.phase;
      console.log(JSON.stringify({ phase, epoch: p.epoch, step: p.step, loss: p.loss, heldout_accuracy: p.heldoutAccuracy }));
    }
  }
  const trainAccuracy = await groupAccuracy(rewardModel, train.groups);
  const ceiling = f.labeler === 'sentiment' ? seenWordCeiling(train.groups, heldout.groups) : undefined;
  console.log(JSON.stringify({
    labeler: noisy.name, comparisons: f.comparisons, heldout_comparisons: f.heldout, noise: f.noise, pmp: f.pmp || null,
    heldout_accuracy: heldoutAccuracy, initial_heldout_accuracy: initial, train_accuracy_vs_noisy_labels: trainAccuracy,
    ...(ceiling ? { seen_word_ceiling: ceiling } : {}),
    seconds: Math.round((performance.now() - t0) / 1000),
  }));
}
