// Small models and tensors for tests.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from '../../src/lib/model/config';
import { createLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { charTokenizer } from '../../src/lib/model/tokenizer';

/** Two layers so the KV cache and gradients cross a block boundary; tiny so tests stay fast. */
export const TEST_SIZE: Omit<GPTConfig, 'vocabSize'> = { blockSize: 16, nLayer: 2, nHead: 2, nEmbd: 16 };

export function testModel(seed = 1, size = TEST_SIZE): LanguageModel {
  return createLanguageModel(size, charTokenizer(), seed);
}

/** Random ids that are ordinary characters (not specials, not bytes). */
export function randomIds(rows: number, length: number, seed: number): number[][] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: rows }, () => Array.from({ length }, () => 3 + Math.floor(next() * 90)));
}

export async function read3D(t: tf.Tensor): Promise<number[][][]> {
  const out = (await t.array()) as number[][][];
  t.dispose();
  return out;
}

export function maxAbsDiff(a: number[], b: number[]): number {
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
}

/**
 * A checkpoint file with its JSON header edited by `edit` and the weights carried over unchanged:
 * how the tests make files whose header lies about the weights (shapes, version, tokenizer).
 */
export function withCheckpointHeader(bytes: Uint8Array, edit: (h: Record<string, any>) => void): Uint8Array {
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + len)));
  edit(header);
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = Math.ceil((12 + len) / 4) * 4;
  const newStart = Math.ceil((12 + headerBytes.length) / 4) * 4;
  const out = new Uint8Array(newStart + bytes.length - dataStart);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  out.set(bytes.subarray(dataStart), newStart);
  return out;
}
