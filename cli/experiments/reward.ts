// npm run experiment -- reward --labeler sentiment --noise 0.1 --comparisons 300 --seed 1
// Collects comparisons of starter-model samples from a noisy simulated labeler, trains the reward
// model (initialised from the starter's trunk), and reports pairwise accuracy on held-out
// comparisons judged by the same labeler without noise. Last line: a JSON object.
import { readFileSync } from 'node:fs';
import { keywordScorer, lengthScorer, makeLabeler, sentimentScorer, type Scorer } from '../../src/lib/feedback/labelers';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { cloneParams } from '../../src/lib/model/params';
import { collectComparisons } from '../../src/lib/engine/simulated-comparisons';
import { DEFAULT_REWARD_TRAIN, groupAccuracy, RewardTrainer } from '../../src/lib/engine/reward-trainer';
import { makeRng } from '../../src/lib/util/rng';
import { parseFlags } from '../args';
import { readPrompts, resolveCheckpoint } from '../files';

export function scorerFor(name: string, words: string): Scorer {
  if (name === 'sentiment') return sentimentScorer;
  if (name === 'shorter' || name === 'longer') return lengthScorer(name);
  if (name === 'keyword') return keywordScorer(words.split(','), 'include');
  if (name === 'avoid') return keywordScorer(words.split(','), 'avoid');
  throw new Error(`Unknown --labeler "${name}"; known: sentiment, shorter, longer, keyword, avoid`);
}

export async function rewardExperiment(argv: string[]): Promise<void> {
  const f = parseFlags(argv, {
    labeler: 'sentiment', words: 'happy,good', noise: 0.1, comparisons: 300, heldout: 200, k: 2, maxTokens: 48,
    temperature: 1, epochs: 4, batch: 16, lr: DEFAULT_REWARD_TRAIN.learningRate, seed: 1, checkpoint: 'starter',
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

  // The reward model starts as a copy of the policy: same trunk, reward head at zero.
  const rewardModel = { ...policy, params: cloneParams(policy.config, policy.params) };
  const trainer = new RewardTrainer(rewardModel, { ...DEFAULT_REWARD_TRAIN, learningRate: f.lr });
  const rng = makeRng(f.seed);
  const groups = train.groups.slice();
  const initial = await groupAccuracy(rewardModel, heldout.groups);
  console.log(JSON.stringify({ epoch: 0, heldout_accuracy: initial }));
  let heldoutAccuracy = initial;
  let trainAccuracy = NaN;
  for (let epoch = 1; epoch <= f.epochs; epoch++) {
    for (let i = groups.length - 1; i > 0; i--) { const j = rng.int(i + 1); [groups[i], groups[j]] = [groups[j], groups[i]]; }
    let loss = 0;
    let steps = 0;
    for (let i = 0; i < groups.length; i += f.batch) {
      loss += (await trainer.step(groups.slice(i, i + f.batch))).loss;
      steps++;
    }
    trainAccuracy = await groupAccuracy(rewardModel, train.groups);
    heldoutAccuracy = await groupAccuracy(rewardModel, heldout.groups);
    console.log(JSON.stringify({ epoch, loss: loss / steps, train_accuracy: trainAccuracy, heldout_accuracy: heldoutAccuracy }));
  }
  trainer.dispose();
  console.log(JSON.stringify({
    labeler: noisy.name, comparisons: f.comparisons, heldout_comparisons: f.heldout, noise: f.noise,
    heldout_accuracy: heldoutAccuracy, initial_heldout_accuracy: initial, train_accuracy_vs_noisy_labels: trainAccuracy,
    seconds: Math.round((performance.now() - t0) / 1000),
  }));
}
