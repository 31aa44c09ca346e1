// npm run experiment -- rlhf --labeler sentiment --rounds 6 --beta 0.05 --seed 1 [--out policy.rlhfckpt]
//   [--algorithm ppo|rloo|a2c] [--ptx 1 --ptx-batch 4 [--demos demos.jsonl]] [--lr 3e-5] [--ppo-steps 10] [--words the]
// The online iterated loop from the starter model, a simulated labeler playing the person. One JSON
// line per round (round, labeler_score, rm_score, kl, TRL-named PPO statistics), then a last line
// {"reference_score", "final_score", "final_kl", ...}. --out writes the final policy as a checkpoint
// file that `npm run generate` and the app load. --ptx γ mixes next-token loss on the bundled
// training corpus into every minibatch (PPO-ptx); with --demos FILE (TRL prompt-completion JSON
// lines) on those demonstrations instead, each prompt and response as one text, as the app does.
import { writeFileSync } from 'node:fs';
import { makeLabeler } from '../../src/lib/feedback/labelers';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { DEFAULT_ONLINE_RLHF, OnlineRLHF } from '../../src/lib/engine/online-rlhf';
import { checkPPOConfig, DEFAULT_PPO } from '../../src/lib/engine/ppo-config';
import { corpusDocuments } from '../../src/lib/engine/pretraining';
import { demonstrationDocuments } from '../../src/lib/engine/ptx';
import { parseFlags } from '../args';
import { readCheckpointFile, readCorpus, readDemonstrations, readPrompts } from '../files';
import { scorerFor } from './reward';

const std = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
};

export async function rlhfExperiment(argv: string[]): Promise<void> {
  const d = DEFAULT_ONLINE_RLHF;
  // The starter moves fast at the app's 1e-4 (KL past 10 nats in a few iterations against an easy
  // reward), so the measured runs use 3e-5 and beta 0.1: README, "The online loop headless".
  const f = parseFlags(argv, {
    labeler: 'sentiment', words: 'happy,good', noise: 0.1, rounds: d.rounds, beta: 0.1, seed: d.seed, out: '',
    comparisons: d.comparisonsPerRound, ppoSteps: d.ppoStepsPerRound, rmEpochs: d.rmEpochs, lr: 3e-5,
    evalPrompts: d.evalPrompts, checkpoint: 'starter', algorithm: DEFAULT_PPO.algorithm as string, kl: DEFAULT_PPO.klEstimator as string,
    ptx: DEFAULT_PPO.ptxCoef, ptxBatch: DEFAULT_PPO.ptxBatchSize, demos: '',
  });
  if (f.demos && !(f.ptx > 0)) throw new Error('--demos is the text PPO-ptx mixes in: give --ptx γ > 0 with it');
  const demos = f.demos ? readDemonstrations(f.demos) : undefined;
  const t0 = performance.now();
  const { model: reference, meta } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  const prompts = readPrompts();
  const split = { train: prompts.filter((_, i) => i % 5 !== 0), heldout: prompts.filter((_, i) => i % 5 === 0) };
  const labeler = makeLabeler(scorerFor(f.labeler, f.words), f.noise);
  const ppo = checkPPOConfig({
    ...DEFAULT_PPO, initKl: f.beta, learningRate: f.lr, algorithm: f.algorithm as typeof DEFAULT_PPO.algorithm, klEstimator: f.kl as typeof DEFAULT_PPO.klEstimator,
    ptxCoef: f.ptx, ptxBatchSize: f.ptxBatch, ptxSource: demos ? 'demonstrations' : 'corpus',
  });
  const ptxDocuments = f.ptx <= 0 ? {} : demos ? { demonstrations: demonstrationDocuments(demos) } : { corpus: corpusDocuments(readCorpus('train')) };
  const loop = new OnlineRLHF(reference, labeler, split, {
    ...d, rounds: f.rounds, comparisonsPerRound: f.comparisons, ppoStepsPerRound: f.ppoSteps, rmEpochs: f.rmEpochs, evalPrompts: f.evalPrompts, seed: f.seed, ppo,
  }, ptxDocuments);
  const ref = await loop.measure(reference);
  console.log(JSON.stringify({ round: 0, labeler_score: ref.labelerScore, rm_score: ref.rmScore, kl: ref.kl }));
  let last = ref;
  for await (const r of loop.run()) {
    last = r;
    console.log(JSON.stringify({
      round: r.round, labeler_score: r.labelerScore, rm_score: r.rmScore, kl: r.kl, comparisons: r.comparisons,
      rm_fresh_accuracy: r.rmFreshAccuracy, ...r.ppo, seconds: Math.round((performance.now() - t0) / 1000), sample: r.samples[0],
    }));
  }
  if (f.out) {
    const bytes = await modelToCheckpointBytes(loop.policy, {
      ...meta, name: `RLHF policy (${labeler.name}, beta ${f.beta}, ${f.rounds} rounds)`, createdAt: new Date().toISOString(), kind: 'policy', parent: meta.name, seed: f.seed,
    });
    writeFileSync(f.out, bytes);
  }
  const refStd = std(ref.labelerScores);
  console.log(JSON.stringify({
    reference_score: ref.labelerScore, final_score: last.labelerScore, final_kl: last.kl, final_rm_score: last.rmScore,
    reference_std: refStd, lift_in_reference_std: (last.labelerScore - ref.labelerScore) / refStd,
    beta: f.beta, algorithm: f.algorithm, ptx: f.ptx, ptx_source: ppo.ptxSource, ...(demos ? { demonstrations: demos.length } : {}), rounds: f.rounds, seconds: Math.round((performance.now() - t0) / 1000),
    final_samples: 'samples' in last ? last.samples : [],
  }));
  loop.dispose();
}
