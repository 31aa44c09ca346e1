// A language model is its config, its tokenizer and its weights, kept together.
import type { GPTConfig } from './config';
import { validateConfig } from './config';
import { disposeParams, initParams, type GPTParams } from './params';
import { type Tokenizer } from './tokenizer';

export interface LanguageModel {
  config: GPTConfig;
  tokenizer: Tokenizer;
  params: GPTParams;
}

export function createLanguageModel(size: Omit<GPTConfig, 'vocabSize'>, tokenizer: Tokenizer, seed: number): LanguageModel {
  const config = validateConfig({ ...size, vocabSize: tokenizer.vocabSize });
  return { config, tokenizer, params: initParams(config, seed) };
}

export function disposeLanguageModel(m: LanguageModel): void {
  disposeParams(m.params);
}
