// Names and shapes of the model's parameters: tfjs-free, so checkpoint validation can run
// on the main thread without loading tfjs.
import type { GPTConfig } from './config';

export const LAYER_KEYS = ['ln1G', 'ln1B', 'attnW', 'attnB', 'projW', 'projB', 'ln2G', 'ln2B', 'fcW', 'fcB', 'fc2W', 'fc2B'] as const;

/** Names and shapes of every parameter, in a fixed order (the checkpoint order). */
export function parameterShapes(c: GPTConfig): Array<[string, number[]]> {
  const C = c.nEmbd;
  const shapes: Array<[string, number[]]> = [['wte', [c.vocabSize, C]], ['wpe', [c.blockSize, C]]];
  const layer: Record<(typeof LAYER_KEYS)[number], number[]> = {
    ln1G: [C], ln1B: [C], attnW: [C, 3 * C], attnB: [3 * C], projW: [C, C], projB: [C],
    ln2G: [C], ln2B: [C], fcW: [C, 4 * C], fcB: [4 * C], fc2W: [4 * C, C], fc2B: [C],
  };
  for (let l = 0; l < c.nLayer; l++) {
    for (const key of LAYER_KEYS) shapes.push([`h${l}.${key}`, layer[key]]);
  }
  shapes.push(['lnfG', [C]], ['lnfB', [C]], ['valueW', [C, 1]], ['valueB', [1]], ['rewardW', [C, 1]], ['rewardB', [1]]);
  return shapes;
}

