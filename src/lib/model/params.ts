// The model's weights: one named tf.Variable per tensor, created from a seeded generator so a
// fixed seed gives the same model on every backend.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from './config';
import { LAYER_KEYS, parameterShapes } from './param-shapes';
import { makeRng, type Rng } from '../util/rng';

export interface LayerParams {
  ln1G: tf.Variable; ln1B: tf.Variable;
  attnW: tf.Variable; attnB: tf.Variable; // (C, 3C): q, k, v side by side
  projW: tf.Variable; projB: tf.Variable; // (C, C)
  ln2G: tf.Variable; ln2B: tf.Variable;
  fcW: tf.Variable; fcB: tf.Variable;     // (C, 4C)
  fc2W: tf.Variable; fc2B: tf.Variable;   // (4C, C)
}

export interface GPTParams {
  wte: tf.Variable; // (V, C), also the output projection (tied)
  wpe: tf.Variable; // (blockSize, C)
  layers: LayerParams[];
  lnfG: tf.Variable; lnfB: tf.Variable;
  valueW: tf.Variable; valueB: tf.Variable;   // (C, 1): PPO's value head
  rewardW: tf.Variable; rewardB: tf.Variable; // (C, 1): the reward model's head
}

function initialValues(name: string, shape: number[], c: GPTConfig, rng: Rng): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  const key = name.split('.').pop()!;
  if (key.endsWith('G')) return data.fill(1); // LayerNorm gains
  if (!key.endsWith('W') && key !== 'wte' && key !== 'wpe') return data; // biases
  // GPT-2 init: N(0, 0.02), residual projections scaled by 1/sqrt(2 * nLayer).
  let std = 0.02;
  if (key === 'projW' || key === 'fc2W') std /= Math.sqrt(2 * c.nLayer);
  if (key === 'valueW' || key === 'rewardW') std = 0; // heads start at zero output
  for (let i = 0; i < size; i++) data[i] = std * rng.normal();
  return data;
}

/** Builds a GPTParams from a name -> variable lookup. */
function assemble(c: GPTConfig, get: (name: string) => tf.Variable): GPTParams {
  const layers: LayerParams[] = [];
  for (let l = 0; l < c.nLayer; l++) {
    const layer = {} as LayerParams;
    for (const key of LAYER_KEYS) layer[key] = get(`h${l}.${key}`);
    layers.push(layer);
  }
  return {
    wte: get('wte'), wpe: get('wpe'), layers, lnfG: get('lnfG'), lnfB: get('lnfB'),
    valueW: get('valueW'), valueB: get('valueB'), rewardW: get('rewardW'), rewardB: get('rewardB'),
  };
}

/** A variable holding a copy of the values; the temporary tensor is freed (tf.variable copies it). */
function variableFrom(values: Float32Array, shape: number[], name: string): tf.Variable {
  const initial = tf.tensor(values, shape);
  const v = tf.variable(initial, true, name + '_' + uid());
  initial.dispose();
  return v;
}

export function initParams(c: GPTConfig, seed: number): GPTParams {
  const rng = makeRng(seed);
  const vars = new Map<string, tf.Variable>();
  for (const [name, shape] of parameterShapes(c)) {
    vars.set(name, variableFrom(initialValues(name, shape, c, rng), shape, name));
  }
  return assemble(c, (n) => vars.get(n)!);
}

/** Parameters from stored arrays (already validated against the config). */
export function paramsFromArrays(c: GPTConfig, arrays: Map<string, Float32Array>): GPTParams {
  const vars = new Map<string, tf.Variable>();
  for (const [name, shape] of parameterShapes(c)) {
    const data = arrays.get(name);
    if (!data) throw new Error(`Missing parameter "${name}"`);
    vars.set(name, variableFrom(data, shape, name));
  }
  return assemble(c, (n) => vars.get(n)!);
}

/** Every variable with its parameter name, in checkpoint order. */
export function namedParams(p: GPTParams): Array<[string, tf.Variable]> {
  const out: Array<[string, tf.Variable]> = [['wte', p.wte], ['wpe', p.wpe]];
  p.layers.forEach((layer, l) => {
    for (const key of LAYER_KEYS) out.push([`h${l}.${key}`, layer[key]]);
  });
  out.push(['lnfG', p.lnfG], ['lnfB', p.lnfB], ['valueW', p.valueW], ['valueB', p.valueB], ['rewardW', p.rewardW], ['rewardB', p.rewardB]);
  return out;
}

export function cloneParams(c: GPTConfig, p: GPTParams, trainable = true): GPTParams {
  const byName = new Map(namedParams(p));
  const copies = new Map<string, tf.Variable>();
  for (const [name, v] of byName) copies.set(name, tf.variable(v, trainable, name + '_' + uid()));
  return assemble(c, (n) => copies.get(n)!);
}

export async function paramsToArrays(p: GPTParams): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  for (const [name, v] of namedParams(p)) out.set(name, (await v.data()) as Float32Array);
  return out;
}

export function disposeParams(p: GPTParams): void {
  for (const [, v] of namedParams(p)) v.dispose();
}

// Variable names must be unique per tfjs engine; several models live side by side.
let counter = 0;
const uid = () => (++counter).toString(36);
