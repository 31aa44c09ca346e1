// The Bradley–Terry model in plain numbers (bradley-terry.ts has the tensor losses): no tfjs, so
// the page can rate a tournament with it (ratings.ts) without loading the engine.

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** −log σ(r_c − r_r − m) for one pair, in plain numbers. */
export function bradleyTerryLossValue(rChosen: number, rRejected: number, margin = 0): number {
  const d = rChosen - rRejected - margin;
  return d > 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d));
}

/** d/dr_chosen of the loss; d/dr_rejected is its negative. */
export function bradleyTerryGradChosen(rChosen: number, rRejected: number, margin = 0): number {
  return -(1 - sigmoid(rChosen - rRejected - margin));
}

/** Fraction of pairs the rewards order as the labels do; an exact tie counts as half right. */
export function pairwiseAccuracy(chosenRewards: number[], rejectedRewards: number[]): number {
  if (chosenRewards.length !== rejectedRewards.length) throw new Error('Expected as many chosen as rejected rewards');
  if (chosenRewards.length === 0) return NaN;
  let right = 0;
  chosenRewards.forEach((c, i) => {
    right += c > rejectedRewards[i] ? 1 : c === rejectedRewards[i] ? 0.5 : 0;
  });
  return right / chosenRewards.length;
}
