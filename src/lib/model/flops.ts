// Matrix-multiply FLOPs of one train step, counted from the config: what `npm run bench` divides
// by the step's time to say how much of the hardware a step uses. Per token and layer, forward:
// the q/k/v, output, and two MLP projections (2·C·3C + 2·C·C + 2·C·4C + 2·4C·C = 24·C²); the
// attention scores and their product with the values (2·T·C each, over the full window); and the
// tied output head (2·C·V). The embedding is a lookup (no FLOPs). Backward costs twice the
// forward (each product has two gradient products). Elementwise work is not counted.
import type { GPTConfig } from './config';

export function forwardMatmulFlops(c: GPTConfig, batch: number, T = c.blockSize): number {
  const N = batch * T;
  const perLayer = 24 * N * c.nEmbd * c.nEmbd + 4 * batch * T * T * c.nEmbd;
  return c.nLayer * perLayer + 2 * N * c.nEmbd * c.vocabSize;
}

export function trainStepFlops(c: GPTConfig, batch: number, T = c.blockSize): number {
  return 3 * forwardMatmulFlops(c, batch, T);
}
