// A judgement: one thing a person (or a simulated labeler) said about the completions of one
// prompt. It is what the app stores, exports and trains the reward model on; everything the
// reward model learns from is derived from it (judgement-group.ts), never stored twice.
import type { ABStrength } from './pairs';

/** How a completion was made, so a judgement can be traced to the model and settings behind it. */
export type CompletionSource =
  | {
      kind: 'sample';
      /** Name of the model that wrote it, and its stored checkpoint id when it has one. */
      model: string;
      checkpointId?: number;
      temperature: number;
      topK: number;
      topP: number;
      maxTokens: number;
      seed: number;
    }
  /** Written by the person, rewriting completion `from` of the same judgement. */
  | { kind: 'edit'; from: number }
  /** Read from an imported file. */
  | { kind: 'import'; file: string };

export interface CompletionRecord {
  /** The completion alone, without the prompt. */
  text: string;
  /** Its token ids (no BOS/EOS). */
  ids: number[];
  source: CompletionSource;
}

/**
 * What was said. Completion indices refer to the judgement's `completions`.
 * - ranking: ranks[i] is the place of completion i (1 = best); equal ranks are ties.
 * - ab: completions a and b side by side; `better` is 'a', 'b' or null for "same"; the strength
 *   becomes a Bradley–Terry margin (pairs.ts), `margin` keeps the number used.
 * - thumbs: up or down on one completion: a pointwise logistic term, not pairs (see judgement-group.ts).
 * - edit: completion `edited` is the person's rewrite of completion `original`, preferred over it.
 * - all-bad: every completion is bad: a thumbs down on each.
 */
export type Feedback =
  | { kind: 'ranking'; ranks: number[] }
  | { kind: 'ab'; a: number; b: number; better: 'a' | 'b' | null; strength: ABStrength; margin: number }
  | { kind: 'thumbs'; index: number; up: boolean }
  | { kind: 'edit'; original: number; edited: number }
  | { kind: 'all-bad' };

export type FeedbackKind = Feedback['kind'];

export interface Judgement {
  /** Set by the store. */
  id?: number;
  /** ISO time the judgement was made. */
  createdAt: string;
  /** Who said it: the name the person set, or a simulated labeler's name. */
  labeler: string;
  labelerKind: 'person' | 'simulated' | 'import';
  prompt: string;
  promptIds: number[];
  completions: CompletionRecord[];
  feedback: Feedback;
}
