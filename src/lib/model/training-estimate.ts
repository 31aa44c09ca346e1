// Can a tab train this model, and on which backends? A rough estimate from the config alone, for
// a model imported from elsewhere (distilgpt2 is 60 times the starter). Two limits per backend:
// - speed: at least MIN_TOKENS_PER_S training tokens a second at the backend's achieved GFLOP/s
//   (below that one pass over a small corpus takes hours: no longer a class demo);
// - memory: weights, gradients and Adam's two moments (16 bytes a parameter) plus the
//   activations a step keeps for its backward pass, under what a tab can hold on that backend.
import { countParameters, type GPTConfig } from './config';
import { trainStepFlops } from './flops';

export const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface BackendCapacity {
  /** Achieved GFLOP/s of a train step (not the matmul peak). */
  gflops: number;
  /** Most bytes a training run may take there. */
  memoryBytes: number;
  /** Where the numbers come from. */
  source: string;
}

const GiB = 2 ** 30;

export const BACKEND_CAPACITY: Readonly<Record<Backend, BackendCapacity>> = {
  cpu: { gflops: 1.9, memoryBytes: 2 * GiB, source: 'wasm\'s 7.8 divided by 4.1, the cpu/wasm train-step ratio measured in Node and Chromium (shared notes); a tab\'s typed arrays, 2 GiB' },
  wasm: { gflops: 7.8, memoryBytes: 2 * GiB, source: 'measured, 7.0-8.5 GFLOP/s a train step (README, Speed); a 32-bit WebAssembly heap, of which browsers reliably grant 2 GiB' },
  webgl: { gflops: 50, memoryBytes: 2 * GiB, source: 'assumed for a mid-range GPU through fragment shaders (no real GPU measured yet); WebGL cannot query free memory and loses its context when a tab takes too much' },
  webgpu: { gflops: 500, memoryBytes: 4 * GiB, source: 'assumed for a mid-range GPU through compute shaders (no real GPU measured yet); 4 GiB of buffers, a laptop GPU\'s share for one tab' },
};

/** Below this many training tokens a second a backend is not offered for training. */
export const MIN_TOKENS_PER_S = 100;
/** Weights, gradients, Adam's first and second moments: four float32 copies. */
const STATE_BYTES_PER_PARAM = 16;

export interface TrainingEstimate {
  parameters: number;
  /** The float32 weights alone (what inference needs). */
  weightBytes: number;
  /** Weights, gradients and Adam's moments. */
  stateBytes: number;
  /** What one step of `batch` x `seqLen` tokens keeps for its backward pass, roughly. */
  activationBytes: number;
  totalBytes: number;
  /** Forward + backward matmul FLOPs per training token. */
  flopsPerToken: number;
  tokensPerSecond: Record<Backend, number>;
  /** Backends that meet both limits, slowest first. */
  backends: Backend[];
}

export function estimateTraining(c: GPTConfig, batch = 1, seqLen = c.blockSize): TrainingEstimate {
  const parameters = countParameters(c);
  const C = c.nEmbd;
  // Per token and layer, the tensors a step keeps: two LayerNorms' inputs and outputs, q/k/v,
  // attention output and projection, the MLP's 4C hidden state and GELU's intermediates (~23C),
  // plus the attention scores and probabilities (2 x heads x seqLen); then the logits and softmax.
  const floatsPerToken = c.nLayer * (23 * C + 2 * c.nHead * seqLen) + 2 * c.vocabSize;
  const activationBytes = 4 * floatsPerToken * batch * seqLen;
  const stateBytes = STATE_BYTES_PER_PARAM * parameters;
  const totalBytes = stateBytes + activationBytes;
  const flopsPerToken = trainStepFlops(c, 1, seqLen) / seqLen;
  const tokensPerSecond = {} as Record<Backend, number>;
  for (const b of BACKENDS) tokensPerSecond[b] = (BACKEND_CAPACITY[b].gflops * 1e9) / flopsPerToken;
  const backends = BACKENDS.filter((b) => tokensPerSecond[b] >= MIN_TOKENS_PER_S && totalBytes <= BACKEND_CAPACITY[b].memoryBytes);
  return { parameters, weightBytes: 4 * parameters, stateBytes, activationBytes, totalBytes, flopsPerToken, tokensPerSecond, backends };
}

/** The estimate in one line, for the import report. */
export function describeEstimate(e: TrainingEstimate): string {
  const mb = (n: number) => `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 0 })} MB`;
  const where = e.backends.length ? `trains on ${e.backends.join(', ')}` : 'too large to train in a tab';
  return `${e.parameters.toLocaleString('en')} parameters; about ${mb(e.totalBytes)} to train (${mb(e.stateBytes)} weights, gradients and Adam, ${mb(e.activationBytes)} activations); ${where}`;
}
