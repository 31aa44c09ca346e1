// A judgement as the reward model reads it: the K completions' ids, the Bradley–Terry pairs the
// person's answer implies and any pointwise thumbs. Derived on demand, never stored.
// The ids a judgement stored were made by whichever tokenizer was in use when it was made (or by
// an importer); given the reward model's tokenizer, the prompt and completions are encoded again
// from their texts, so a judgement made under the character-level starter still trains a reward
// model on a BPE one, and an imported file is read in the model's own tokens.
import type { PairIndex } from './pairs';
import { rankingToPairs } from './pairs';
import type { Judgement } from './judgement';
import type { Tokenizer } from '../model/tokenizer';

/** One judgement's training data: a prompt, its K completions, the pairs it implies, any thumbs. */
export interface ComparisonGroup {
  promptIds: number[];
  completions: number[][];
  pairs: PairIndex[];
  /** Thumbs up (true) or down on single completions: a pointwise logistic term. */
  thumbs: Array<{ index: number; up: boolean }>;
}

export function judgementToGroup(j: Judgement, tokenizer?: Tokenizer): ComparisonGroup {
  const k = j.completions.length;
  const index = (name: string, i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= k) throw new Error(`feedback.${name} is ${i}, not a completion index (0 to ${k - 1})`);
    return i;
  };
  const distinct = (x: string, y: string, a: number, b: number) => {
    if (a === b) throw new Error(`feedback.${x} and feedback.${y} are both completion ${a}`);
  };
  const f = j.feedback;
  let pairs: PairIndex[] = [];
  let thumbs: ComparisonGroup['thumbs'] = [];
  switch (f.kind) {
    case 'ranking':
      if (f.ranks.length !== k) throw new Error(`feedback.ranks has ${f.ranks.length} ranks for ${k} completions`);
      pairs = rankingToPairs(f.ranks);
      break;
    case 'ab': {
      const a = index('a', f.a);
      const b = index('b', f.b);
      distinct('a', 'b', a, b);
      if (f.better !== null) {
        const [chosen, rejected] = f.better === 'a' ? [a, b] : [b, a];
        pairs = [{ chosen, rejected, margin: f.margin }];
      }
      break;
    }
    case 'edit': {
      const original = index('original', f.original);
      const edited = index('edited', f.edited);
      distinct('original', 'edited', original, edited);
      pairs = [{ chosen: edited, rejected: original, margin: 0 }];
      break;
    }
    case 'thumbs':
      // Pointwise "good"/"bad": the person did not compare it with its siblings, so no pairs.
      thumbs = [{ index: index('index', f.index), up: f.up }];
      break;
    case 'all-bad':
      thumbs = j.completions.map((_, i) => ({ index: i, up: false }));
      break;
    default:
      throw new Error(`Unknown feedback kind "${(f as { kind: unknown }).kind}"`);
  }
  if (tokenizer) return { promptIds: tokenizer.encode(j.prompt), completions: j.completions.map((c) => tokenizer.encode(c.text)), pairs, thumbs };
  return { promptIds: j.promptIds, completions: j.completions.map((c) => c.ids), pairs, thumbs };
}

/** Bradley–Terry pairs the judgement gives (thumbs give none). */
export function comparisonCount(j: Judgement): number {
  return judgementToGroup(j).pairs.length;
}
