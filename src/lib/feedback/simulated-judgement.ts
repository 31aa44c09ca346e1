// A simulated labeler at work: from the settings a person picks on screen to a SimulatedLabeler,
// and from K completions of a prompt to the ranking Judgement that labeler gives. Pure: the
// caller supplies the random stream and the clock, so a run with the same seed is the same run.
import type { CompletionRecord, Judgement } from './judgement';
import { happyEndingScorer } from './happy-ending-scorer';
import { kindnessScorer } from './kindness-scorer';
import {
  keywordScorer, lengthScorer, makeLabeler, rankOf, sentimentScorer, type LabelerMode, type Scorer, type SimulatedLabeler,
} from './labelers';
import { topicScorer } from './topic-scorer';
import { makeRng, type Rng } from '../util/rng';
import { seeds } from '../util/seeds';

export const SCORER_KINDS = ['sentiment', 'shorter', 'longer', 'keyword', 'kindness', 'happy-ending', 'topic'] as const;
export type ScorerKind = (typeof SCORER_KINDS)[number];

/** What the simulated-labeler form holds. */
export interface SimulatedLabelerSettings {
  /**
   * What it likes: positive sentiment (VADER), shorter or longer texts, given words, or (for the
   * story world) kind characters, a happy ending, or stories about the topic.
   */
  scorer: ScorerKind;
  /** Comma-separated words, for the keyword scorer. */
  keywords: string;
  /** Prefer completions that contain the words, or that avoid them. */
  keywordMode: 'include' | 'avoid';
  /** The animal or thing the topic scorer wants stories about ("dog", "kite"). */
  topic: string;
  /** honest; or a troll: 'inverted' (prefers what it should not) or 'random' (ignores the texts). */
  mode: LabelerMode;
  /** Chance of swapping each neighbouring pair of its ranking, 0..0.5. */
  noise: number;
}

export const DEFAULT_SIMULATED_LABELER: SimulatedLabelerSettings = {
  scorer: 'sentiment', keywords: 'happy, kind', keywordMode: 'include', topic: 'dog', mode: 'honest', noise: 0.1,
};

/** What a simulated labeler likes, from its settings. */
export function scorerOf(s: Pick<SimulatedLabelerSettings, 'scorer' | 'keywords' | 'keywordMode' | 'topic'>): Scorer {
  switch (s.scorer) {
    case 'sentiment': return sentimentScorer;
    case 'shorter':
    case 'longer': return lengthScorer(s.scorer);
    case 'keyword': return keywordScorer(s.keywords.split(','), s.keywordMode);
    case 'kindness': return kindnessScorer;
    case 'happy-ending': return happyEndingScorer;
    // Settings stored before the topic existed have none: topicScorer refuses an empty one.
    case 'topic': return topicScorer(typeof s.topic === 'string' ? s.topic : '');
    default: throw new Error(`Unknown scorer "${(s as { scorer: unknown }).scorer}"`);
  }
}

/** The labeler the settings describe; its name (stored with every judgement) says what it does. */
export function labelerFromSettings(s: SimulatedLabelerSettings): SimulatedLabeler {
  const scorer = scorerOf(s);
  const what = s.mode === 'random' ? 'random' : `${s.mode === 'inverted' ? 'inverted ' : ''}${scorer.name}`;
  const name = `simulated: ${s.mode === 'honest' ? '' : 'troll, '}${what}${s.noise ? `, ${Math.round(s.noise * 100)}% noise` : ''}`;
  return makeLabeler(scorer, s.noise, s.mode, name);
}

export interface LabelingBatch {
  prompt: string;
  promptIds: number[];
  completions: CompletionRecord[];
}

/**
 * The labeler's ranking of a batch, as a judgement ready to store. It reads what a person would
 * read: the prompt followed by each completion.
 */
export function simulatedJudgement(labeler: SimulatedLabeler, batch: LabelingBatch, rng: Rng, now: Date = new Date()): Judgement {
  if (batch.completions.length < 2) throw new Error(`A ranking needs at least 2 completions, but got ${batch.completions.length}`);
  const ranks = rankOf(labeler, batch.completions.map((c) => batch.prompt + c.text), rng);
  return {
    createdAt: now.toISOString(),
    labeler: labeler.name,
    labelerKind: 'simulated',
    prompt: batch.prompt,
    promptIds: [...batch.promptIds],
    completions: batch.completions.map((c) => ({ text: c.text, ids: [...c.ids], source: { ...c.source } })),
    feedback: { kind: 'ranking', ranks },
  };
}

/**
 * A simulated labeler's judgements of one RL round's batches, in batch order, from one random
 * stream seeded by the round: the app's main thread and the headless experiment answer alike.
 */
export function simulatedRoundJudgements(labeler: SimulatedLabeler, round: number, batches: LabelingBatch[], now: () => Date = () => new Date()): Judgement[] {
  const rng = makeRng(seeds.roundLabeler(round, batches.length));
  return batches.map((b) => simulatedJudgement(labeler, b, rng, now()));
}
