// RL fine-tuning of the policy against a reward, one iteration per step() (TRL's PPOTrainer loop):
// roll out, then a few epochs of clipped-surrogate updates on shuffled minibatches of that rollout,
// then let the KL controller react to how far the policy has drifted from the reference.
// The reference model is only read, never trained. In RLOO mode (Ahmadian et al. 2024) the same
// clipped loss runs on sequence-level leave-one-out advantages, and the value head is left alone.
// In A2C mode (Sparrow) one unclipped pass trains on GAE advantages of the bare score, with β times
// the exact KL to the reference in the loss. With ptxCoef > 0 every minibatch also takes a step of
// next-token loss on pretraining text (PPO-ptx, InstructGPT). In GRPO mode (DeepSeekMath) the
// clipped loss runs on group-relative advantages with β·k3 KL to the reference in the loss, no
// value head, normalised as grpoLossType says (TRL's GRPOTrainer).
import * as tf from '@tensorflow/tfjs';
import type { LanguageModel } from '../model/language-model';
import { namedParams, type GPTParams } from '../model/params';
import { AdaptiveKLController, FixedKLController, type KLController } from '../rlhf/adaptive-kl';
import { meanSequenceKl } from '../rlhf/kl';
import { maskedMean } from '../rlhf/masks';
import { a2cLossTensor } from '../rlhf/a2c-loss';
import { grpoLossTensor } from '../rlhf/grpo';
import { entropyFromLogits, maskedMeanTensor, policyLossTensor, valueLossTensor } from '../rlhf/ppo-loss';
import { drawCycling, makeRng, shuffledIndices } from '../util/rng';
import { readAdamState, restoreAdamState, type AdamState } from './adam-state';
import { FaultGuard } from './fault-guard';
import { asNamedTensors, clipByGlobalNorm, makeAdam } from './optimizer';
import { checkPPOConfig, type PPOConfig } from './ppo-config';
import { lmLossTensor, type PtxSource } from './ptx';
import { collectRollout, policyOutputs, type Rollout, type ScoreFn } from './rollout';

/** One iteration's numbers, keyed as TRL logs them; the *_avg are means over every minibatch update. */
export interface PPOStats {
  /** Mean over completions of the summed per-token KL to the reference. */
  'objective/kl': number;
  /** Mean over completions of Σ −log p of the sampled tokens. */
  'objective/entropy': number;
  /** Mean normalised reward-model score. */
  'objective/scores': number;
  /** Mean of score − penalties − β·KL: what RL maximises. */
  'objective/rlhf_reward': number;
  'policy/approxkl_avg': number;
  'policy/clipfrac_avg': number;
  /** Mean per-token entropy of the policy during the updates. */
  'policy/entropy_avg': number;
  'loss/policy_avg': number;
  /** 0 in RLOO mode (no value head). */
  'loss/value_avg': number;
  /** A2C: the exact per-token KL(π ‖ π_ref) its loss adds β times; GRPO: the mean k3 its loss adds β times; 0 for PPO and RLOO (their KL is in the reward). */
  'loss/kl_avg': number;
  /** PPO-ptx: next-token loss (nats per token) on the pretraining rows; 0 when ptxCoef is 0. */
  'loss/ptx_avg': number;
  'val/clipfrac_avg': number;
  /** Mean value estimate over the rollout's real tokens. */
  'val/mean': number;
  /** The KL coefficient this rollout was rewarded with. */
  beta: number;
  /** The rollout's completions. */
  texts: string[];
  /** GRPO only, TRL's GRPO names: the mean of the groups' reward std, */
  reward_std?: number;
  /** the share of groups whose rewards were all equal (they teach nothing), */
  frac_reward_zero_std?: number;
  /** the share of tokens clipped on either side, */
  'clip_ratio/region_mean'?: number;
  /** and the mean completion length in tokens. */
  'completions/mean_length'?: number;
}

/**
 * The policy's parameters PPO trains: all but the reward head, the value head only with a critic (PPO, A2C),
 * and without the embeddings and the bottom freezeLayers blocks when freezeLayers > 0.
 */
