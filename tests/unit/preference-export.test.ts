import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Feedback, Judgement } from '../../src/lib/feedback/judgement';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { addJudgement, countFeedback, listJudgements } from '../../src/lib/store/judgements';
import {
  importPreferenceFile, judgementsToPreferenceRecords, preferenceRecordsToJudgements, type PreferenceExportFormat,
} from '../../src/lib/store/preference-export';
import { hhTranscript, parsePreferenceJsonl, PreferenceImportError, toJsonl, type PreferenceRecord } from '../../src/lib/store/preference-formats';
import { freshDatabases } from './fresh-db';

const tokenizer = charTokenizer();

function judgement(id: number, feedback: Feedback, texts: string[], prompt = 'Once upon a time'): Judgement {
  return {
    id, createdAt: `2025-01-0${id}T00:00:00.000Z`, labeler: id % 2 ? 'ana' : 'ben', labelerKind: 'person',
    prompt, promptIds: tokenizer.encode(prompt),
    completions: texts.map((text, i) => ({
      text, ids: tokenizer.encode(text),
      source: i === 1 && feedback.kind === 'edit'
        ? { kind: 'edit', from: 0 }
        : { kind: 'sample', model: 'starter', temperature: 0.8, topK: 0, topP: 1, maxTokens: 40, seed: i },
    })),
    feedback,
  };
}

/** One of every kind: 5 + 1 + 0 + 1 pairs, 1 + 3 thumbs. */
const judgements: Judgement[] = [
  judgement(1, { kind: 'ranking', ranks: [1, 2, 2, 3] }, [' a bear smiled.', ' a wolf ran.', ' a fox sat.', ' no.']),
  judgement(2, { kind: 'ab', a: 0, b: 1, better: 'b', strength: 'much better', margin: 1 }, [' it rained.', ' the sun came out.'], 'The day'),
  judgement(3, { kind: 'ab', a: 0, b: 1, better: null, strength: 'same', margin: 0 }, [' x.', ' y.'], 'Tied'),
  judgement(4, { kind: 'edit', original: 0, edited: 1 }, [' hen fond a grane.', ' hen found a grain.'], 'The little'),
  judgement(5, { kind: 'thumbs', index: 1, up: true }, [' one.', ' two.'], 'Count'),
  judgement(6, { kind: 'all-bad' }, [' aa', ' bb', ' cc'], 'Bad'),
];

/** What a file says, whatever judgements it came from: pairs with margins, and thumbs. */
const said = (records: PreferenceRecord[]) => records.map((r) => (r.format === 'trl-unpaired'
  ? `${r.prompt} | ${r.completion} | ${r.label}`
  : `${r.prompt} | ${r.chosen} > ${r.rejected} | ${r.format === 'trl-preference' ? r.margin ?? 0 : 0}`)).sort();

const freshDB = freshDatabases('preference-export');

describe('judgements to preference records', () => {
  it('writes every pair as a TRL preference line and thumbs as unpaired lines, with extras', () => {
    const records = judgementsToPreferenceRecords(judgements, 'trl-preference');
    expect(records.filter((r) => r.format === 'trl-preference')).toHaveLength(7);
    expect(records.filter((r) => r.format === 'trl-unpaired')).toHaveLength(4);
    expect(records[0]).toEqual({
      format: 'trl-preference', prompt: 'Once upon a time', chosen: ' a bear smiled.', rejected: ' a wolf ran.',
      extra: {
        judgement_id: 1, feedback_kind: 'ranking', labeler: 'ana', ranking: [1, 2, 2, 3], policy_checkpoint: 'starter',
        created_at: '2025-01-01T00:00:00.000Z', chosen_index: 0, rejected_index: 1,
      },
    });
    const ab = records.find((r) => r.extra.judgement_id === 2)!;
    expect(ab).toMatchObject({ chosen: ' the sun came out.', rejected: ' it rained.', margin: 1, extra: { feedback_kind: 'ab', strength: 'much better' } });
    const edit = records.find((r) => r.extra.judgement_id === 4)!;
    expect(edit).toMatchObject({ chosen: ' hen found a grain.', rejected: ' hen fond a grane.', extra: { feedback_kind: 'edit', policy_checkpoint: 'starter' } });
    expect('margin' in edit).toBe(false);
    expect(records.filter((r) => r.extra.judgement_id === 6)).toEqual(['aa', 'bb', 'cc'].map((t) => ({
      format: 'trl-unpaired', prompt: 'Bad', completion: ` ${t}`, label: false,
      extra: { judgement_id: 6, feedback_kind: 'all-bad', labeler: 'ben', policy_checkpoint: 'starter', created_at: '2025-01-06T00:00:00.000Z' },
    })));
  });

  it('writes pairs as HH-RLHF transcripts', () => {
    const line = JSON.parse(toJsonl(judgementsToPreferenceRecords([judgements[1]], 'hh-rlhf')));
    expect(line.chosen).toBe(hhTranscript('The day', ' the sun came out.'));
    expect(line.rejected).toBe(hhTranscript('The day', ' it rained.'));
    expect(line.strength).toBe('much better');
  });
});

