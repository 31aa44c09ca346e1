// Demonstrations for SFT: typed ones stored and checked, edits on the labeling screen read as
// demonstrations (and gone with their judgement), TRL prompt-completion JSON lines in and out
// with extra fields riding along, and the project file carrying them (old files still open).
import { freshDatabases } from './fresh-db'; // first: installs fake-indexeddb before Dexie loads
import { describe, expect, it } from 'vitest';
import type { Judgement } from '../../src/lib/feedback/judgement';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { parseDemonstrationJsonl } from '../../src/lib/store/demonstration-formats';
import {
  addDemonstration, chooseDemonstrations, deleteDemonstration, exportDemonstrations, importDemonstrationFile, listDemonstrations,
} from '../../src/lib/store/demonstrations';
import { addJudgement, undoLastJudgement } from '../../src/lib/store/judgements';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';

const freshDB = freshDatabases('demonstrations');
const enc = (s: string) => new TextEncoder().encode(s);
const tok = charTokenizer();

function editJudgement(prompt: string, original: string, edited: string, createdAt = '2020-01-01T00:00:00.000Z'): Judgement {
  return {
    createdAt, labeler: 'bo', labelerKind: 'person', prompt, promptIds: tok.encode(prompt),
    completions: [
      { text: original, ids: tok.encode(original), source: { kind: 'sample', model: 'starter', temperature: 1, topK: 0, topP: 1, maxTokens: 8, seed: 1 } },
      { text: edited, ids: tok.encode(edited), source: { kind: 'edit', from: 0 } },
    ],
    feedback: { kind: 'edit', original: 0, edited: 1 },
  };
}

describe('typed demonstrations', () => {
  it('are stored with their author and listed oldest first; delete removes one', async () => {
    const db = freshDB();
    const a = await addDemonstration(db, { prompt: 'Say hi', response: ' Hi there!', author: 'ana' });
    await addDemonstration(db, { prompt: 'Count', response: ' one two', author: '  ' });
    const list = await listDemonstrations(db);
    expect(list.map((d) => [d.key, d.prompt, d.response, d.author, d.source])).toEqual([
      [`demo-${a}`, 'Say hi', ' Hi there!', 'ana', 'typed'],
      [`demo-${a + 1}`, 'Count', ' one two', 'me', 'typed'],
    ]);
    await deleteDemonstration(db, a);
    expect((await listDemonstrations(db)).map((d) => d.prompt)).toEqual(['Count']);
  });

  it('refuses an empty response or a control character, storing nothing', async () => {
    const db = freshDB();
    await expect(addDemonstration(db, { prompt: 'Say hi', response: '   ', author: 'ana' })).rejects.toThrow('The response is empty');
    await expect(addDemonstration(db, { prompt: 'Say \u0007hi', response: 'Hi', author: 'ana' })).rejects.toThrow('The prompt contains a control character (0x07)');
    expect(await db.demonstrations.count()).toBe(0);
  });
});

describe('edits on the labeling screen', () => {
  it('are demonstrations read from their judgements, and go when the judgement is undone', async () => {
    const db = freshDB();
    await addDemonstration(db, { prompt: 'Say hi', response: ' Hi there!', author: 'ana' });
    const id = await addJudgement(db, editJudgement('The bear', ' ran.', ' ran home to his mother.'));
    const list = await listDemonstrations(db);
    expect(list[0]).toMatchObject({ key: `edit-${id}`, prompt: 'The bear', response: ' ran home to his mother.', author: 'bo', source: 'edit', judgementId: id });
    expect(list[0].id).toBeUndefined();
    expect(list).toHaveLength(2);
    expect((await chooseDemonstrations(db, [`edit-${id}`])).map((d) => d.response)).toEqual([' ran home to his mother.']);
    await undoLastJudgement(db, 'bo');
    expect((await listDemonstrations(db)).map((d) => d.source)).toEqual(['typed']);
  });

  it('chooses all, some, or refuses when there are none', async () => {
    const db = freshDB();
    await expect(chooseDemonstrations(db, null)).rejects.toThrow(/no demonstrations yet/);
    const a = await addDemonstration(db, { prompt: 'A', response: 'B', author: 'ana' });
    expect(await chooseDemonstrations(db, null)).toHaveLength(1);
    await expect(chooseDemonstrations(db, ['demo-999'])).rejects.toThrow(/None of the chosen demonstrations/);
    expect((await chooseDemonstrations(db, [`demo-${a}`]))[0].prompt).toBe('A');
  });
});

describe('TRL prompt-completion JSON lines', () => {
  it('reads prompt and completion; other fields ride along', () => {
    expect(parseDemonstrationJsonl(enc('\uFEFF{"prompt": "Q", "completion": "A", "id": 7}\r\n\r\n{"prompt": "café", "completion": "🐻\\n"}\n'))).toEqual([
      { prompt: 'Q', completion: 'A', extra: { id: 7 } },
      { prompt: 'café', completion: '🐻\n', extra: {} },
    ]);
  });

  it('imports a file whole, and exports what SFT trains on (edits included) so that it reads back the same', async () => {
    const db = freshDB();
    expect(await importDemonstrationFile(db, enc('{"prompt": "Q1", "completion": "A1", "topic": "x"}\n{"prompt": "Q2", "completion": "A2"}\n'))).toBe(2);
    await addJudgement(db, editJudgement('The bear', ' ran.', ' ran home.', '2999-01-01T00:00:00.000Z'));
    const list = await listDemonstrations(db);
    expect(list.map((d) => [d.author, d.source])).toEqual([['import', 'import'], ['import', 'import'], ['bo', 'edit']]);
    const { text, count } = await exportDemonstrations(db);
    expect(count).toBe(3);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ prompt: 'Q1', completion: 'A1', topic: 'x', author: 'import', source: 'import' });
    expect(lines[2]).toMatchObject({ prompt: 'The bear', completion: ' ran home.', author: 'bo', source: 'edit', judgement_id: expect.any(Number) });
    const other = freshDB();
    expect(await importDemonstrationFile(other, text)).toBe(3);
    expect((await listDemonstrations(other)).map((d) => [d.prompt, d.response, d.extra?.topic, d.extra?.source])).toEqual([
      ['Q1', 'A1', 'x', 'import'], ['Q2', 'A2', undefined, 'import'], ['The bear', ' ran home.', undefined, 'edit'],
    ]);
  });
});

describe('the project file', () => {
  it('carries demonstrations, and a project from before them still opens', async () => {
    const from = freshDB();
    await addDemonstration(from, { prompt: 'Say hi', response: ' Hi there!', author: 'ana' });
    await importDemonstrationFile(from, enc('{"prompt": "Q", "completion": "A", "topic": "x"}\n'));
    const project = await exportProject(from);
    const to = freshDB();
    await importProject(to, project);
    expect((await listDemonstrations(to)).map((d) => [d.prompt, d.response, d.author, d.source, d.extra])).toEqual([
      ['Say hi', ' Hi there!', 'ana', 'typed', undefined], ['Q', 'A', 'import', 'import', { topic: 'x' }],
    ]);
    const old = JSON.parse(new TextDecoder().decode(project));
    delete old.demonstrations;
    const empty = freshDB();
    await importProject(empty, JSON.stringify(old));
    expect(await listDemonstrations(empty)).toEqual([]);
  });
});
