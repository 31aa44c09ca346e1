// One round of online iterated RLHF (Anthropic, 2022), top to bottom:
//   1. sample K completions of a few training prompts from the policy,
//   2. feedback: ask for judgements of them, and wait until they are stored,
//   3. reward model: its accuracy on the fresh judgements, then a fit on everything the labeler said,
//   4. normalise its rewards to mean 0, std 1 on the reference's samples,
//   5. policy steps (PPO, A2C or RLOO) against the normalised reward, with the KL leash,
//   6. measure the policy on held-out prompts, beside the reference.
// Saving the round (7.) is the caller's. The app's RL host (worker/rl-host.ts) and the headless
// experiment (cli/experiments/rlhf.ts) both run this; storage, locking, feedback and messages come
// in through RoundIO, so the same seed gives the same round in both.
import type { Judgement } from '../feedback/judgement';
import { judgementToGroup } from '../feedback/judgement-group';
import type { SimulatedLabeler } from '../feedback/labelers';
import type { LabelingBatch } from '../feedback/simulated-judgement';
import { rewardReadoutOf, type RewardReadout } from '../model/config';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { promptContext, sampleStream } from '../model/sample';
import { EOS } from '../model/tokenizer';
import { normalizeReward, rewardNormalization, type RewardNormalization } from '../rlhf/reward-normalization';
import { ruleBreakdown, type RuleBreakdown } from '../rlhf/rule-rewards';
import { makeRng } from '../util/rng';
import { seeds } from '../util/seeds';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import { completionTokenLogProbs } from './completion-kl';
import type { FaultRecord } from '../store/fault-record';
import type { PPOConfig } from './ppo-config';
import type { PPOTrainer } from './ppo-trainer';
import { stageEpochs } from './reward-fit-settings';
import { DEFAULT_REWARD_FIT, fitRewardModel, informative, rewardModelFrom } from './reward-fitting';
import { groupAccuracy, scoreCompletions } from './reward-trainer';
import { meanStats, numericStats, splitPrompts, type RLSettings } from './rl-run';

export type RoundPhase = 'sample' | 'feedback' | 'reward' | 'ppo' | 'measure' | 'save';

type Item = { promptIds: number[]; completion: number[] };

/**
 * One sampled token of a policy completion: how it reads, and its log-probability under the policy
 * and under the reference at the sampling temperature (NaN when cut from the context, unmeasured).
 * logPolicy − logReference summed over a completion is its eval/kl.
 */
export interface PolicyToken { text: string; logPolicy: number; logReference: number }

/**
 * One held-out prompt: the reference's and the current policy's completions (same seed), their
 * rewards, and what the run's rules take off each (absent when the run has no rules). The policy's
 * side has its tokens and where the reward model read its reward (absent in rows made before them).
 */
export interface BeforeAfterRow {
  prompt: string;
  reference: { text: string; reward: number; rules?: RuleBreakdown };
  policy: { text: string; reward: number; rules?: RuleBreakdown; tokens?: PolicyToken[]; readout?: RewardReadout };
}

/** What a round needs from whoever runs it. */
export interface RoundIO {
  /** Held around every tfjs call, so other work (the app's generation) interleaves between them. */
  lock: { run<T>(fn: () => Promise<T> | T): Promise<T> };
  progress(phase: RoundPhase, step: number, total: number): void;
  /** A point where the run may pause or stop (it throws to stop): between steps, never inside one. */
  pausePoint(): Promise<void>;
  /** This round's batches as kept by an earlier try of it (a resumed round shows the same ones). */
  keptBatches(round: number): Promise<LabelingBatch[] | undefined>;
  keepBatches(round: number, batches: LabelingBatch[]): Promise<void>;
  /** Every judgement of the run's labeler so far, oldest first. */
  judgements(): Promise<Judgement[]>;
  /** Asks for judgements of the batches; resolves once they are stored. */
  requestFeedback(round: number, batches: LabelingBatch[]): Promise<void>;
  reportFaults(faults: FaultRecord[]): Promise<void>;
}

