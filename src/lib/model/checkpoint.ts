// Between live models and checkpoint files.
import { decodeCheckpoint, encodeCheckpoint, type CheckpointMeta } from './checkpoint-format';
import type { LanguageModel } from './language-model';
import { paramsFromArrays, paramsToArrays } from './params';
import { createTokenizer } from './tokenizer';

export async function modelToCheckpointBytes(model: LanguageModel, meta: CheckpointMeta): Promise<Uint8Array> {
  const tensors = await paramsToArrays(model.params);
  return encodeCheckpoint({ config: model.config, tokenizer: model.tokenizer.spec, meta, tensors });
}

export function modelFromCheckpointBytes(bytes: ArrayBuffer | Uint8Array): { model: LanguageModel; meta: CheckpointMeta } {
  const ck = decodeCheckpoint(bytes);
  const model = { config: ck.config, tokenizer: createTokenizer(ck.tokenizer), params: paramsFromArrays(ck.config, ck.tensors) };
  return { model, meta: ck.meta };
}
