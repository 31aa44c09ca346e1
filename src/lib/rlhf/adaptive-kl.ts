// The KL coefficient β, fixed or steered towards a target KL by the proportional controller of
// lm-human-preferences (Ziegler et al. 2019, §2.2):
//   e = clip(KL / KL_target − 1, −0.2, 0.2);  β ← β · (1 + e · n_steps / horizon)
// KL is the mean sequence KL of the last batch (kl.ts meanSequenceKl), n_steps the episodes in it.

export interface KLController {
  readonly value: number;
  update(currentKl: number, nSteps: number): void;
}

export class FixedKLController implements KLController {
  readonly value: number;

  constructor(value: number) {
    if (!(value >= 0)) throw new Error(`Expected the KL coefficient to be >= 0, but got ${value}`);
    this.value = value;
  }

  update(): void {}
}

export class AdaptiveKLController implements KLController {
  value: number;
  readonly target: number;
  readonly horizon: number;

  constructor(init: number, target: number, horizon: number) {
    if (!(init >= 0)) throw new Error(`Expected the initial KL coefficient to be >= 0, but got ${init}`);
    if (!(target > 0)) throw new Error(`Expected the KL target to be > 0, but got ${target}`);
    if (!(horizon > 0)) throw new Error(`Expected the horizon to be > 0, but got ${horizon}`);
    this.value = init;
    this.target = target;
    this.horizon = horizon;
  }

  update(currentKl: number, nSteps: number): void {
    if (!Number.isFinite(currentKl)) throw new Error(`Expected a finite current KL, but got ${currentKl}`);
    if (!(nSteps >= 0)) throw new Error(`Expected nSteps to be >= 0, but got ${nSteps}`);
    const error = Math.min(0.2, Math.max(-0.2, currentKl / this.target - 1));
    this.value *= 1 + (error * nSteps) / this.horizon;
  }
}
