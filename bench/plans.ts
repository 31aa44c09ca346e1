// How much work each backend does by default, and how long it may take. Chosen so the whole
// default run stays near 10 minutes on the 2-core machine without a GPU: SwiftShader webgpu and
// the cpu backends are 10-50x slower than wasm there (shared notes), so they sample fewer rows
// and train fewer steps. Training rates are per token and compare across plans (fewer steps only
// add noise); sampling rates depend on the number of rows, which share each step's fixed cost, so
// compare them between backends with the same samples (the output table shows each plan).
import type { BenchBackend, BenchPlan } from './types';

export const DEFAULT_TOKENS = 128;
export const DEFAULT_BATCH = 16;

interface BackendDefaults {
  samples: number;
  steps: number;
  /** Give up on the backend after this many seconds (everything included: start, warm-ups, measurements). */
  timeoutS: number;
}

export const BACKEND_DEFAULTS: Record<BenchBackend, BackendDefaults> = {
  'node-wasm': { samples: 4, steps: 3, timeoutS: 180 },
  'node-cpu': { samples: 1, steps: 1, timeoutS: 240 },
  webgpu: { samples: 1, steps: 1, timeoutS: 420 },
  wasm: { samples: 4, steps: 3, timeoutS: 180 },
  'wasm-2threads': { samples: 4, steps: 3, timeoutS: 180 },
  webgl: { samples: 1, steps: 3, timeoutS: 300 },
  cpu: { samples: 1, steps: 1, timeoutS: 240 },
};

export interface Overrides {
  samples: number;
  steps: number;
  tokens: number;
  batch: number;
  timeout: number;
}

/** A backend's plan and time limit: the flags where given (non-zero), its defaults otherwise. */
export function planFor(backend: BenchBackend, o: Overrides): { plan: BenchPlan; timeoutS: number } {
  const d = BACKEND_DEFAULTS[backend];
  return {
    plan: { samples: o.samples || d.samples, tokens: o.tokens || DEFAULT_TOKENS, steps: o.steps || d.steps, batchSize: o.batch || DEFAULT_BATCH },
    timeoutS: o.timeout || d.timeoutS,
  };
}
