// Do the story labelers read what the story world meant? Each story's traits were chosen before it
// was written, so a labeler that reads only the text can be scored against them: the share of
// (kind, unkind) story pairs it orders correctly (AUC, a tie counting half) and the accuracy of its
// best threshold. The same labeler against the other traits says how much it is fooled by them
// (a kindness labeler that follows the ending would score well on "happy" too).
import type { StoryTraits, WrittenStory } from '../storyworld/traits';
import { happyEndingScorer } from './happy-ending-scorer';
import { kindnessScorer } from './kindness-scorer';
import { lengthScorer, sentimentScorer, type Scorer } from './labelers';
import { topicScorer } from './topic-scorer';

export const TRAITS = ['kindness', 'ending', 'bravery', 'honesty', 'topic'] as const;
export type Trait = (typeof TRAITS)[number];
type TwoWayTrait = Exclude<Trait, 'topic'>;

/** The value of each two-way trait a higher score should mean. */
const POSITIVE: Record<TwoWayTrait, string> = { kindness: 'kind', ending: 'happy', bravery: 'brave', honesty: 'honest' };

export interface Agreement {
  /** P(score of a positive story > score of a negative one), ties ½. 0.5: blind; 1: perfect. */
  auc: number;
  /** Accuracy of the best threshold "positive when score > t" (balanced accuracy for topics). */
  accuracy: number;
  positives: number;
  negatives: number;
}

/** AUC by ranks (Mann–Whitney), ties sharing their mean rank. */
export function auc(pos: readonly number[], neg: readonly number[]): number {
  if (!pos.length || !neg.length) throw new Error('AUC needs stories of both kinds');
  const all = [...pos.map((s) => ({ s, p: true })), ...neg.map((s) => ({ s, p: false }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j].s === all[i].s) j++;
    const mean = (i + 1 + j) / 2; // ranks i+1..j
    for (let k = i; k < j; k++) if (all[k].p) rankSum += mean;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** The best accuracy of one threshold (score > t means positive); balanced: the mean of both recalls. */
export function bestThresholdAccuracy(pos: readonly number[], neg: readonly number[], balanced = false): number {
  const all = [...pos.map((s) => ({ s, p: true })), ...neg.map((s) => ({ s, p: false }))].sort((a, b) => a.s - b.s);
  const accuracyAt = (posAbove: number, negBelow: number) =>
    balanced ? (posAbove / pos.length + negBelow / neg.length) / 2 : (posAbove + negBelow) / all.length;
  // Threshold below every score: all called positive. Then move it past one distinct score at a time.
  let posAbove = pos.length;
  let negBelow = 0;
  let best = accuracyAt(posAbove, negBelow);
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j].s === all[i].s) {
      if (all[j].p) posAbove--;
      else negBelow++;
      j++;
    }
    best = Math.max(best, accuracyAt(posAbove, negBelow));
    i = j;
  }
  return best;
}

function agreement(pos: number[], neg: number[], balanced = false): Agreement | null {
  if (!pos.length || !neg.length) return null;
  return { auc: auc(pos, neg), accuracy: bestThresholdAccuracy(pos, neg, balanced), positives: pos.length, negatives: neg.length };
}

/** Agreement of per-story scores with a two-way trait, over the stories that have it; null if one side is empty. */
export function traitAgreement(traits: readonly StoryTraits[], scores: readonly number[], trait: TwoWayTrait): Agreement | null {
  const pos: number[] = [];
  const neg: number[] = [];
  traits.forEach((t, i) => {
    const v = t[trait];
    if (v === null) return;
    (v === POSITIVE[trait] ? pos : neg).push(scores[i]);
  });
  return agreement(pos, neg);
}

export interface LabelerRow {
  labeler: string;
  /** The trait it is meant to read, or null for a baseline. */
  target: Trait | null;
  agreement: Record<Trait, Agreement | null>;
}

function rowOf(labeler: string, target: Trait | null, traits: readonly StoryTraits[], scores: readonly number[]): LabelerRow {
  const a = {} as Record<Trait, Agreement | null>;
  for (const t of TRAITS) a[t] = t === 'topic' ? null : traitAgreement(traits, scores, t);
  return { labeler, target, agreement: a };
}

/** Means of agreements weighted by their stories (for the family of topic labelers). */
function meanAgreement(parts: Array<{ a: Agreement | null; weight: number }>): Agreement | null {
  const ok = parts.filter((p): p is { a: Agreement; weight: number } => p.a !== null);
  const w = ok.reduce((s, p) => s + p.weight, 0);
  if (!ok.length || !w) return null;
  const mean = (f: (a: Agreement) => number) => ok.reduce((s, p) => s + p.weight * f(p.a), 0) / w;
  return { auc: mean((a) => a.auc), accuracy: mean((a) => a.accuracy), positives: Math.round(mean((a) => a.positives)), negatives: Math.round(mean((a) => a.negatives)) };
}

/**
 * The topic labeler is one labeler per topic word: for each topic with at least `minStories`
 * stories, "about T" scores every story, stories about T against the rest. Its row holds the means
 * over topics, weighted by their stories; topic accuracy is balanced (few stories share a topic).
 */
export function topicRow(stories: readonly WrittenStory[], minStories = 5): LabelerRow & { topics: number } {
  const counts = new Map<string, number>();
  for (const s of stories) counts.set(s.traits.topic, (counts.get(s.traits.topic) ?? 0) + 1);
  const topics = [...counts].filter(([, n]) => n >= minStories && n < stories.length);
  const traits = stories.map((s) => s.traits);
  const parts = topics.map(([topic, n]) => {
    const scorer = topicScorer(topic);
    const scores = stories.map((s) => scorer.score(s.text));
    const pos = scores.filter((_, i) => traits[i].topic === topic);
    const neg = scores.filter((_, i) => traits[i].topic !== topic);
    return { row: rowOf(scorer.name, 'topic', traits, scores), topic: agreement(pos, neg, true), weight: n };
  });
  const a = {} as Record<Trait, Agreement | null>;
  for (const t of TRAITS) a[t] = meanAgreement(parts.map((p) => ({ a: t === 'topic' ? p.topic : p.row.agreement[t], weight: p.weight })));
  return { labeler: 'topic', target: 'topic', agreement: a, topics: topics.length };
}

/** The story labelers, VADER on the whole text and a length baseline, each against every trait. */
export function validateStoryLabelers(stories: readonly WrittenStory[], minTopicStories = 5): LabelerRow[] {
  const traits = stories.map((s) => s.traits);
  const single = (scorer: Scorer, labeler: string, target: Trait | null) => rowOf(labeler, target, traits, stories.map((s) => scorer.score(s.text)));
  return [
    single(kindnessScorer, 'kindness', 'kindness'),
    single(happyEndingScorer, 'happy-ending', 'ending'),
    topicRow(stories, minTopicStories),
    single(sentimentScorer, 'sentiment (VADER, whole text)', null),
    single(lengthScorer('longer'), 'longer (length baseline)', null),
  ];
}
