// How often a reward model orders a person's ranked pairs the way the person did.
import { rankingToPairs } from '../../lib/feedback/pairs';

export function rankingAgreement(ranks: number[], rewards: number[]): { agree: number; pairs: number } {
  const pairs = rankingToPairs(ranks);
  const agree = pairs.filter((p) => rewards[p.chosen] > rewards[p.rejected]).length;
  return { agree, pairs: pairs.length };
}
