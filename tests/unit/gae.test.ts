import { describe, expect, it } from 'vitest';
import { gae } from '../../src/lib/rlhf/gae';

const close = (got: number[][], want: number[][]) => got.flat().forEach((g, i) => expect(g).toBeCloseTo(want.flat()[i], 10));

describe('generalised advantage estimation', () => {
  const rewards = [[0, 0, 1]];
  const values = [[0.5, 0.6, 0.7]];
  const mask = [[1, 1, 1]];

  it('works backwards with γ = 1, λ = 0.95', () => {
    // t=2: δ = 1 + 0 − 0.7 = 0.3;          A = 0.3;                       R = 0.3 + 0.7 = 1
    // t=1: δ = 0 + 0.7 − 0.6 = 0.1;        A = 0.1 + 0.95·0.3 = 0.385;     R = 0.985
    // t=0: δ = 0 + 0.6 − 0.5 = 0.1;        A = 0.1 + 0.95·0.385 = 0.46575; R = 0.96575
    const { advantages, returns } = gae(rewards, values, mask, 1, 0.95);
    close(advantages, [[0.46575, 0.385, 0.3]]);
    close(returns, [[0.96575, 0.985, 1]]);
  });

  it('works backwards with γ = 0.9, λ = 0.95 (γλ = 0.855)', () => {
    // t=2: δ = 1 − 0.7 = 0.3;              A = 0.3;                              R = 1
    // t=1: δ = 0.9·0.7 − 0.6 = 0.03;       A = 0.03 + 0.855·0.3 = 0.2865;         R = 0.8865
    // t=0: δ = 0.9·0.6 − 0.5 = 0.04;       A = 0.04 + 0.855·0.2865 = 0.2849575;   R = 0.7849575
    const { advantages, returns } = gae(rewards, values, mask, 0.9, 0.95);
    close(advantages, [[0.2849575, 0.2865, 0.3]]);
    close(returns, [[0.7849575, 0.8865, 1]]);
  });

  it('with λ = 1 the returns are the discounted rewards-to-go, with λ = 0 the advantages are the TD errors', () => {
    // γ = 0.9: R_0 = 0.9²·1 = 0.81, R_1 = 0.9, R_2 = 1 (Monte Carlo, values cancel)
    close(gae(rewards, values, mask, 0.9, 1).returns, [[0.81, 0.9, 1]]);
    close(gae(rewards, values, mask, 0.9, 0).advantages, [[0.04, 0.03, 0.3]]);
  });

  it('gives 0 at masked positions and never bootstraps from their values', () => {
    // the padding's value 9 and reward 5 are ignored: the row is the γ = 1 case above
    const padded = gae([[0, 0, 1, 5]], [[0.5, 0.6, 0.7, 9]], [[1, 1, 1, 0]], 1, 0.95);
    close(padded.advantages, [[0.46575, 0.385, 0.3, 0]]);
    close(padded.returns, [[0.96575, 0.985, 1, 0]]);
    // a masked prompt token in front is skipped too
    const late = gae([[7, 0, 0, 1]], [[3, 0.5, 0.6, 0.7]], [[0, 1, 1, 1]], 1, 0.95);
    close(late.advantages, [[0, 0.46575, 0.385, 0.3]]);
  });

  it('treats each row as its own episode', () => {
    const { advantages } = gae([[0, 0, 1], [2, 0, 0]], [[0.5, 0.6, 0.7], [0, 0, 0]], [[1, 1, 1], [1, 0, 0]], 1, 0.95);
    close(advantages, [[0.46575, 0.385, 0.3], [2, 0, 0]]);
  });

  it('refuses mismatched shapes and γ, λ outside 0..1', () => {
    expect(() => gae(rewards, [[0, 0]], mask, 1, 1)).toThrow(/rewards and values rows .* 3 and 2/);
    expect(() => gae(rewards, values, mask, 1.5, 1)).toThrow(/gamma .* 1.5/);
    expect(() => gae(rewards, values, mask, 1, -0.1)).toThrow(/lambda .* -0.1/);
  });
});
