// One person labeling: the K completions on screen, the ranking being built, the A/B slider, and
// every kind of feedback turned into a Judgement. A judgement is stored (and committed) before the
// screen acknowledges it or moves on to the next prompt.
import type { CompletionRecord, Feedback, Judgement } from '../../lib/feedback/judgement';
import { AB_STRENGTHS, strengthToMargin } from '../../lib/feedback/pairs';
import { charTokenizer } from '../../lib/model/tokenizer';
import type { LabelSampleRequest } from '../../lib/worker/protocol';
import type { FeedbackState } from '../state/feedback-state.svelte';
import type { LabelSamples, RewardState } from '../state/reward-state.svelte';

/** One pick of the ranking: completion `index`, tied with the pick before it or not. */
export interface Pick { index: number; tied: boolean }

/** The A/B slider's stops, left to right: -3 "A much better" .. 0 "same" .. 3 "B much better". */
export const AB_MAX = AB_STRENGTHS.length - 1;

export function abValueText(v: number): string {
  if (v === 0) return 'same';
  return `${v < 0 ? 'A' : 'B'} ${AB_STRENGTHS[Math.abs(v)]}`;
}

/** Ranks (1 = best, ties share a place) from picks in order of preference; 0: not picked. */
export function ranksOfPicks(picks: Pick[], k: number): number[] {
  const ranks = new Array<number>(k).fill(0);
  picks.forEach((p, place) => {
    ranks[p.index] = place > 0 && p.tied ? ranks[picks[place - 1].index] : place + 1;
  });
  return ranks;
}

// The main thread has no model, so an edit's ids are its characters'; the reward model reads every
// judgement's texts in its own tokens anyway (judgementToGroup), so these ids are a record only.
const tokenizer = charTokenizer();

export type SessionRequest = Omit<LabelSampleRequest, 'requestId'>;

export class LabelSession {
  batch = $state<LabelSamples | null>(null);
  sampling = $state(false);
  saving = $state(false);
  picks = $state<Pick[]>([]);
  /** "=" was pressed: the next pick ties with the previous one. */
  tieNext = $state(false);
  ab = $state({ a: 0, b: 1, value: 0 });
  editing = $state<number | null>(null);
  /** Thumbs given on this batch, by completion. */
  thumbs = $state<Record<number, boolean>>({});
  /** The last acknowledgement, shown (and announced) once the store has committed. */
  message = $state('');
  error = $state('');

  readonly k = $derived(this.batch?.completions.length ?? 0);
  readonly ranks = $derived(ranksOfPicks(this.picks, this.k));
  readonly busy = $derived(this.sampling || this.saving);
  readonly ready = $derived(this.batch !== null && !this.busy);

  /** Called after a judgement that ends a batch (ranking, A/B, edit, all bad) or a skip. */
  onfinished: () => void = () => {};

  constructor(private readonly reward: RewardState, private readonly feedback: FeedbackState) {}

  async load(request: SessionRequest): Promise<void> {
    this.sampling = true;
    this.error = '';
    this.editing = null;
    try {
      const batch = await this.reward.sample(request);
      this.batch = batch;
      this.picks = [];
      this.tieNext = false;
      this.thumbs = {};
      this.ab = { a: 0, b: Math.min(1, batch.completions.length - 1), value: 0 };
    } catch (e) {
      this.error = `Could not sample completions: ${(e as Error).message}`;
    } finally {
      this.sampling = false;
    }
  }

  // --- ranking ---

  pick(index: number): void {
    if (!this.ready || index < 0 || index >= this.k) return;
    if (this.picks.some((p) => p.index === index)) {
      this.error = `Completion ${index + 1} is already ranked (Backspace takes back the last pick)`;
      return;
    }
    this.error = '';
    this.picks.push({ index, tied: this.tieNext && this.picks.length > 0 });
    this.tieNext = false;
  }

  tie(): void {
    if (this.ready && this.picks.length > 0 && this.picks.length < this.k) this.tieNext = true;
  }

  unpick(): void {
    if (!this.ready) return;
    if (this.tieNext) this.tieNext = false;
    else this.picks.pop();
  }