/** Where each round's reward model starts. */
export interface RewardBase {
  model: LanguageModel;
  /** false: a fresh head on the reference's trunk (nothing learnt yet). */
  keepHead: boolean;
  normalization: RewardNormalization;
}

/** The loop's models, kept from round to round. */
export interface LoopState {
  /** Names this run's samples in their provenance. */
  runLabel: string;
  reference: LanguageModel;
  policy: LanguageModel;
  trainer: PPOTrainer;
  base: RewardBase;
  /** The reward model of the last round fitted (none before the first fit). */
  rm?: { model: LanguageModel; normalization: RewardNormalization };
  /** The judge of eval/labeler_score, when a simulated labeler gives the feedback. */
  simulated?: SimulatedLabeler;
  /** The reference's completions the rewards are normalised on: sampled once, they never change. */
  referenceSamples?: Item[];
}

export interface RoundResult {
  metrics: Record<string, number>;
  rows: BeforeAfterRow[];
  /** Prompt and policy completion, per held-out prompt. */
  samples: string[];
}

/** Reference completions the reward is normalised on: NORMALIZATION_PROMPTS prompts x NORMALIZATION_K. */
export const NORMALIZATION_PROMPTS = 4;
export const NORMALIZATION_K = 4;

const withoutEos = (ids: number[]) => ids.filter((id) => id !== EOS);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const std = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** n completions of a prompt, taking the lock one token step at a time so other work interleaves. */
export async function sampleInTurns(io: Pick<RoundIO, 'lock'>, m: LanguageModel, prompt: string, n: number, seed: number, ppo: PPOConfig): Promise<number[][]> {
  const stream = sampleStream(m, promptContext(m, prompt), n, { maxTokens: ppo.maxTokens, temperature: ppo.temperature, topK: 0, topP: 1, seed, stopAtEos: true });
  let tokens: number[][] = [];
  for (;;) {
    await yieldToEventLoop();
    const next = await io.lock.run(() => stream.next());
    if (next.done) break;
    tokens = next.value.tokens;
  }
  return tokens.map(withoutEos);
}

/** One completion per held-out prompt, seeded per prompt so the reference and the policy line up. */
async function evalSamples(io: RoundIO, m: LanguageModel, prompts: string[], s: RLSettings): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < prompts.length; i++) {
    const [ids] = await sampleInTurns(io, m, prompts[i], 1, seeds.evalSamples(s.seed, i), s.ppo);
    out.push({ promptIds: m.tokenizer.encode(prompts[i]), completion: ids });
  }
  return out;
}

/** The reference's samples of the first training prompts: the same every round and every resume. */
async function referenceSamples(io: RoundIO, st: LoopState, train: string[], s: RLSettings): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < Math.min(NORMALIZATION_PROMPTS, train.length); i++) {
    const ids = await sampleInTurns(io, st.reference, train[i], NORMALIZATION_K, seeds.normalizationSamples(s.seed, i), s.ppo);
    const promptIds = st.reference.tokenizer.encode(train[i]);
    out.push(...ids.map((completion) => ({ promptIds, completion })));
  }
  return out;
}

