// What the benchmark's parts hand each other: the runner, the Node child process and the
// browser page all speak in these plain-data shapes (they cross process and worker boundaries).

/**
 * Every backend the benchmark knows: Node's two, then the browser's four, then the browser's wasm
 * with 2 threads (tfjs's own default is half the cores, 1 here: the bench lifts that cap to compare).
 */
export const BENCH_BACKENDS = ['node-wasm', 'node-cpu', 'webgpu', 'wasm', 'webgl', 'cpu', 'wasm-2threads'] as const;
export type BenchBackend = (typeof BENCH_BACKENDS)[number];

/** The browser backend to start for a bench backend, and the wasm threads to ask for. */
export function browserRun(backend: BenchBackend): { backend: string; threads?: number } {
  return backend === 'wasm-2threads' ? { backend: 'wasm', threads: 2 } : { backend };
}

export function isBenchBackend(x: string): x is BenchBackend {
  return (BENCH_BACKENDS as readonly string[]).includes(x);
}

/** How much work one backend does. */
export interface BenchPlan {
  /** Samples generated side by side (the batch of the sampling measurements). */
  samples: number;
  /** New tokens per sample. */
  tokens: number;
  /** Timed training steps (after one untimed warm-up step). */
  steps: number;
  /** Training batch size. */
  batchSize: number;
}

export interface Measurement {
  metric: string;
  value: number;
  unit: string;
}

export type InfoValue = string | number | boolean;

/** One backend's outcome: measurements, or the error that stopped it. */
export interface BackendReport {
  backend: BenchBackend;
  plan: BenchPlan;
  measurements: Measurement[];
  /** What actually ran (tf.getBackend()), why, the adapter, leaked tensors, ... */
  info: Record<string, InfoValue>;
  error?: string;
}
