// Stored judgements: validated before every write (typed in the app, imported from files or
// projects), listed, counted and undone. Each write resolves once its transaction has committed.
import type { CompletionRecord, CompletionSource, Feedback, Judgement } from '../feedback/judgement';
import { comparisonCount, judgementToGroup } from '../feedback/judgement-group';
import { AB_STRENGTHS, type ABStrength } from '../feedback/pairs';
import type { PlaygroundDB } from './db';
import { MAX_TEXT_CHARS } from './preference-formats';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v) ?? String(v));

function fail(problem: string): never {
  throw new Error(problem);
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string') fail(`${what} must be text, but is ${show(v)}`);
  if (v.trim() === '') fail(`${what} is empty`);
  if (v.length > MAX_TEXT_CHARS) fail(`${what} is longer than ${MAX_TEXT_CHARS} characters`);
  return v;
}

function ids(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || !v.every((x) => Number.isInteger(x) && x >= 0)) fail(`${what} must be a list of token ids (whole numbers from 0)`);
  return [...v];
}

function int(v: unknown, what: string): number {
  if (!Number.isInteger(v)) fail(`${what} must be a whole number, but is ${show(v)}`);
  return v as number;
}

function source(v: unknown, what: string): CompletionSource {
  if (!isObj(v)) fail(`${what} is missing`);
  switch (v.kind) {
    case 'sample': {
      if (typeof v.model !== 'string') fail(`${what}.model must be text`);
      for (const key of ['temperature', 'topK', 'topP', 'maxTokens', 'seed'] as const) {
        if (typeof v[key] !== 'number' || !Number.isFinite(v[key])) fail(`${what}.${key} must be a number, but is ${show(v[key])}`);
      }
      const s: CompletionSource = {
        kind: 'sample', model: v.model, temperature: v.temperature as number, topK: v.topK as number,
        topP: v.topP as number, maxTokens: v.maxTokens as number, seed: v.seed as number,
      };
      if (v.checkpointId !== undefined) s.checkpointId = int(v.checkpointId, `${what}.checkpointId`);
      return s;
    }
    case 'edit':
      return { kind: 'edit', from: int(v.from, `${what}.from`) };
    case 'import':
      if (typeof v.file !== 'string') fail(`${what}.file must be text`);
      return { kind: 'import', file: v.file };
    default:
      return fail(`${what} has unknown kind ${show(v.kind)}`);
  }
}

function completion(v: unknown, i: number): CompletionRecord {
  const what = `completion ${i}`;
  if (!isObj(v)) fail(`${what} is not an object`);
  return { text: text(v.text, `${what} text`), ids: ids(v.ids, `${what} ids`), source: source(v.source, `${what} source`) };
}

/** Field types only; which indices are in range is judgementToGroup's check. */
function feedback(v: unknown): Feedback {
  if (!isObj(v)) fail('feedback is missing');
  switch (v.kind) {
    case 'ranking':
      if (!Array.isArray(v.ranks)) fail(`feedback.ranks must be a list, but is ${show(v.ranks)}`);
      return { kind: 'ranking', ranks: v.ranks.map((r, i) => int(r, `feedback.ranks[${i}]`)) };
    case 'ab': {
      if (v.better !== 'a' && v.better !== 'b' && v.better !== null) fail(`feedback.better must be "a", "b" or null, but is ${show(v.better)}`);
      if (!AB_STRENGTHS.includes(v.strength as ABStrength)) fail(`feedback.strength must be one of ${AB_STRENGTHS.join(', ')}, but is ${show(v.strength)}`);
      if ((v.better === null) !== (v.strength === 'same')) fail(`feedback.better is ${show(v.better)} but the strength is "${v.strength}"`);
      if (typeof v.margin !== 'number' || !Number.isFinite(v.margin)) fail(`feedback.margin must be a finite number, but is ${show(v.margin)}`);
      return { kind: 'ab', a: int(v.a, 'feedback.a'), b: int(v.b, 'feedback.b'), better: v.better, strength: v.strength as ABStrength, margin: v.margin };
    }
    case 'thumbs':
      if (typeof v.up !== 'boolean') fail(`feedback.up must be true or false, but is ${show(v.up)}`);
      return { kind: 'thumbs', index: int(v.index, 'feedback.index'), up: v.up };
    case 'edit':
      return { kind: 'edit', original: int(v.original, 'feedback.original'), edited: int(v.edited, 'feedback.edited') };
    case 'all-bad':
      return { kind: 'all-bad' };
    default:
      return fail(`feedback has unknown kind ${show(v.kind)}`);
  }
}