export async function runRound(io: RoundIO, st: LoopState, s: RLSettings, allPrompts: string[], round: number): Promise<RoundResult> {
  const { lock } = io;
  const prompts = splitPrompts(allPrompts, s.evalPrompts);
  const rng = makeRng(seeds.roundPrompts(s.seed, round));
  const tok = st.policy.tokenizer;

  // 1. K completions of a few prompts from the policy, kept until the round is saved: a resumed
  //    round shows the same batches, and the ones judged already are not asked again.
  let batches = await io.keptBatches(round);
  if (!batches) {
    batches = [];
    for (let i = 0; i < s.feedbackPrompts; i++) {
      io.progress('sample', i, s.feedbackPrompts);
      await io.pausePoint();
      const prompt = prompts.train[rng.int(prompts.train.length)];
      const seed = seeds.feedbackSamples(s.seed, round, i);
      const ids = await sampleInTurns(io, st.policy, prompt, s.k, seed, s.ppo);
      const completions = ids.map((c) => ({
        text: tok.decode(c), ids: c,
        source: { kind: 'sample' as const, model: `RL policy (${st.runLabel}, round ${round - 1})`, temperature: s.ppo.temperature, topK: 0, topP: 1, maxTokens: s.ppo.maxTokens, seed },
      }));
      // The store refuses an empty text (an early EOS): it is left out, and a batch needs two to rank.
      const judgeable = completions.filter((c) => c.text.trim() !== '');
      if (judgeable.length >= 2) batches.push({ prompt, promptIds: tok.encode(prompt), completions: judgeable });
    }
    await io.keepBatches(round, batches);
  }

  // 2. Feedback: only on what was not judged already.
  const batchKey = (prompt: string, texts: string[]) => JSON.stringify([prompt, ...texts]);
  const before = await io.judgements();
  const judged = new Set(before.map((j) => batchKey(j.prompt, j.completions.map((c) => c.text))));
  const ask = batches.filter((b) => !judged.has(batchKey(b.prompt, b.completions.map((c) => c.text))));
  const judgedBefore = before.length;
  if (ask.length) {
    io.progress('feedback', 0, ask.length);
    await io.requestFeedback(round, ask);
    io.progress('feedback', ask.length, ask.length);
  }
  await io.pausePoint();

  // 3. The reward model: accuracy on the fresh judgements first (before it sees them), then a fit
  //    on everything, from the base or from last round's (s.rmStart).
  const all = await io.judgements();
  const fresh = all.slice(judgedBefore).map((j) => judgementToGroup(j, tok)).filter((g) => g.pairs.length);
  const judge = st.rm?.model ?? (st.base.keepHead ? st.base.model : undefined);
  const heldoutAccuracy = judge && fresh.length ? await lock.run(() => groupAccuracy(judge, fresh)) : NaN;
  const groups = informative(all.map((j) => judgementToGroup(j, tok)));
  let trainAccuracy = NaN;
  if (groups.length) {
    const fromLast = s.rmStart === 'last' && st.rm !== undefined;
    const rm = rewardModelFrom(fromLast ? st.rm!.model : st.base.model, { keepHead: fromLast || st.base.keepHead });
    try {
      // A fit from the base gets the minimum steps that make a reward model fit its data; a model
      // going on from last round's has been fitted already, and takes its epochs only.
      const minSteps = fromLast ? 0 : s.rmMinSteps;
      // No early stopping here: each round's fresh judgements already measure the model before it
      // sees them (step 3's accuracy), and the measured "Make it positive" run fits them all.
      const settings = { ...DEFAULT_REWARD_FIT, minSteps, epochs: s.rmEpochs, learningRate: s.rmLearningRate, validationShare: 0, seed: seeds.rewardFit(s.seed, round) };
      const fit = fitRewardModel(rm, [{ phase: 'train', groups }], [], settings);
      const epochs = stageEpochs(groups.length, settings);
      const lastEpoch: number[] = [];
      for (;;) {
        await io.pausePoint();
        const next = await lock.run(() => fit.next());
        if (next.done) break;
        const p = next.value;
        io.progress('reward', p.step, p.totalSteps);
        if (p.fault) await io.reportFaults([p.fault]);
        if (p.epoch === epochs && Number.isFinite(p.batchAccuracy)) lastEpoch.push(p.batchAccuracy);
      }
      trainAccuracy = mean(lastEpoch);
      // 4. Mean 0, std 1 on the reference's samples, so β keeps its meaning as the reward model changes.
      st.referenceSamples ??= await referenceSamples(io, st, prompts.train, s);
      const samples = st.referenceSamples;
      const normalization = await lock.run(async () => rewardNormalization(await scoreCompletions(rm, samples)));
      if (st.rm) disposeLanguageModel(st.rm.model);
      st.rm = { model: rm, normalization };
    } catch (e) {
      disposeLanguageModel(rm);
      throw e;
    }
  }
  const rm = st.rm ?? { model: st.base.model, normalization: st.base.normalization };
  const score = async (items: Item[]) => (await scoreCompletions(rm.model, items)).map((r) => normalizeReward(r, rm.normalization));

  // 5. Policy steps against the normalised reward, less the rules' penalty.
  const rules = s.rules;
  const rulePenalty = rules.length ? (text: string) => ruleBreakdown(text, rules).total : undefined;
  const stats: Array<Record<string, number>> = [];
  for (let i = 0; i < s.ppoSteps; i++) {
    io.progress('ppo', i, s.ppoSteps);
    await io.pausePoint();
    const seen = st.trainer.guard.faults.length;
    const step = await lock.run(() => st.trainer.step(prompts.train, score, seeds.policyStep(s.seed, round, i), rulePenalty))
      .finally(() => io.reportFaults(st.trainer.guard.faults.slice(seen)));
    // NaN only when the guard undid every update of this step (reported above): nothing to average.
    if (Number.isFinite(step['loss/policy_avg'])) stats.push(numericStats(step));
  }
  io.progress('ppo', s.ppoSteps, s.ppoSteps);

  // 6. Measure on held-out prompts: the same seed for the reference and the policy.
  io.progress('measure', 0, 2);
  await io.pausePoint();
  const mine = await evalSamples(io, st.policy, prompts.heldout, s);
  io.progress('measure', 1, 2);
  const theirs = await evalSamples(io, st.reference, prompts.heldout, s);
  const [rewards, refRewards, logProbs] = await lock.run(async () => [await score(mine), await score(theirs), await completionTokenLogProbs(st.policy, st.reference, mine, s.ppo.temperature)] as const);
  const kl = logProbs.kl;
  const texts = (items: Item[]) => items.map((it) => tok.decode(it.completion));
  const [myTexts, refTexts] = [texts(mine), texts(theirs)];
  const side = (text: string, reward: number) => ({ text, reward, ...(rules.length ? { rules: ruleBreakdown(text, rules) } : {}) });
  // The policy's tokens with their log-probs, for the screen's per-token KL (log π − log π_ref).
  const tokens = (i: number) => mine[i].completion.map((id, j) => ({ text: tok.tokenText(id), logPolicy: logProbs.policy[i][j], logReference: logProbs.reference[i][j] }));
  const readout = rewardReadoutOf(rm.model.config);
  const rows: BeforeAfterRow[] = prompts.heldout.map((prompt, i) => ({ prompt, reference: side(refTexts[i], refRewards[i]), policy: { ...side(myTexts[i], rewards[i]), tokens: tokens(i), readout } }));
  io.progress('measure', 2, 2);
  const labelerScore = (p: string, t: string) => st.simulated!.scorer.score(p + t);
  const metrics: Record<string, number> = {
    round, ...meanStats(stats),
    'rm/heldout_accuracy': heldoutAccuracy, 'rm/train_accuracy': trainAccuracy, 'rm/judgements': all.length,
    'eval/rm_score': mean(rewards), 'eval/kl': mean(kl),
    // The reference's held-out samples under this round's reward model: the proxy's own baseline and
    // scale, which change every round as the reward model is refitted (engine/overoptimisation.ts).
    'eval/reference_rm_score': mean(refRewards), 'eval/reference_rm_std': std(refRewards),
    ...(st.simulated ? {
      'eval/labeler_score': mean(prompts.heldout.map((p, i) => labelerScore(p, myTexts[i]))),
      'eval/reference_labeler_score': mean(prompts.heldout.map((p, i) => labelerScore(p, refTexts[i]))),
    } : {}),
  };
  return { metrics, rows, samples: prompts.heldout.map((p, i) => p + myTexts[i]) };
}
