// Training faults: a NaN or Infinity in a loss or in the weights. After each optimizer step the
// guard checks the loss and every trained weight on the device (one scalar read back); a bad step
// is undone: the weights and Adam's state go back to the last good step's copy, the learning rate
// is halved and the fault is recorded. Too many faults in a row stop training with a plain reason.
import * as tf from '@tensorflow/tfjs';
import type { FaultRecord } from '../store/fault-record';
import { setLearningRate } from './optimizer';

/** Training stopped: faults kept coming after lowering the learning rate. The weights are the last good ones. */
export class TrainingFaultError extends Error {
  override name = 'TrainingFaultError';
}

export const MAX_CONSECUTIVE_FAULTS = 3;

/** Adam's state as tfjs keeps it (protected fields; moments appear at the first update). */
interface AdamInternals {
  learningRate: number;
  iterations_?: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ variable: tf.Variable } | undefined>;
  accumulatedSecondMoment: Array<{ variable: tf.Variable } | undefined>;
}

const adamVariables = (a: AdamInternals): tf.Variable[] => [
  a.accBeta1, a.accBeta2,
  ...a.accumulatedFirstMoment.map((m) => m?.variable), ...a.accumulatedSecondMoment.map((m) => m?.variable),
].filter((v): v is tf.Variable => v !== undefined);

/** 1 when every value of the loss and of the tensors is finite, else 0: computed on the device. */
export function allFiniteTensor(tensors: tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => tensors
    .map((t) => tf.isFinite(t).cast('float32').min())
    // Pairwise, not tf.addN / a stack of many inputs (optimizer.ts: WebGPU storage-buffer limits).
    .reduce((a, b) => tf.minimum(a, b), tf.scalar(1)) as tf.Scalar);
}

export class FaultGuard {
  readonly faults: FaultRecord[] = [];
  /** Multiplies a scheduled learning rate: halved at each fault. */
  lrScale = 1;
  private steps = 0;
  private consecutive = 0;
  /**
   * The weights and the optimizer's variables at the last good step: tfjs clones, which share the
   * data until the variable is assigned a new value, so a snapshot costs no copy on the device.
   */
  private saved: { weights: tf.Tensor[]; optimizer: Map<tf.Variable, tf.Tensor>; iterations?: number } | undefined;

  constructor(
    private readonly vars: tf.Variable[],
    private readonly optimizer: tf.Optimizer,
    private readonly maxConsecutive = MAX_CONSECUTIVE_FAULTS,
  ) {
    this.snapshot();
  }

  /**
   * Call after each optimizer step, with the step's loss (not disposed here). Returns the fault
   * when the step was undone, undefined when it was good; throws TrainingFaultError after
   * maxConsecutive faults in a row (the weights are then the last good ones).
   */
  async afterStep(loss: tf.Tensor): Promise<FaultRecord | undefined> {
    this.steps++;
    // One scalar read back: 2 × (loss finite) + (weights finite), so 3 is a good step.
    const verdict = tf.tidy(() => allFiniteTensor([loss]).mul(2).add(allFiniteTensor(this.vars)));
    const code = (await verdict.data())[0];
    verdict.dispose();
    if (code === 3) {
      this.consecutive = 0;
      this.snapshot();
      return undefined;
    }
    const fault = this.recover(code >= 2 ? 'weights' : 'loss');
    if (++this.consecutive >= this.maxConsecutive) {
      throw new TrainingFaultError(
        `Training stopped after ${this.consecutive} faults in a row (NaN or Infinity) even with the learning rate lowered to ${fault.lrAfter.toPrecision(2)}. The weights are the last good ones; try a lower learning rate.`);
    }
    return fault;
  }

  /** Restores the last good weights and optimizer state, and halves the learning rate. */
  private recover(what: FaultRecord['what']): FaultRecord {
    const saved = this.saved!;
    const adam = this.optimizer as unknown as AdamInternals;
    tf.tidy(() => {
      this.vars.forEach((v, i) => v.assign(saved.weights[i]));
      // A moment created by the bad step did not exist before it: zero, as Adam starts it.
      for (const v of adamVariables(adam)) v.assign(saved.optimizer.get(v) ?? tf.zerosLike(v));
    });
    if (saved.iterations !== undefined) adam.iterations_ = saved.iterations;
    const lrBefore = adam.learningRate;
    const lrAfter = lrBefore / 2;
    setLearningRate(this.optimizer, lrAfter);
    this.lrScale /= 2;
    const fault: FaultRecord = { step: this.steps, what, lrBefore, lrAfter };
    this.faults.push(fault);
    return fault;
  }

  /** Takes the current weights and optimizer state as the last good ones (e.g. after restoring a saved state). */
  snapshot(): void {
    this.dropSnapshot();
    const adam = this.optimizer as unknown as AdamInternals;
    const optimizer = new Map<tf.Variable, tf.Tensor>();
    for (const v of adamVariables(adam)) optimizer.set(v, tf.keep(v.clone()));
    this.saved = { weights: this.vars.map((v) => tf.keep(v.clone())), optimizer, iterations: adam.iterations_ };
  }

  private dropSnapshot(): void {
    if (!this.saved) return;
    tf.dispose([...this.saved.weights, ...this.saved.optimizer.values()]);
    this.saved = undefined;
  }

  dispose(): void {
    this.dropSnapshot();
  }
}
