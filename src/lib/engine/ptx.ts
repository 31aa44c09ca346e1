// PPO-ptx (Ouyang et al. 2022, InstructGPT): the pretraining objective mixed into RL fine-tuning,
//   loss = RL loss + γ · mean over tokens of −log π(x_{t+1} | x_{..t}) on windows of plain text,
// so the policy keeps writing like its corpus while it chases the reward (less "alignment tax",
// and a second leash besides the KL). The text is the bundled corpus, or a person's
// demonstrations (edited completions) when there are some.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from '../model/config';
import { tokenLogProbs } from '../model/logprobs';
import type { GPTParams } from '../model/params';
import type { Tokenizer } from '../model/tokenizer';
import { makeRng, type Rng } from '../util/rng';
import { sampleWindows, tokenizeDocuments } from './corpus';

/** Where the trainer takes its ptx rows from: `rows` windows of tokens (inputs and shifted targets) per call. */
export interface PtxSource {
  next(rows: number): number[][];
}

/** Seeded random windows of at most `windowTokens` + 1 tokens from documents wrapped in BOS ... EOS. */
export class PtxBatches implements PtxSource {
  private readonly stream: Int32Array;
  private readonly rng: Rng;
  readonly windowTokens: number;

  constructor(tokenizer: Tokenizer, documents: string[], windowTokens: number, seed: number) {
    this.stream = tokenizeDocuments(tokenizer, documents.filter((d) => d.trim().length > 0));
    if (this.stream.length < 4) throw new Error(`Expected pretraining text of a few characters at least for PPO-ptx, but got ${this.stream.length - 2 * documents.length} tokens`);
    if (!(Number.isInteger(windowTokens) && windowTokens >= 1)) throw new Error(`Expected windowTokens to be a positive integer, but got ${windowTokens}`);
    // A few short demonstrations may hold fewer tokens than the context: the window shrinks to fit.
    this.windowTokens = Math.min(windowTokens, this.stream.length - 1);
    this.rng = makeRng(seed);
  }

  next(rows: number): number[][] {
    return sampleWindows(this.stream, rows, this.windowTokens, this.rng);
  }
}

/** PPO-ptx's documents from demonstrations: each prompt and its response as one text. */
export function demonstrationDocuments(demos: Array<{ prompt: string; response: string }>): string[] {
  return demos.map((d) => d.prompt + d.response);
}

/** Mean next-token cross-entropy (nats per token) of windows (B, T + 1) under the model. Not tidied. */
export function lmLossTensor(c: GPTConfig, p: GPTParams, windows: tf.Tensor2D): tf.Scalar {
  return tokenLogProbs(c, p, windows).mean().neg() as tf.Scalar;
}
