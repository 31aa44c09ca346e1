// Online iterated RLHF (Anthropic, 2022): rounds of
//   1. sample completions from the current policy and have the labeler compare them,
//   2. update the reward model on everything collected so far,
//   3. re-measure the reward normalisation on the reference policy's samples,
//   4. run PPO steps on the policy against the normalised reward with a KL leash,
//   5. measure the policy on held-out prompts.
// Here a simulated labeler plays the person; the app's worker runs the same steps with a person.
import type { SimulatedLabeler } from '../feedback/labelers';
import type { LanguageModel } from '../model/language-model';
import { cloneParams, disposeParams } from '../model/params';
import { promptContext, sample } from '../model/sample';
import { rewardNormalization, normalizeReward, type RewardNormalization } from '../rlhf/reward-normalization';
import { makeRng } from '../util/rng';
import { completionKl } from './completion-kl';
import { DEFAULT_PPO, type PPOConfig, type PtxTextSource } from './ppo-config';
import { PPOTrainer } from './ppo-trainer';
import { PtxBatches } from './ptx';
import { meanStats, numericStats } from './rl-run';
import { fitRewardModel, rewardModelFrom } from './reward-fitting';
import { groupAccuracy, scoreCompletions } from './reward-trainer';
import { collectComparisons, type LabeledGroup } from './simulated-comparisons';

export interface OnlineRLHFSettings {
  rounds: number;
  /** New comparisons the labeler makes each round (pairs, K = 2). */
  comparisonsPerRound: number;
  /** Passes of the reward model over everything collected, each round. */
  rmEpochs: number;
  rmLearningRate: number;
  ppoStepsPerRound: number;
  /** Held-out prompts the policy is measured on after each round. */
  evalPrompts: number;
  seed: number;
  ppo: PPOConfig;
}

export const DEFAULT_ONLINE_RLHF: OnlineRLHFSettings = {
  rounds: 8, comparisonsPerRound: 100, rmEpochs: 2, rmLearningRate: 3e-4, ppoStepsPerRound: 10, evalPrompts: 32, seed: 1, ppo: DEFAULT_PPO,
};

export interface PolicyMeasure {
  /** The labeler's mean score of fresh samples on held-out prompts (its own units). */
  labelerScore: number;
  labelerScores: number[];
  /** Mean normalised reward-model score of the same samples. */
  rmScore: number;
  /** Mean per-sequence KL(policy ‖ reference) over the same samples, in nats (k1, summed over tokens). */
  kl: number;
}

export interface RoundReport extends PolicyMeasure {
  round: number;
  comparisons: number;
  /** Reward-model accuracy on this round's fresh comparisons, before training on them. */
  rmFreshAccuracy: number;
  ppo: Record<string, number>;
  samples: string[];
}

export class OnlineRLHF {
  readonly policy: LanguageModel;
  readonly rewardModel: LanguageModel;
  private readonly groups: LabeledGroup[] = [];
  private normalization: RewardNormalization = { mean: 0, std: 1, samples: 0 };
  private readonly trainer: PPOTrainer;
  private referenceSamples: Array<{ promptIds: number[]; completion: number[] }> = [];

  constructor(
    readonly reference: LanguageModel,
    readonly labeler: SimulatedLabeler,
    readonly prompts: { train: string[]; heldout: string[] },
    readonly s: OnlineRLHFSettings,
    /**
     * PPO-ptx's documents by source (corpus paragraphs, or demonstrations as prompt + response):
     * the one s.ppo.ptxSource names is needed when s.ppo.ptxCoef > 0.
     */
    ptxDocuments: Partial<Record<PtxTextSource, string[]>> = {},
  ) {
    const { ptxCoef, ptxSource } = s.ppo;
    const docs = ptxDocuments[ptxSource];
    if (ptxCoef > 0 && !docs?.length) throw new Error(`Expected ${ptxSource} text for PPO-ptx (ptxCoef ${ptxCoef}, ptxSource '${ptxSource}'), but got none`);
    const ptx = ptxCoef > 0 ? new PtxBatches(reference.tokenizer, docs!, reference.config.blockSize, s.seed) : undefined;
    this.policy = { ...reference, params: cloneParams(reference.config, reference.params) };
    this.rewardModel = rewardModelFrom(reference);
    this.trainer = new PPOTrainer(this.policy, reference, s.ppo, ptx);
  }

