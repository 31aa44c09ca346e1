import { describe, expect, it } from 'vitest';
import { AdaptiveKLController, FixedKLController } from '../../src/lib/rlhf/adaptive-kl';

describe('adaptive KL controller', () => {
  it('raises β when KL is above target, by at most 20% of n/horizon', () => {
    const c = new AdaptiveKLController(0.2, 6, 10000);
    c.update(9, 256);
    // error = clip(9/6 − 1 = 0.5, −0.2, 0.2) = 0.2; mult = 1 + 0.2·256/10000 = 1.00512; β = 0.2·1.00512 = 0.201024
    expect(c.value).toBeCloseTo(0.201024, 12);
    c.update(9, 256);
    // compounding: 0.201024·1.00512 = 0.20205324288
    expect(c.value).toBeCloseTo(0.20205324288, 12);
  });

  it('lowers β in proportion when KL is below target', () => {
    const c = new AdaptiveKLController(0.2, 6, 10000);
    c.update(5.4, 256);
    // error = 5.4/6 − 1 = −0.1 (inside the clip); mult = 1 − 0.1·256/10000 = 0.99744; β = 0.199488
    expect(c.value).toBeCloseTo(0.199488, 12);
    const d = new AdaptiveKLController(0.2, 6, 10000);
    d.update(0, 256);
    // error = clip(−1) = −0.2; mult = 1 − 0.00512 = 0.99488; β = 0.198976
    expect(d.value).toBeCloseTo(0.198976, 12);
  });

  it('leaves β alone at the target or with no steps', () => {
    const c = new AdaptiveKLController(0.2, 6, 10000);
    c.update(6, 256);
    c.update(100, 0);
    expect(c.value).toBe(0.2);
  });

  it('refuses a target or horizon that is not positive, and a non-finite KL', () => {
    expect(() => new AdaptiveKLController(0.2, 0, 10000)).toThrow(/target .* got 0/);
    expect(() => new AdaptiveKLController(0.2, 6, -1)).toThrow(/horizon .* got -1/);
    expect(() => new AdaptiveKLController(-0.1, 6, 1)).toThrow(/initial KL coefficient .* got -0.1/);
    expect(() => new AdaptiveKLController(0.2, 6, 1).update(NaN, 1)).toThrow(/finite current KL/);
  });
});

describe('fixed KL controller', () => {
  it('keeps its value whatever the KL', () => {
    const c = new FixedKLController(0.05);
    c.update();
    expect(c.value).toBe(0.05);
    expect(() => new FixedKLController(-1)).toThrow(/got -1/);
  });
});
