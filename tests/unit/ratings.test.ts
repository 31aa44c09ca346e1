import { describe, expect, it } from 'vitest';
import { ELO_PER_NAT, fitRatings, type GameResult } from '../../src/lib/rlhf/ratings';
import { sigmoid } from '../../src/lib/rlhf/bradley-terry';

/** wins for a over b, then losses, then ties. */
function record(a: number, b: number, wins: number, losses: number, ties = 0): GameResult[] {
  return [
    ...Array.from({ length: wins }, () => ({ a, b, scoreA: 1 as const })),
    ...Array.from({ length: losses }, () => ({ a, b, scoreA: 0 as const })),
    ...Array.from({ length: ties }, () => ({ a, b, scoreA: 0.5 as const })),
  ];
}

describe('Bradley–Terry ratings on the Elo scale', () => {
  it('puts a 3–1 record 400·log10 3 = 190.85 apart without the prior, mean 0', () => {
    const [a, b] = fitRatings(2, record(0, 1, 3, 1), { priorTies: 0 });
    expect(a.elo - b.elo).toBeCloseTo(400 * Math.log10(3), 9); // 190.8485019
    expect(a.elo).toBeCloseTo(95.4242509, 6);
    expect(a.elo + b.elo).toBeCloseTo(0, 9);
    expect([a.games, b.games]).toEqual([4, 4]);
  });

  it('has the hand-worked interval without the prior: se = 173.72·√(1/3) = 100.296', () => {
    // θ_a − θ_b = ln 3, p = 3/4: information 4·p(1 − p) = 0.75; var(θ_a − mean) = var(diff)/4 = 1/3
    const [a, b] = fitRatings(2, record(0, 1, 3, 1), { priorTies: 0 });
    expect(a.se).toBeCloseTo(ELO_PER_NAT * Math.sqrt(1 / 3), 6);
    expect(b.se).toBeCloseTo(a.se, 9);
    expect(a.high - a.elo).toBeCloseTo(1.96 * 100.2960, 2);
    expect(a.low).toBeCloseTo(a.elo - 1.96 * a.se, 9);
  });

  it('with the default prior (one virtual tie each against θ = 0) solves the hand-worked stationarity', () => {
    // Symmetric, θ_a = −θ_b = x. Score of a: 3 − 4σ(2x) + ½ − σ(x) = 0, i.e. 4σ(2x) + σ(x) = 3.5.
    // With u = e^x: 4u²/(1 + u²) + u/(1 + u) = 3.5 ⇔ 3u³ + u² − 5u − 7 = 0; bisection: u = 1.6071195,
    // x = 0.4744435, difference 2x·400/ln 10 = 164.8385 (shrunk from 190.85 by the two virtual ties).
    const [a, b] = fitRatings(2, record(0, 1, 3, 1));
    const x = a.elo / ELO_PER_NAT;
    const u = Math.exp(x);
    expect(3 * u ** 3 + u * u - 5 * u - 7).toBeCloseTo(0, 9);
    expect(4 * sigmoid(2 * x) + sigmoid(x)).toBeCloseTo(3.5, 10);
    expect(a.elo - b.elo).toBeCloseTo(164.8385381, 5);
    expect(a.elo + b.elo).toBeCloseTo(0, 9);
    // information per player: 4p(1 − p) + q(1 − q) on the diagonal, −4p(1 − p) off it (p = σ(2x), q = σ(x));
    // var(θ_a − mean) = 1/(2·(8p(1 − p) + q(1 − q))) = 0.2708413, se = 173.72·0.5204242 = 90.4069
    const [p, q] = [sigmoid(2 * x), sigmoid(x)];
    expect(a.se).toBeCloseTo(ELO_PER_NAT * Math.sqrt(1 / (2 * (8 * p * (1 - p) + q * (1 - q)))), 6);
    expect(a.se).toBeCloseTo(90.4069, 3);
  });

  it('gives equal ratings to symmetric records', () => {
    const even = fitRatings(2, record(0, 1, 2, 2));
    expect(even.map((r) => r.elo)).toEqual([expect.closeTo(0, 9), expect.closeTo(0, 9)]);
    const cycle = fitRatings(3, [...record(0, 1, 2, 1), ...record(1, 2, 2, 1), ...record(2, 0, 2, 1)], { priorTies: 0 });
    cycle.forEach((r) => expect(r.elo).toBeCloseTo(0, 9));
    cycle.forEach((r) => expect(r.se).toBeCloseTo(cycle[0].se, 9));
    fitRatings(3, [...record(0, 1, 0, 0, 3), ...record(1, 2, 0, 0, 1)]).forEach((r) => expect(r.elo).toBeCloseTo(0, 9));
  });

  it('shrinks the interval with more games: 30–10 has the same MLE and se/√10', () => {
    const [few] = fitRatings(2, record(0, 1, 3, 1), { priorTies: 0 });
    const [many] = fitRatings(2, record(0, 1, 30, 10), { priorTies: 0 });
    expect(many.elo).toBeCloseTo(few.elo, 9);
    expect(many.se).toBeCloseTo(few.se / Math.sqrt(10), 9);
    const [fewP] = fitRatings(2, record(0, 1, 3, 1));
    const [manyP] = fitRatings(2, record(0, 1, 30, 10));
    expect(manyP.high - manyP.low).toBeLessThan(fewP.high - fewP.low);
    expect(manyP.elo).toBeGreaterThan(fewP.elo); // the prior's pull fades as games accumulate
    expect(manyP.elo).toBeLessThan(few.elo);
  });

  it('keeps an unbeaten player finite with the prior and refuses the plain MLE for it', () => {
    const [a, b] = fitRatings(2, record(0, 1, 5, 0));
    expect(Number.isFinite(a.elo) && a.elo > 0 && b.elo < 0).toBe(true);
    expect(() => fitRatings(2, record(0, 1, 5, 0), { priorTies: 0 })).toThrow(/player 1 cannot be ranked .* priorTies > 0/);
    // two groups that never met: only the prior ties them together
    expect(() => fitRatings(4, [...record(0, 1, 1, 1), ...record(2, 3, 1, 1)], { priorTies: 0 })).toThrow(/player 2/);
    fitRatings(4, [...record(0, 1, 2, 1), ...record(2, 3, 2, 1)]).forEach((r) => expect(Number.isFinite(r.se)).toBe(true));
  });

  it('orders a transitive tournament and keeps the mean at 0', () => {
    const r = fitRatings(3, [...record(0, 1, 3, 1), ...record(1, 2, 3, 1), ...record(0, 2, 4, 0)]);
    expect(r[0].elo).toBeGreaterThan(r[1].elo);
    expect(r[1].elo).toBeGreaterThan(r[2].elo);
    expect(r.reduce((s, x) => s + x.elo, 0)).toBeCloseTo(0, 9);
  });

  it('refuses bad games and options, naming them', () => {
    expect(() => fitRatings(2, [{ a: 0, b: 0, scoreA: 1 }])).toThrow(/different players in game 0, but got 0 twice/);
    expect(() => fitRatings(2, [{ a: 0, b: 2, scoreA: 1 }])).toThrow(/b of game 0 to be a player 0..1, but got 2/);
    expect(() => fitRatings(2, [{ a: 0, b: 1, scoreA: 0.7 as never }])).toThrow(/scoreA of game 0 .* got 0.7/);
    expect(() => fitRatings(0, [])).toThrow(/players .* >= 1, but got 0/);
    expect(() => fitRatings(2, [], { priorTies: -1 })).toThrow(/priorTies .* got -1/);
  });
});