export function trainableParams(p: GPTParams, cfg: PPOConfig): Array<[string, tf.Variable]> {
  if (cfg.freezeLayers > p.layers.length) {
    throw new Error(`Expected freezeLayers at most the model's ${p.layers.length} layers, but got ${cfg.freezeLayers}`);
  }
  const frozen = (name: string) => {
    if (cfg.freezeLayers === 0) return false;
    if (name === 'wte' || name === 'wpe') return true;
    const layer = /^h(\d+)\./.exec(name);
    return layer !== null && Number(layer[1]) < cfg.freezeLayers;
  };
  return namedParams(p).filter(([name]) =>
    !name.startsWith('reward') && !((cfg.algorithm === 'rloo' || cfg.algorithm === 'grpo') && name.startsWith('value')) && !frozen(name));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface UpdateStats {
  approxKl: number; clipFrac: number; entropy: number; policyLoss: number; valueLoss: number; valueClipFrac: number;
  klLoss: number; ptxLoss: number;
}

/** A trainer's state between rounds, stored with each round's policy checkpoint. */
export interface PPOTrainerState {
  adam: AdamState | null;
  klValue: number;
}

export class PPOTrainer {
  readonly kl: KLController;
  /** The last step's rollout (plain arrays), for charts and the completions viewer. */
  lastRollout: Rollout | undefined;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly vars: tf.Variable[];
  /** Undoes an update that leaves a NaN or Infinity (guard.faults lists them). */
  readonly guard: FaultGuard;

  /** ptx: where the PPO-ptx rows come from; needed when cfg.ptxCoef > 0. */
  constructor(readonly policy: LanguageModel, readonly reference: LanguageModel, readonly cfg: PPOConfig, private readonly ptx?: PtxSource) {
    checkPPOConfig(cfg);
    if (cfg.ptxCoef > 0 && !ptx) throw new Error(`Expected pretraining text to draw from with ptxCoef ${cfg.ptxCoef} (PPO-ptx), but got none`);
    if (policy.params === reference.params) throw new Error('Expected the reference to be a separate copy of the policy (cloneParams), not the same weights');
    if (policy.config.vocabSize !== reference.config.vocabSize) {
      throw new Error(`Expected policy and reference to share a vocabulary, but got ${policy.config.vocabSize} and ${reference.config.vocabSize} tokens`);
    }
    this.vars = trainableParams(policy.params, cfg).map(([, v]) => v);
    // TRL's AdamW betas (0.9, 0.999); the explicit epsilon is makeAdam's.
    this.optimizer = makeAdam(cfg.learningRate, 0.9, 0.999);
    this.guard = new FaultGuard(this.vars, this.optimizer);
    this.kl = cfg.adaptiveKl ? new AdaptiveKLController(cfg.initKl, cfg.targetKl, cfg.horizon) : new FixedKLController(cfg.initKl);
  }

  /** One PPO iteration on cfg.batchSize prompts drawn from `prompts`. */
  async step(prompts: string[], scoreFn: ScoreFn, seed: number, extraPenalty?: (text: string) => number): Promise<PPOStats> {
    const cfg = this.cfg;
    const rng = makeRng(seed);
    // 1-6. rollout: sample, score, log-probs, KL-penalised rewards, advantages and returns
    const beta = this.kl.value;
    const r = await collectRollout(this.policy, this.reference, scoreFn, drawCycling(prompts, cfg.batchSize, rng), cfg, rng.int(2 ** 31), extraPenalty, beta);
    this.lastRollout = r;

    // 7. ppoEpochs passes over shuffled minibatches, one optimizer step each (A2C: one pass, on-policy)
    const B = r.ids.length;
    const updates: UpdateStats[] = [];
    const epochs = cfg.algorithm === 'a2c' ? 1 : cfg.ppoEpochs;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = shuffledIndices(B, rng);
      for (let m = 0; m < cfg.minibatches; m++) {
        const rows = order.slice(Math.floor((m * B) / cfg.minibatches), Math.floor(((m + 1) * B) / cfg.minibatches));
        const u = await this.update(r, rows);
        if (u) updates.push(u); // undefined: a fault, undone (guard.faults)
      }
    }

    // 8. the KL controller sees how far this rollout drifted (a no-op when β is fixed)
    const klMean = meanSequenceKl(r.kl, r.mask);
    this.kl.update(klMean, B);

    const avg = (key: keyof UpdateStats) => mean(updates.map((u) => u[key]));
    const sumMasked = (x: number[][], b: number) => x[b].reduce((a, v, t) => a + (r.mask[b][t] ? v : 0), 0);
    return {
      'objective/kl': klMean,
      'objective/entropy': mean(r.logpOld.map((_, b) => -sumMasked(r.logpOld, b))),
      'objective/scores': mean(r.scores),
      // A2C's and GRPO's rewards hold no KL term (their losses do), so take it off here to keep the same meaning.
      'objective/rlhf_reward': mean(r.rewards.map((_, b) => sumMasked(r.rewards, b))) - (cfg.algorithm === 'a2c' || cfg.algorithm === 'grpo' ? beta * klMean : 0),
      'policy/approxkl_avg': avg('approxKl'),
      'policy/clipfrac_avg': avg('clipFrac'),
      'policy/entropy_avg': avg('entropy'),
      'loss/policy_avg': avg('policyLoss'),
      'loss/value_avg': avg('valueLoss'),
      'loss/kl_avg': avg('klLoss'),
      'loss/ptx_avg': avg('ptxLoss'),
      'val/clipfrac_avg': avg('valueClipFrac'),
      'val/mean': maskedMean(r.values, r.mask),
      beta,
      texts: r.texts,
      ...(r.group ? {
        reward_std: r.group.rewardStd, frac_reward_zero_std: r.group.fracRewardZeroStd, 'clip_ratio/region_mean': avg('clipFrac'),
        'completions/mean_length': mean(r.completionIds.map((ids) => ids.length)),
      } : {}),
    };
  }

  /** One update on some rows of the rollout: the clipped surrogate (PPO, RLOO) or A2C's loss, plus ptx. */
  private async update(r: Rollout, rows: number[]): Promise<UpdateStats | undefined> {
    const { config, params } = this.policy;
    const cfg = this.cfg;
    const a2c = cfg.algorithm === 'a2c';
    // Trim the padding every row of this minibatch shares: real length = prompt + completion.
    const T = Math.max(...rows.map((b) => r.promptLengths[b] + r.completionIds[b].length));
    const pick = (x: number[][]) => rows.map((b) => x[b].slice(0, T - 1));
    const ids = rows.map((b) => r.ids[b].slice(0, T));
    const [mask, logpOld, advantages, valuesOld, returns] = [r.mask, r.logpOld, r.advantages, r.values, r.returns].map(pick);
    // A2C's exact KL needs the reference's whole distribution at each position: no gradient, so off the tape.
    const refLogp = a2c ? tf.tidy(() => tf.logSoftmax(policyOutputs(this.reference.config, this.reference.params, tf.tensor2d(ids, undefined, 'int32'), cfg.temperature).logits) as tf.Tensor3D) : undefined;
    const ptxRows = cfg.ptxCoef > 0 ? this.ptx!.next(cfg.ptxBatchSize) : undefined;
    const named: Partial<Record<keyof UpdateStats, tf.Scalar>> = {};
    let stats: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const maskT = tf.tensor2d(mask);
      const out = policyOutputs(config, params, tf.tensor2d(ids, undefined, 'int32'), cfg.temperature);
      const entropy = entropyFromLogits(out.logits, maskT);
      named.entropy = entropy;
      let loss: tf.Scalar;
      if (a2c) {
        const a = a2cLossTensor({
          logp: out.logp, logpAll: tf.logSoftmax(out.logits) as tf.Tensor3D, logpRefAll: refLogp!, adv: tf.tensor2d(advantages),
          values: out.values, returns: tf.tensor2d(returns), mask: maskT, beta: r.beta, vfCoef: cfg.vfCoef,
        });
        loss = a.loss;
        const approxKl = maskedMeanTensor(out.logp.sub(tf.tensor2d(logpOld)).square(), maskT).mul(0.5) as tf.Scalar;
        Object.assign(named, { approxKl, policyLoss: a.policy, valueLoss: a.value, klLoss: a.kl });
      } else if (cfg.algorithm === 'grpo') {
        const g = grpoLossTensor({
          logp: out.logp, logpOld: tf.tensor2d(logpOld), logpRef: tf.tensor2d(pick(r.logpRef)), advantages: tf.tensor1d(rows.map((b) => r.group!.advantages[b])), mask: maskT,
        }, { lossType: cfg.grpoLossType, epsilonLow: cfg.clipRange, epsilonHigh: cfg.clipRangeHigh || cfg.clipRange, beta: r.beta, maxCompletionLength: cfg.maxTokens });
        loss = g.loss;
        const approxKl = maskedMeanTensor(out.logp.sub(tf.tensor2d(logpOld)).square(), maskT).mul(0.5) as tf.Scalar;
        Object.assign(named, { approxKl, clipFrac: g.clipRatioRegion, policyLoss: g.loss, ...(g.kl ? { klLoss: g.kl } : {}) });
      } else {
        const pg = policyLossTensor(out.logp, tf.tensor2d(logpOld), tf.tensor2d(advantages), maskT, cfg.clipRange);
        loss = pg.loss;
        Object.assign(named, { approxKl: pg.approxKl, clipFrac: pg.clipFrac, policyLoss: pg.loss });
        if (cfg.algorithm === 'ppo') {
          const vf = valueLossTensor(out.values, tf.tensor2d(valuesOld), tf.tensor2d(returns), maskT, cfg.clipRangeValue);
          loss = loss.add(vf.loss.mul(cfg.vfCoef));
          Object.assign(named, { valueLoss: vf.loss, valueClipFrac: vf.clipFrac });
        }
      }
      if (cfg.entropyCoef > 0) loss = loss.sub(entropy.mul(cfg.entropyCoef));
      if (ptxRows) {
        named.ptxLoss = lmLossTensor(config, params, tf.tensor2d(ptxRows, undefined, 'int32'));
        loss = loss.add(named.ptxLoss.mul(cfg.ptxCoef));
      }
      stats = Object.values(named);
      stats.forEach((s) => tf.keep(s));
      return loss;
    }, this.vars);
    refLogp?.dispose();
    const clipped = clipByGlobalNorm(grads, cfg.maxGradNorm);
    this.optimizer.applyGradients(asNamedTensors(clipped.grads));
    tf.dispose(grads);
    tf.dispose(clipped.grads);
    const fault = await this.guard.afterStep(value).catch((e: unknown) => { tf.dispose([value, clipped.norm, ...stats]); throw e; });
    if (fault) { tf.dispose([value, clipped.norm, ...stats]); return undefined; }
    const values = await Promise.all(stats.map(async (s) => (await s.data())[0]));
    tf.dispose([value, clipped.norm, ...stats]); // value may be a stat too (the bare policy loss)
    const read = Object.fromEntries(Object.keys(named).map((key, i) => [key, values[i]]));
    return { approxKl: 0, clipFrac: 0, entropy: 0, policyLoss: 0, valueLoss: 0, valueClipFrac: 0, klLoss: 0, ptxLoss: 0, ...read };
  }

  /** What a resumed run needs besides the weights: Adam's state and the (adaptive) KL coefficient. */
  async saveState(): Promise<PPOTrainerState> {
    return { adam: await readAdamState(this.optimizer), klValue: this.kl.value };
  }

  /** Call before the first step. */
  async loadState(s: PPOTrainerState): Promise<void> {
    if (s.adam) await restoreAdamState(this.optimizer, this.vars, s.adam);
    if (this.kl instanceof AdaptiveKLController) this.kl.value = s.klValue;
    // The guard's last good state is now the restored one (else a first-step fault would zero Adam's moments).
    this.guard.snapshot();
  }

  dispose(): void {
    this.guard.dispose();
    this.optimizer.dispose();
  }
}
