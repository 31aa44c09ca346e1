// Judgements out to preference files (TRL, HH-RLHF) and back in. A file holds pairs, not
// judgements: a ranking goes out as its K(K−1)/2 pairs, each line carrying the ranking and which
// completions it compares, so our own files regroup into the same ranking when read back.
import type { Judgement } from '../feedback/judgement';
import { comparisonCount, judgementToGroup } from '../feedback/judgement-group';
import { AB_STRENGTHS, rankingToPairs, type ABStrength } from '../feedback/pairs';
import { charTokenizer, type Tokenizer } from '../model/tokenizer';
import type { PlaygroundDB } from './db';
import { validateJudgement } from './judgements';
import { parsePreferenceJsonl, PreferenceImportError, type PreferenceRecord } from './preference-formats';

/** Pairs go out in this format; thumbs and all-bad always go out as TRL unpaired lines. */
export type PreferenceExportFormat = 'trl-preference' | 'hh-rlhf';

/** Name of the model that wrote completion i (an edit is traced to the completion it rewrote). */
function policyOf(j: Judgement, i: number): string | undefined {
  let s = j.completions[i].source;
  if (s.kind === 'edit') s = j.completions[s.from]?.source ?? s;
  return s.kind === 'sample' ? s.model : undefined;
}

function extrasOf(j: Judgement, indices: number[]): Record<string, unknown> {
  const f = j.feedback;
  const policy = indices.map((i) => policyOf(j, i)).find((m) => m !== undefined);
  return {
    ...(j.id !== undefined && { judgement_id: j.id }),
    feedback_kind: f.kind,
    labeler: j.labeler,
    ...(f.kind === 'ranking' && { ranking: [...f.ranks] }),
    ...(f.kind === 'ab' && { strength: f.strength }),
    ...(policy !== undefined && { policy_checkpoint: policy }),
    created_at: j.createdAt,
  };
}

export function judgementsToPreferenceRecords(judgements: Judgement[], format: PreferenceExportFormat): PreferenceRecord[] {
  const out: PreferenceRecord[] = [];
  for (const j of judgements) {
    const g = judgementToGroup(j);
    for (const p of g.pairs) {
      const extra = extrasOf(j, [p.chosen, p.rejected]);
      if (j.feedback.kind === 'ranking') Object.assign(extra, { chosen_index: p.chosen, rejected_index: p.rejected });
      const texts = { prompt: j.prompt, chosen: j.completions[p.chosen].text, rejected: j.completions[p.rejected].text };
      out.push(format === 'hh-rlhf'
        ? { format, ...texts, extra }
        : { format, ...texts, ...(p.margin !== 0 && { margin: p.margin }), extra });
    }
    for (const t of g.thumbs) {
      out.push({ format: 'trl-unpaired', prompt: j.prompt, completion: j.completions[t.index].text, label: t.up, extra: extrasOf(j, [t.index]) });
    }
  }
  return out;
}

type Paired = Exclude<PreferenceRecord, { format: 'trl-unpaired' }>;

const sameList = (a: unknown, b: unknown) => Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * One ranking judgement from the lines one of ours went out as, or null when they do not add up
 * to exactly that ranking's pairs (lines removed or edited): then each line stays a pair of its own.
 */
function regroupRanking(lines: Paired[]): { ranks: number[]; texts: string[] } | null {
  const first = lines[0];
  const ranks = first.extra.ranking as unknown[];
  if (!ranks.every((r) => Number.isInteger(r) && (r as number) >= 1)) return null;
  const wanted = new Set(rankingToPairs(ranks as number[]).map((p) => `${p.chosen}>${p.rejected}`));
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const r of lines) {
    const { chosen_index: c, rejected_index: x } = r.extra;
    const key = `${c}>${x}`;
    if (!wanted.has(key) || seen.has(key) || r.prompt !== first.prompt || !sameList(r.extra.ranking, ranks)) return null;
    if (r.extra.labeler !== first.extra.labeler || r.extra.created_at !== first.extra.created_at) return null;
    for (const [i, t] of [[c as number, r.chosen], [x as number, r.rejected]] as const) {
      if (texts[i] !== undefined && texts[i] !== t) return null;
      texts[i] = t;
    }
    seen.add(key);
  }
  return seen.size === wanted.size ? { ranks: ranks as number[], texts } : null;
}

