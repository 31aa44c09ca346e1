// What has been collected so far, live from IndexedDB: the counter, the labelers, the newest
// judgements; the labeler name the person set (kept in the settings table); and adding / undoing
// judgements through the store, acknowledged only once the write has committed.
import { liveQuery, type Subscription } from 'dexie';
import { getContext, setContext } from 'svelte';
import type { FeedbackKind, Judgement } from '../../lib/feedback/judgement';
import { comparisonCount } from '../../lib/feedback/judgement-group';
import type { PlaygroundDB } from '../../lib/store/db';
import { addJudgement, countFeedback, listLabelers, undoLastJudgement, type FeedbackCount } from '../../lib/store/judgements';

const NAME_KEY = 'labelerName';
export const DEFAULT_LABELER_NAME = 'me';
/** How many of the newest judgements the screens list. */
const RECENT = 12;

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  ranking: 'ranking', ab: 'A/B choice', thumbs: 'thumbs', edit: 'edit', 'all-bad': 'all bad',
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
export const comparisonsText = (n: number) => plural(n, 'comparison');
export const judgementsText = (n: number) => plural(n, 'judgement');

export class FeedbackState {
  /** The name stored with the person's judgements. */
  labelerName = $state(DEFAULT_LABELER_NAME);
  counts = $state<FeedbackCount & { byLabeler: Record<string, FeedbackCount> }>({ judgements: 0, comparisons: 0, byLabeler: {} });
  /** False until the first count has been read (the counter shows "…" until then). */
  loaded = $state(false);
  labelers = $state<string[]>([]);
  /** Newest first. */
  recent = $state<Judgement[]>([]);

  private readonly subs: Subscription[] = [];

  constructor(readonly db: PlaygroundDB) {
    const watch = <T>(query: () => Promise<T>, next: (v: T) => void) => {
      this.subs.push(liveQuery(query).subscribe({ next, error: (e: unknown) => console.error('feedback query failed', e) }));
    };
    watch(() => countFeedback(db), (c) => { this.counts = c; this.loaded = true; });
    watch(() => listLabelers(db), (l) => (this.labelers = l));
    watch(() => db.judgements.reverse().limit(RECENT).toArray(), (r) => (this.recent = r));
    db.settings.get(NAME_KEY).then((s) => {
      if (typeof s?.value === 'string' && s.value.trim()) this.labelerName = s.value;
    }).catch(() => {});
  }

  /** Sets and keeps the person's labeler name (blank: the default). */
  async setLabelerName(name: string): Promise<void> {
    this.labelerName = name.trim() || DEFAULT_LABELER_NAME;
    await this.db.settings.put({ key: NAME_KEY, value: this.labelerName });
  }

  /**
   * Stores a judgement; resolves once it is committed, with the line that acknowledges it
   * ("Saved ranking — 6 comparisons; 12 collected").
   */
  async add(j: Judgement): Promise<string> {
    return (await this.save(j)).message;
  }

  /** add(), also giving the stored judgement's id. */
  async save(j: Judgement): Promise<{ id: number; message: string }> {
    const id = await addJudgement(this.db, j);
    this.counts = await countFeedback(this.db);
    this.loaded = true;
    return { id, message: `Saved ${FEEDBACK_KIND_LABELS[j.feedback.kind]} — ${comparisonsText(comparisonCount(j))}; ${this.counts.comparisons} collected` };
  }

  /** Removes the newest judgement of a labeler (the person, by default); says what was undone. */
  async undo(labeler = this.labelerName): Promise<string> {
    const gone = await undoLastJudgement(this.db, labeler);
    if (!gone) return `Nothing to undo: no judgements by "${labeler}"`;
    this.counts = await countFeedback(this.db);
    return `Undid ${FEEDBACK_KIND_LABELS[gone.feedback.kind]} of “${gone.prompt}” — ${this.counts.comparisons} collected`;
  }

  dispose(): void {
    this.subs.forEach((s) => s.unsubscribe());
  }
}

const KEY = Symbol('feedback');
export const setFeedbackState = (f: FeedbackState) => setContext(KEY, f);
export const useFeedbackState = () => getContext<FeedbackState>(KEY);
