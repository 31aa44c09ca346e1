// Troll detection (BlenderBot 3): each labeler's judgements are checked against a reward model
// trained on everyone else's. An honest labeler agrees with the crowd well above chance; one who
// answers at random sits near 0.5, one who answers inverted sits below it.

export interface AgreementScore {
  labeler: string;
  /** Pairwise agreement with the others' reward model, 0..1 (NaN: no comparisons). */
  agreement: number;
  comparisons: number;
}

/**
 * Flags labelers far below the rest: under `floor` (chance level by default), or more than `gap`
 * below the median of the other labelers' agreement.
 */
export function flagLowAgreement(scores: AgreementScore[], gap = 0.2, floor = 0.5): boolean[] {
  return scores.map((s, i) => {
    if (!Number.isFinite(s.agreement) || s.comparisons === 0) return false;
    const others = scores.filter((o, j) => j !== i && Number.isFinite(o.agreement) && o.comparisons > 0).map((o) => o.agreement).sort((a, b) => a - b);
    if (s.agreement < floor) return true;
    if (!others.length) return false;
    const mid = others.length / 2;
    const median = others.length % 2 ? others[Math.floor(mid)] : (others[mid - 1] + others[mid]) / 2;
    return s.agreement < median - gap;
  });
}