  /** Puts completion `index` at `place` of the ranking (drag and drop); place -1: out of the ranking. */
  movePick(index: number, place: number): void {
    if (!this.ready) return;
    const rest = this.picks.filter((p) => p.index !== index);
    if (place >= 0) rest.splice(Math.min(place, rest.length), 0, { index, tied: false });
    if (rest.length) rest[0].tied = false;
    this.picks = rest;
  }

  toggleTie(place: number): void {
    if (this.ready && place > 0 && place < this.picks.length) this.picks[place].tied = !this.picks[place].tied;
  }

  async submitRanking(): Promise<void> {
    if (!this.ready) return;
    // With one completion left the order is settled: it comes last.
    if (this.picks.length === this.k - 1) {
      const last = this.ranks.findIndex((r) => r === 0);
      this.picks.push({ index: last, tied: this.tieNext });
      this.tieNext = false;
    }
    if (this.picks.length < this.k) {
      this.error = `Rank every completion first: ${this.k - this.picks.length} still to place`;
      return;
    }
    await this.save(this.judgement({ kind: 'ranking', ranks: [...this.ranks] }), true);
  }

  // --- A/B ---

  setAB(side: 'a' | 'b'): void {
    if (!this.ready) return;
    const size = Math.abs(this.ab.value) || 2;
    this.ab.value = side === 'a' ? -size : size;
  }

  async submitAB(): Promise<void> {
    if (!this.ready) return;
    const { a, b, value } = this.ab;
    if (a === b) {
      this.error = 'Choose two different completions for A and B';
      return;
    }
    const strength = AB_STRENGTHS[Math.abs(value)];
    const better = value < 0 ? 'a' : value > 0 ? 'b' : null;
    await this.save(this.judgement({ kind: 'ab', a, b, better, strength, margin: strengthToMargin(strength) }), true);
  }

  // --- single completions ---

  async thumb(index: number, up: boolean): Promise<void> {
    if (!this.ready || index < 0 || index >= this.k) return;
    const ok = await this.save(this.judgement({ kind: 'thumbs', index: 0, up }, [index]), false);
    if (ok) this.thumbs[index] = up;
  }

  startEdit(index: number): void {
    if (this.ready && index >= 0 && index < this.k) this.editing = index;
  }

  cancelEdit(): void {
    this.editing = null;
  }

  /** The rewrite is preferred over the original: one comparison. */
  async saveEdit(index: number, text: string): Promise<void> {
    if (!this.ready || !this.batch) return;
    const original = this.batch.completions[index];
    if (!text.trim()) {
      this.error = 'The edited text is empty';
      return;
    }
    if (text === original.text) {
      this.error = 'The text is unchanged: edit it, or press Escape';
      return;
    }
    const edited: CompletionRecord = { text, ids: tokenizer.encode(text), source: { kind: 'edit', from: 0 } };
    const j = this.judgement({ kind: 'edit', original: 0, edited: 1 }, [index]);
    j.completions.push(edited);
    if (await this.save(j, true)) this.editing = null;
  }

  async allBad(): Promise<void> {
    if (this.ready) await this.save(this.judgement({ kind: 'all-bad' }), true);
  }

  skip(): void {
    if (!this.ready) return;
    this.message = 'Skipped: nothing stored';
    this.error = '';
    this.onfinished();
  }

  async undo(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    try {
      this.message = await this.feedback.undo();
      this.error = '';
    } catch (e) {
      this.error = `Could not undo: ${(e as Error).message}`;
    } finally {
      this.saving = false;
    }
  }

  private judgement(feedback: Feedback, only?: number[]): Judgement {
    const b = this.batch!;
    const completions = (only ?? b.completions.map((_, i) => i)).map((i) => b.completions[i]);
    return {
      createdAt: new Date().toISOString(),
      labeler: this.feedback.labelerName,
      labelerKind: 'person',
      prompt: b.prompt,
      promptIds: [...b.promptIds],
      completions: completions.map((c) => ({ text: c.text, ids: [...c.ids], source: { ...c.source } })),
      feedback,
    };
  }

  /** Stores, then acknowledges; moves on only after the commit. False when it failed. */
  private async save(j: Judgement, finishes: boolean): Promise<boolean> {
    this.saving = true;
    this.error = '';
    try {
      this.message = await this.feedback.add(j);
    } catch (e) {
      this.error = `Not saved: ${(e as Error).message}`;
      return false;
    } finally {
      this.saving = false;
    }
    if (finishes) this.onfinished();
    return true;
  }
}