const rankingKey = (r: PreferenceRecord): string | null => {
  const e = r.extra;
  const id = e.judgement_id;
  if (r.format === 'trl-unpaired' || e.feedback_kind !== 'ranking' || !Array.isArray(e.ranking)) return null;
  if ((typeof id !== 'number' && typeof id !== 'string') || !Number.isInteger(e.chosen_index) || !Number.isInteger(e.rejected_index)) return null;
  // Two people's exports pasted together may both hold a judgement 1 on the same prompt.
  return JSON.stringify([id, r.prompt, e.labeler, e.created_at]);
};

/** Judgements with the index of the first record each came from. */
function convert(records: PreferenceRecord[], fileName: string, tokenizer: Tokenizer): Array<{ judgement: Judgement; record: number }> {
  const now = new Date().toISOString();
  const base = (r: PreferenceRecord, texts: string[]): Omit<Judgement, 'feedback'> => {
    const { labeler, created_at: at } = r.extra;
    return {
      createdAt: typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : now,
      labeler: typeof labeler === 'string' && labeler.trim() !== '' ? labeler : `import: ${fileName}`,
      labelerKind: 'import',
      prompt: r.prompt,
      promptIds: tokenizer.encode(r.prompt),
      completions: texts.map((text) => ({ text, ids: tokenizer.encode(text), source: { kind: 'import', file: fileName } })),
    };
  };

  const members = new Map<string, number[]>();
  const keys = records.map(rankingKey);
  keys.forEach((key, i) => {
    if (key === null) return;
    if (!members.has(key)) members.set(key, []);
    members.get(key)!.push(i);
  });
  const rankings = new Map([...members].map(([key, m]) => [key, regroupRanking(m.map((i) => records[i] as Paired))]));
  const out: Array<{ judgement: Judgement; record: number }> = [];
  records.forEach((r, i) => {
    const ranking = keys[i] === null ? null : rankings.get(keys[i]!);
    if (ranking) {
      // The whole ranking goes in at its first line; its other lines add nothing more.
      if (members.get(keys[i]!)![0] !== i) return;
      out.push({ judgement: { ...base(r, ranking.texts), feedback: { kind: 'ranking', ranks: ranking.ranks } }, record: i });
    } else if (r.format === 'trl-unpaired') {
      out.push({ judgement: { ...base(r, [r.completion]), feedback: { kind: 'thumbs', index: 0, up: r.label } }, record: i });
    } else {
      const s = r.extra.strength as ABStrength;
      const strength = AB_STRENGTHS.includes(s) && s !== 'same' ? s : 'better';
      const margin = r.format === 'trl-preference' ? r.margin ?? 0 : 0;
      out.push({ judgement: { ...base(r, [r.chosen, r.rejected]), feedback: { kind: 'ab', a: 0, b: 1, better: 'a', strength, margin } }, record: i });
    }
  });
  return out;
}

/**
 * Each record becomes a judgement by labeler `extra.labeler` (else "import: <file>"): a pair an
 * A/B choice of its chosen over its rejected, an unpaired line a thumb; lines that one of our
 * rankings went out as become that ranking again.
 */
export function preferenceRecordsToJudgements(records: PreferenceRecord[], fileName: string, tokenizer: Tokenizer): Judgement[] {
  return convert(records, fileName, tokenizer).map((c) => c.judgement);
}

/**
 * Reads a whole preference file and stores its judgements in one transaction: all of them, or
 * (on any problem, reported as a PreferenceImportError) none.
 */
export async function importPreferenceFile(
  db: PlaygroundDB, input: string | Uint8Array, fileName: string, tokenizer = charTokenizer(),
): Promise<{ judgements: number; comparisons: number }> {
  const converted = convert(parsePreferenceJsonl(input), fileName, tokenizer);
  const judgements = converted.map(({ judgement, record }) => {
    try {
      return validateJudgement(judgement);
    } catch (e) {
      throw new PreferenceImportError(0, `Record ${record + 1}: ${(e as Error).message}`);
    }
  });
  await db.transaction('rw', db.judgements, () => db.judgements.bulkAdd(judgements));
  return { judgements: judgements.length, comparisons: judgements.reduce((n, j) => n + comparisonCount(j), 0) };
}
