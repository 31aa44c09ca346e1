// One line saying what a stored judgement said, for tables.
import type { Judgement } from '../../lib/feedback/judgement';

/** Completion numbers best first: "2 > 1 = 4 > 3". */
export function rankingOrder(ranks: number[]): string {
  const order = ranks.map((r, i) => ({ r, i })).sort((x, y) => x.r - y.r || x.i - y.i);
  return order.map((o, k) => `${k === 0 ? '' : o.r === order[k - 1].r ? ' = ' : ' > '}${o.i + 1}`).join('');
}

export function feedbackSummary(j: Judgement): string {
  const f = j.feedback;
  switch (f.kind) {
    case 'ranking': return `ranking ${rankingOrder(f.ranks)}`;
    case 'ab': return f.better === null ? 'A/B: same' : `A/B: ${f.better.toUpperCase()} ${f.strength}`;
    case 'thumbs': return f.up ? 'thumbs up' : 'thumbs down';
    case 'edit': return 'edit preferred over the original';
    case 'all-bad': return `all ${j.completions.length} bad`;
  }
}