describe('preference records to judgements', () => {
  it('makes a foreign TRL line an A/B choice and an unpaired line a thumb', () => {
    const records = parsePreferenceJsonl([
      JSON.stringify({ prompt: 'P', chosen: ' good', rejected: ' bad', margin: 0.25 }),
      JSON.stringify({ prompt: 'Q', completion: ' ok', label: false, labeler: 'cat' }),
    ].join('\n'));
    const [ab, thumb] = preferenceRecordsToJudgements(records, 'hf.jsonl', tokenizer);
    expect(ab).toMatchObject({
      labeler: 'import: hf.jsonl', labelerKind: 'import', prompt: 'P', promptIds: tokenizer.encode('P'),
      feedback: { kind: 'ab', a: 0, b: 1, better: 'a', strength: 'better', margin: 0.25 },
    });
    expect(ab.completions).toEqual([
      { text: ' good', ids: tokenizer.encode(' good'), source: { kind: 'import', file: 'hf.jsonl' } },
      { text: ' bad', ids: tokenizer.encode(' bad'), source: { kind: 'import', file: 'hf.jsonl' } },
    ]);
    expect(thumb).toMatchObject({ labeler: 'cat', feedback: { kind: 'thumbs', index: 0, up: false } });
  });

  it('regroups the lines of one of our rankings into that ranking', () => {
    const [ranking] = preferenceRecordsToJudgements(judgementsToPreferenceRecords([judgements[0]], 'trl-preference'), 'f', tokenizer);
    expect(ranking.feedback).toEqual({ kind: 'ranking', ranks: [1, 2, 2, 3] });
    expect(ranking.completions.map((c) => c.text)).toEqual(judgements[0].completions.map((c) => c.text));
    expect(ranking).toMatchObject({ labeler: 'ana', createdAt: '2025-01-01T00:00:00.000Z' });
  });

  it('regroups two people\'s rankings that share a judgement id apart', () => {
    const other = { ...judgements[0], labeler: 'zoe', completions: judgements[0].completions.map((c) => ({ ...c, text: c.text.toUpperCase() })) };
    const records = judgementsToPreferenceRecords([judgements[0], other], 'trl-preference');
    const back = preferenceRecordsToJudgements(records, 'f', tokenizer);
    expect(back.map((j) => [j.labeler, j.feedback.kind])).toEqual([['ana', 'ranking'], ['zoe', 'ranking']]);
    expect(back[1].completions[0].text).toBe(' A BEAR SMILED.');
  });

  it('keeps a ranking with a line removed as separate pairs, inventing none', () => {
    const records = judgementsToPreferenceRecords([judgements[0]], 'trl-preference').slice(1);
    const back = preferenceRecordsToJudgements(records, 'f', tokenizer);
    expect(back.map((j) => j.feedback.kind)).toEqual(['ab', 'ab', 'ab', 'ab']);
    expect(said(judgementsToPreferenceRecords(back, 'trl-preference'))).toEqual(said(records));
  });
});

