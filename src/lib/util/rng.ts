// A small seeded PRNG (mulberry32). tf.multinomial and tf.random* are not reproducible across
// backends here (see shared notes), so every random draw in the engine comes from this.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function makeRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`Expected a finite seed, but got ${seed}`);
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next(); // (0, 1], keeps log finite
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** Shuffles items in place (Fisher–Yates, from the end) with the seeded rng; returns them. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** 0..n-1 in a seeded random order. */
export const shuffledIndices = (n: number, rng: Rng): number[] => shuffleInPlace(Array.from({ length: n }, (_, i) => i), rng);

/** n items of the pool in a seeded random order, cycling through the pool when it is smaller. */
export function drawCycling<T>(pool: readonly T[], n: number, rng: Rng): T[] {
  if (!pool.length) throw new Error('Expected at least one item in the pool to draw from');
  const out: T[] = [];
  let order: number[] = [];
  while (out.length < n) {
    if (!order.length) order = shuffledIndices(pool.length, rng);
    out.push(pool[order.pop()!]);
  }
  return out;
}