  /** Normalised reward-model scores: what PPO optimises. */
  private score = async (items: Array<{ promptIds: number[]; completion: number[] }>): Promise<number[]> =>
    (await scoreCompletions(this.rewardModel, items)).map((r) => normalizeReward(r, this.normalization));

  /** Samples of the policy on held-out prompts, scored by the labeler and the reward model, and their KL. */
  async measure(model: LanguageModel = this.policy): Promise<PolicyMeasure> {
    const prompts = this.prompts.heldout.slice(0, this.s.evalPrompts);
    const { ppo } = this.s;
    const items = await this.sampleItems(model, prompts, 100_003);
    const texts = items.map((it, i) => prompts[i] + model.tokenizer.decode(it.completion));
    const labelerScores = texts.map((t) => this.labeler.scorer.score(t));
    const rm = await this.score(items);
    const kl = await completionKl(model, this.reference, items, ppo.temperature);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { labelerScore: mean(labelerScores), labelerScores, rmScore: mean(rm), kl: mean(kl) };
  }

  async *run(): AsyncGenerator<RoundReport> {
    const { s } = this;
    const rng = makeRng(s.seed);
    for (let round = 1; round <= s.rounds; round++) {
      // 1. Fresh comparisons of the current policy's samples.
      const fresh = await collectComparisons(this.policy, this.prompts.train, this.labeler, {
        comparisons: s.comparisonsPerRound, k: 2, maxTokens: s.ppo.maxTokens, temperature: s.ppo.temperature, seed: s.seed * 1000 + round,
        maxPrompts: s.comparisonsPerRound * 4,
      });
      const rmFreshAccuracy = round > 1 && fresh.groups.length ? await groupAccuracy(this.rewardModel, fresh.groups) : NaN;
      this.groups.push(...fresh.groups);
      if (round === 1) this.referenceSamples = await this.sampleItems(this.reference, this.prompts.train.slice(0, 64), 200_003);
      // 2. The reward model learns from everything collected so far.
      for await (const p of fitRewardModel(this.rewardModel, [{ phase: 'train', groups: this.groups }], [], {
        epochs: s.rmEpochs, batchSize: 8, learningRate: s.rmLearningRate, seed: s.seed + round,
      })) void p;
      // 3. Mean 0, std 1 on reference samples, so β keeps its meaning as the reward model changes.
      this.normalization = rewardNormalization(await scoreCompletions(this.rewardModel, this.referenceSamples));
      // 4. PPO against the normalised reward.
      const stats: Array<Record<string, number>> = [];
      for (let i = 0; i < s.ppoStepsPerRound; i++) {
        const batch = Array.from({ length: s.ppo.batchSize }, () => this.prompts.train[rng.int(this.prompts.train.length)]);
        const st = await this.trainer.step(batch, this.score, s.seed * 7 + round * 1000 + i);
        stats.push(numericStats(st));
      }
      // 5. Measure.
      const m = await this.measure();
      const samples = await this.samplesFor(this.prompts.heldout.slice(0, 3));
      yield { round, comparisons: this.groups.reduce((n, g) => n + g.pairs.length, 0), rmFreshAccuracy, ppo: meanStats(stats), samples, ...m };
    }
  }

  /** One sample per prompt at the rollout temperature, seeded per prompt so measures line up. */
  private async sampleItems(model: LanguageModel, prompts: string[], seed: number): Promise<Array<{ promptIds: number[]; completion: number[] }>> {
    const out = [];
    for (let i = 0; i < prompts.length; i++) {
      const [ids] = await sample(model, promptContext(model, prompts[i]), 1, { maxTokens: this.s.ppo.maxTokens, temperature: this.s.ppo.temperature, topK: 0, topP: 1, seed: seed + i });
      out.push({ promptIds: model.tokenizer.encode(prompts[i]), completion: ids });
    }
    return out;
  }

  private async samplesFor(prompts: string[]): Promise<string[]> {
    const items = await this.sampleItems(this.policy, prompts, 100_003);
    return items.map((it, i) => prompts[i] + this.policy.tokenizer.decode(it.completion));
  }

  dispose(): void {
    this.trainer.dispose();
    disposeParams(this.policy.params);
    disposeParams(this.rewardModel.params);
  }
}

