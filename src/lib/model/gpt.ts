// The tiny GPT's forward pass, all of it in this file: token + position embedding, pre-LayerNorm
// blocks of causal self-attention and a GELU MLP, a final LayerNorm, and three heads on the
// trunk (next-token logits through the tied embedding, a scalar value, a scalar reward).
//
// These functions create intermediate tensors and do not tidy them: callers run them inside
// tf.tidy (or tf.variableGrads, which tidies), so gradients can flow through everything.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from './config';
import { embed } from './embedding';
import { referenceOps } from './reference-ops';
import { matMul } from './matmul';
import type { GPTParams, LayerParams } from './params';

/** Keys and values of every layer for the tokens seen so far: (B, nHead, Tpast, headSize) each. */
export interface LayerKV extends tf.TensorContainerObject {
  k: tf.Tensor4D;
  v: tf.Tensor4D;
}

export interface TrunkOutput {
  /** Final-LayerNorm hidden states, (B, T, C). */
  hidden: tf.Tensor3D;
  /** Keys/values including the new tokens, one entry per layer. */
  kv: LayerKV[];
}

/** x (..., in) @ w (in, out) + b, for rank-2 or rank-3 x. */
function linear(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const inDim = x.shape[x.shape.length - 1];
  const outShape = [...x.shape.slice(0, -1), w.shape[1]!];
  return matMul(x.reshape([-1, inDim]), w as tf.Tensor2D).add(b).reshape(outShape);
}

function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return x.sub(mean).mul(tf.rsqrt(variance.add(1e-5))).mul(g).add(b);
}

// GELU, tanh approximation (GPT-2). x·x·x, not x.pow(3): Pow and its gradient (which takes a log)
// cost 7% of a wasm train step at the starter's size (npm run bench -- --profile).
export function gelu(x: tf.Tensor): tf.Tensor {
  const cube = referenceOps() ? x.pow(3) : x.mul(x).mul(x);
  const inner = x.add(cube.mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
  return x.mul(0.5).mul(tf.tanh(inner).add(1));
}

/** Additive mask (T, Tk): query i sits at absolute position Tk - T + i and sees keys j <= it. */
function causalMask(T: number, Tk: number): tf.Tensor2D {
  const mask = new Float32Array(T * Tk);
  const offset = Tk - T;
  for (let i = 0; i < T; i++) {
    for (let j = offset + i + 1; j < Tk; j++) mask[i * Tk + j] = -1e9;
  }
  return tf.tensor2d(mask, [T, Tk]);
}

function attention(c: GPTConfig, layer: LayerParams, x: tf.Tensor3D, past: LayerKV | undefined): { y: tf.Tensor3D; kv: LayerKV } {
  const [B, T, C] = x.shape;
  const hs = C / c.nHead;
  const [q, k, v] = tf.split(linear(x, layer.attnW, layer.attnB), 3, -1);
  const heads = (t: tf.Tensor) => t.reshape([B, T, c.nHead, hs]).transpose([0, 2, 1, 3]) as tf.Tensor4D; // (B, nh, T, hs)
  const Q = heads(q);
  let K = heads(k);
  let V = heads(v);
  if (past) {
    K = tf.concat([past.k, K], 2);
    V = tf.concat([past.v, V], 2);
  }
  const Tk = K.shape[2];
  const scores = matMul(Q, K, false, true).mul(1 / Math.sqrt(hs)).add(causalMask(T, Tk)); // (B, nh, T, Tk)
  const y = matMul(tf.softmax(scores), V).transpose([0, 2, 1, 3]).reshape([B, T, C]); // (B, T, C)
  return { y: linear(y, layer.projW, layer.projB) as tf.Tensor3D, kv: { k: K, v: V } };
}

/**
 * Runs the trunk on ids (B, T). With `past`, the ids continue a sequence whose keys/values are
 * cached, and only the new positions are computed (incremental decoding).
 */
export function trunk(c: GPTConfig, p: GPTParams, ids: tf.Tensor2D, past?: LayerKV[]): TrunkOutput {
  const [B, T] = ids.shape;
  const pos0 = past ? past[0].k.shape[2] : 0;
  if (pos0 + T > c.blockSize) {
    throw new Error(`Sequence of ${pos0 + T} tokens exceeds the model's context of ${c.blockSize}`);
  }
  const flat = ids.reshape([B * T]) as tf.Tensor1D;
  const tok = (referenceOps() ? matMul(tf.oneHot(flat, c.vocabSize).toFloat(), p.wte) : embed(p.wte as tf.Tensor2D, flat)).reshape([B, T, c.nEmbd]);
  let x = tok.add(p.wpe.slice([pos0, 0], [T, c.nEmbd])) as tf.Tensor3D;
  const kv: LayerKV[] = [];
  p.layers.forEach((layer, l) => {
    const att = attention(c, layer, layerNorm(x, layer.ln1G, layer.ln1B) as tf.Tensor3D, past?.[l]);
    x = x.add(att.y);
    kv.push(att.kv);
    const h = gelu(linear(layerNorm(x, layer.ln2G, layer.ln2B), layer.fcW, layer.fcB));
    x = x.add(linear(h, layer.fc2W, layer.fc2B));
  });
  return { hidden: layerNorm(x, p.lnfG, p.lnfB) as tf.Tensor3D, kv };
}

/** Next-token logits (B, T, V) through the tied embedding. */
export function lmHead(p: GPTParams, hidden: tf.Tensor3D): tf.Tensor3D {
  const [B, T, C] = hidden.shape;
  return matMul(hidden.reshape([B * T, C]), p.wte, false, true).reshape([B, T, -1]);
}

/** Scalar value per position (B, T), PPO's critic. */
export function valueHead(p: GPTParams, hidden: tf.Tensor3D): tf.Tensor2D {
  return linear(hidden, p.valueW, p.valueB).squeeze([2]) as tf.Tensor2D;
}

/** Scalar reward per position (B, T); the reward model reads it at the last real token. */
export function rewardHead(p: GPTParams, hidden: tf.Tensor3D): tf.Tensor2D {
  return linear(hidden, p.rewardW, p.rewardB).squeeze([2]) as tf.Tensor2D;
}

/** Logits (B, T, V) for a whole sequence, no cache. */
export function logits(c: GPTConfig, p: GPTParams, ids: tf.Tensor2D): tf.Tensor3D {
  return lmHead(p, trunk(c, p, ids).hidden);
}