describe('importing preference files', () => {
  it.each<[PreferenceExportFormat]>([['trl-preference'], ['hh-rlhf']])('round-trips the same pairs through %s', async (format) => {
    const db = freshDB();
    const first = judgementsToPreferenceRecords(judgements, format);
    const file = new TextEncoder().encode(toJsonl(first));
    // ranking, A/B, edit, thumb, 3 all-bad thumbs ("same" gives no line)
    expect(await importPreferenceFile(db, file, 'mine.jsonl')).toEqual({ judgements: 7, comparisons: 7 });
    const stored = await listJudgements(db);
    expect(stored.map((j) => j.feedback.kind)).toEqual(['ranking', 'ab', 'ab', 'thumbs', 'thumbs', 'thumbs', 'thumbs']);
    const again = judgementsToPreferenceRecords(stored, format);
    expect(again.map((r) => r.format)).toEqual(first.map((r) => r.format));
    expect(said(again)).toEqual(said(first));
    // HH-RLHF has no margin field: its A/B pair comes back with margin 0.
    const ab = stored[1].feedback;
    expect(ab.kind === 'ab' && ab.margin).toBe(format === 'hh-rlhf' ? 0 : 1);
    expect(ab.kind === 'ab' && ab.strength).toBe('much better');
  });

  it('keeps markup as plain text', async () => {
    const db = freshDB();
    const prompt = '<img src=x onerror=alert(1)>';
    const chosen = ' </script><script>alert("x")</script>';
    await importPreferenceFile(db, JSON.stringify({ prompt, chosen, rejected: ' &amp; "quoted"' }), 'x.jsonl');
    const [j] = await listJudgements(db);
    expect(j.prompt).toBe(prompt);
    expect(j.completions.map((c) => c.text)).toEqual([chosen, ' &amp; "quoted"']);
    expect(tokenizer.decode(j.completions[0].ids)).toBe(chosen);
    const [back] = parsePreferenceJsonl(toJsonl(judgementsToPreferenceRecords([j], 'trl-preference')));
    expect(back).toMatchObject({ prompt, chosen });
  });

  const line = (o: unknown) => JSON.stringify(o);
  const good = line({ prompt: 'p', chosen: 'c', rejected: 'r' });
  it.each<[string, string | Uint8Array, RegExp]>([
    ['an empty file', '', /no records/],
    ['a file of blank lines', '\n \n\r\n', /no records/],
    ['a truncated JSON line', `${good}\n${good}\n{"prompt": "p", "chosen": "c"`, /^Line 3: not valid JSON/],
    ['a JSON array instead of an object', `${good}\n["p", "c", "r"]`, /^Line 2: expected a JSON object/],
    ['a number where text belongs', line({ prompt: 'p', chosen: 1, rejected: 'r' }), /^Line 1: field "chosen" must be text, but is number/],
    ['a missing field', `${good}\n${line({ prompt: 'p', rejected: 'r' })}`, /^Line 2: missing field "chosen"/],
    ['an empty string', line({ prompt: '', chosen: 'c', rejected: 'r' }), /^Line 1: field "prompt" is empty/],
    ['a 10 MB line', line({ prompt: 'p', chosen: 'c'.repeat(10_000_000), rejected: 'r' }), /^Line 1: the line is longer than/],
    ['binary with NUL bytes', new Uint8Array([0x7b, 0x22, 0x00, 0x01, 0x7d]), /binary file/],
    ['text that is not UTF-8', new Uint8Array([...new TextEncoder().encode(good), 0x0a, 0xc3, 0x28]), /not UTF-8/],
    ['a label that is not a boolean', line({ prompt: 'p', completion: 'c', label: 1 }), /^Line 1: field "label" must be true or false/],
    ['a margin that is a string', `${good}\n${line({ prompt: 'p', chosen: 'c', rejected: 'r', margin: '0.5' })}`, /^Line 2: field "margin" must be a finite number/],
    ['HH without Human/Assistant turns', line({ chosen: 'Human: hi Assistant: yo', rejected: 'nope' }), /^Line 1: no "prompt" field/],
    ['a JSON string line', `${good}\n"just text"`, /^Line 2: expected a JSON object/],
  ])('refuses %s, naming the problem, and stores nothing', async (_, input, message) => {
    const db = freshDB();
    await addJudgement(db, judgements[1]);
    const error = await importPreferenceFile(db, input, 'bad.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreferenceImportError);
    expect((error as Error).message).toMatch(message);
    expect(await db.judgements.count()).toBe(1);
    expect((await countFeedback(db)).comparisons).toBe(1);
  });
});