/**
 * A clean copy of `j` (unknown fields dropped) when it is a well-formed judgement; otherwise
 * throws an Error naming the problem, e.g. "completion 1 text is empty".
 */
export function validateJudgement(j: unknown): Judgement {
  if (!isObj(j)) fail('a judgement must be an object');
  if (typeof j.createdAt !== 'string' || Number.isNaN(Date.parse(j.createdAt))) fail(`createdAt must be a date, but is ${show(j.createdAt)}`);
  if (typeof j.labeler !== 'string' || j.labeler.trim() === '') fail(`labeler must be a name, but is ${show(j.labeler)}`);
  if (j.labelerKind !== 'person' && j.labelerKind !== 'simulated' && j.labelerKind !== 'import') fail(`labelerKind must be person, simulated or import, but is ${show(j.labelerKind)}`);
  if (!Array.isArray(j.completions) || j.completions.length === 0) fail('there are no completions');
  const out: Judgement = {
    createdAt: j.createdAt, labeler: j.labeler, labelerKind: j.labelerKind,
    prompt: text(j.prompt, 'prompt'), promptIds: ids(j.promptIds, 'promptIds'),
    completions: j.completions.map(completion), feedback: feedback(j.feedback),
  };
  if (j.id !== undefined) out.id = int(j.id, 'id');
  out.completions.forEach(({ source: s }, i) => {
    if (s.kind === 'edit' && (s.from === i || !out.completions[s.from])) fail(`completion ${i} source.from is ${s.from}, not another completion`);
  });
  judgementToGroup(out);
  return out;
}

/** Validates and stores a judgement; resolves with its id once written. */
export async function addJudgement(db: PlaygroundDB, j: Judgement): Promise<number> {
  const { id: _, ...clean } = validateJudgement(j);
  // Dexie's transaction promise settles after the commit, not after the request.
  return db.transaction('rw', db.judgements, () => db.judgements.add(clean));
}

/** Deletes and returns the newest judgement (of one labeler, if named); undefined when none. */
export function undoLastJudgement(db: PlaygroundDB, labeler?: string): Promise<Judgement | undefined> {
  return db.transaction('rw', db.judgements, async () => {
    // Index entries with equal keys are ordered by primary key, so last() is the newest here too.
    const last = await (labeler === undefined ? db.judgements.toCollection() : db.judgements.where('labeler').equals(labeler)).last();
    if (last?.id !== undefined) await db.judgements.delete(last.id);
    return last;
  });
}

/** Judgements in the order they were stored; `labelers` keeps only theirs (an empty list keeps none). */
export async function listJudgements(db: PlaygroundDB, filter: { labelers?: string[] } = {}): Promise<Judgement[]> {
  if (!filter.labelers) return db.judgements.toArray();
  const rows = await db.judgements.where('labeler').anyOf(filter.labelers).toArray();
  return rows.sort((a, b) => a.id! - b.id!);
}

export interface FeedbackCount {
  judgements: number;
  /** Bradley–Terry pairs the judgements give. */
  comparisons: number;
}

export async function countFeedback(db: PlaygroundDB): Promise<FeedbackCount & { byLabeler: Record<string, FeedbackCount> }> {
  const total = { judgements: 0, comparisons: 0 };
  const byLabeler = new Map<string, FeedbackCount>(); // a Map: a labeler may be called "__proto__"
  await db.judgements.each((j) => {
    const n = comparisonCount(j);
    const mine = byLabeler.get(j.labeler) ?? { judgements: 0, comparisons: 0 };
    byLabeler.set(j.labeler, mine);
    mine.judgements++;
    mine.comparisons += n;
    total.judgements++;
    total.comparisons += n;
  });
  return { ...total, byLabeler: Object.fromEntries(byLabeler) };
}

/** Every labeler with stored judgements, sorted. */
export async function listLabelers(db: PlaygroundDB): Promise<string[]> {
  return (await db.judgements.orderBy('labeler').uniqueKeys()) as string[];
}
