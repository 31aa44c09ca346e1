// Next-token training of a language model: pretraining on a corpus, and SFT on demonstrations
// (sft.ts brings its own masked loss). One step = forward, backward, clip, Adam; the loss comes
// back asynchronously.
import * as tf from '@tensorflow/tfjs';
import type { LanguageModel } from '../model/language-model';
import { tokenLogProbs } from '../model/logprobs';
import { namedParams } from '../model/params';
import { readAdamState, restoreAdamState, type AdamState } from './adam-state';
import type { FaultRecord } from '../store/fault-record';
import { FaultGuard } from './fault-guard';
import { asNamedTensors, clipByGlobalNorm, learningRateAt, makeAdam, setLearningRate } from './optimizer';

export interface LMTrainSettings {
  /** Peak learning rate. */
  learningRate: number;
  warmupSteps: number;
  /** Total steps planned (for the cosine decay). */
  totalSteps: number;
  /** Clip the global gradient norm to this. */
  gradClip: number;
}

export const DEFAULT_LM_TRAIN: LMTrainSettings = { learningRate: 3e-3, warmupSteps: 50, totalSteps: 1000, gradClip: 1 };

export interface LMStepResult {
  loss: number;
  gradNorm: number;
  learningRate: number;
  /** Set when the step went bad and was undone (the weights are the last good ones). */
  fault?: FaultRecord;
}

/** What a resumed run needs besides the weights: Adam's moments and the step count (the LR schedule's position). */
export interface LMTrainerState {
  adam: AdamState | null;
  steps: number;
}

export class LMTrainer {
  private readonly optimizer: tf.AdamOptimizer;
  private readonly vars: tf.Variable[];
  readonly guard: FaultGuard;
  private stepCount = 0;

  constructor(private readonly model: LanguageModel, private readonly settings: LMTrainSettings = DEFAULT_LM_TRAIN) {
    this.optimizer = makeAdam(settings.learningRate);
    // The value and reward heads take no part in the LM loss; leaving them out keeps their
    // gradients from being null.
    this.vars = namedParams(model.params)
      .filter(([name]) => !name.startsWith('value') && !name.startsWith('reward'))
      .map(([, v]) => v);
    this.guard = new FaultGuard(this.vars, this.optimizer);
  }

  get steps(): number {
    return this.stepCount;
  }

  /** One update on windows of T + 1 tokens (B rows). */
  step(windows: number[][]): Promise<LMStepResult> {
    return this.stepOn(() => {
      const logp = tokenLogProbs(this.model.config, this.model.params, tf.tensor2d(windows, undefined, 'int32'));
      return logp.mean().neg() as tf.Scalar;
    });
  }

  /** One update on any loss of the model's LM weights (built inside the gradient tape): the same schedule, clipping and fault guard. */
  async stepOn(lossFn: () => tf.Scalar): Promise<LMStepResult> {
    const s = this.settings;
    const lr = learningRateAt(this.stepCount, s.learningRate, s.warmupSteps, s.totalSteps) * this.guard.lrScale;
    setLearningRate(this.optimizer, lr);
    const { value, grads } = tf.variableGrads(lossFn, this.vars);
    const clipped = clipByGlobalNorm(grads, s.gradClip);
    this.optimizer.applyGradients(asNamedTensors(clipped.grads));
    tf.dispose(grads);
    tf.dispose(clipped.grads);
    try {
      const fault = await this.guard.afterStep(value);
      const [loss, gradNorm] = await Promise.all([value.data(), clipped.norm.data()]);
      this.stepCount++;
      return { loss: loss[0], gradNorm: gradNorm[0], learningRate: lr, ...(fault ? { fault } : {}) };
    } finally {
      tf.dispose([value, clipped.norm]);
    }
  }

  async saveState(): Promise<LMTrainerState> {
    return { adam: await readAdamState(this.optimizer), steps: this.stepCount };
  }

  /** Call before the first step. */
  async loadState(s: LMTrainerState): Promise<void> {
    if (!Number.isInteger(s.steps) || s.steps < 0) throw new Error(`Expected a step count of 0 or more, but got ${s.steps}`);
    if (s.adam) await restoreAdamState(this.optimizer, this.vars, s.adam);
    this.stepCount = s.steps;
    // The guard's last good state is now the restored one (else a first-step fault would zero Adam's moments).
    this.guard.snapshot();
  }

  /** Mean next-token loss (nats) over windows, no update. */
  async evaluate(windows: number[][], batchSize = 16): Promise<number> {
    let total = 0;
    let count = 0;
    for (let i = 0; i < windows.length; i += batchSize) {
      const batch = windows.slice(i, i + batchSize);
      const loss = tf.tidy(() => tokenLogProbs(this.model.config, this.model.params, tf.tensor2d(batch, undefined, 'int32')).sum().neg());
      total += (await loss.data())[0];
      loss.dispose();
      count += batch.length * (batch[0].length - 1);
    }
    return total / count;
  }

  dispose(): void {
    this.guard.dispose();
    this.optimizer.dispose();
  }
}
