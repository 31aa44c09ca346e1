// A held-out split of judgements, chosen by a seeded shuffle so a run can be repeated.
import { makeRng, shuffledIndices } from '../util/rng';

/**
 * Splits items into train and held-out. With two or more items, at least one is held out (so
 * there is always an accuracy to show) and at least one is trained on.
 */
export function heldoutSplit<T>(items: T[], fraction: number, seed: number): { train: T[]; heldout: T[] } {
  if (!(fraction >= 0 && fraction <= 0.5)) throw new Error(`Expected a held-out fraction in 0..0.5, but got ${fraction}`);
  const order = shuffledIndices(items.length, makeRng(seed));
  let n = Math.min(Math.round(items.length * fraction), Math.max(items.length - 1, 0));
  if (fraction > 0 && items.length >= 2) n = Math.max(n, 1);
  const held = new Set(order.slice(0, n));
  return { train: items.filter((_, i) => !held.has(i)), heldout: items.filter((_, i) => held.has(i)) };
}
