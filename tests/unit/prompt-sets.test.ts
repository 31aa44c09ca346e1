import { describe, expect, it } from 'vitest';
import { checkCorpusFileSize, MAX_CORPUS_BYTES, MIN_CORPUS_CHARS, readCorpus } from '../../src/lib/store/corpus-file';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';
import { parsePromptSet, promptSetFormatOf } from '../../src/lib/store/prompt-set-formats';
import { checkPromptSetFileSize, deletePromptSet, importPromptSetFile, listPromptSets, promptSetName } from '../../src/lib/store/prompt-sets';
import { firstInvalidUtf8 } from '../../src/lib/store/text-file';
import { freshDatabases } from './fresh-db';

const enc = (s: string) => new TextEncoder().encode(s);
const freshDB = freshDatabases('prompt-sets');

describe('prompt set files', () => {
  it('reads the three formats, by file name', () => {
    expect(promptSetFormatOf('a.TXT')).toBe('txt');
    expect(promptSetFormatOf('a.json')).toBe('json');
    expect(promptSetFormatOf('a.jsonl')).toBe('jsonl');
    expect(promptSetFormatOf('prompts')).toBe('txt');
    expect(parsePromptSet(enc('\uFEFFOnce upon a time\r\n\r\nThe bear café 🐻\r\n'), 'txt')).toEqual(['Once upon a time', 'The bear café 🐻']);
    expect(parsePromptSet(enc('["Once", "Twice"]'), 'json')).toEqual(['Once', 'Twice']);
    expect(parsePromptSet(enc('{"source": "x", "prompts": ["Once"]}'), 'json')).toEqual(['Once']);
    expect(parsePromptSet(enc('{"prompt": "Once", "id": 3}\n\n{"prompt": "Twice"}\n'), 'jsonl')).toEqual(['Once', 'Twice']);
  });

  it('names a set after its file', () => {
    expect(promptSetName('my prompts.jsonl')).toBe('my prompts');
    expect(promptSetName('.txt')).toBe('Prompt set');
    expect(promptSetName(`${'n'.repeat(100)}.txt`)).toHaveLength(80);
  });

  it('stores, lists and deletes sets', async () => {
    const db = freshDB();
    const a = await importPromptSetFile(db, enc('One\nTwo\n'), 'a.txt');
    await importPromptSetFile(db, enc('["Three"]'), 'b.json');
    expect((await listPromptSets(db)).map((s) => [s.name, s.prompts])).toEqual([['a', ['One', 'Two']], ['b', ['Three']]]);
    await deletePromptSet(db, a.id!);
    expect((await listPromptSets(db)).map((s) => s.name)).toEqual(['b']);
  });

  it('travels in the project file, and a project without prompt sets still opens', async () => {
    const from = freshDB();
    await importPromptSetFile(from, enc('One\nTwo\n'), 'mine.txt');
    const project = await exportProject(from);
    const to = freshDB();
    await importProject(to, project);
    expect((await listPromptSets(to)).map((s) => [s.name, s.prompts])).toEqual([['mine', ['One', 'Two']]]);
    const old = JSON.parse(new TextDecoder().decode(project));
    delete old.promptSets;
    const empty = freshDB();
    await importProject(empty, JSON.stringify(old));
    expect(await listPromptSets(empty)).toEqual([]);
  });
});

describe('corpus text', () => {
  const story = 'The little bear went into the wood. '.repeat(8);

  it('takes an upload or pasted text, newlines normalised', () => {
    expect(readCorpus(enc(`${story}\r\n\r\n${story}`))).toBe(`${story}\n\n${story}`);
    expect(readCorpus(`${story}\n${story}`)).toBe(`${story}\n${story}`);
  });

  it('refuses pasted text the way it refuses a file, naming the line', () => {
    expect(() => readCorpus(`${story}\n${story}\nbell \u0007 rings`)).toThrow(/^Line 3: character \d+ is a control character \(0x07\)/);
    expect(() => readCorpus('x'.repeat(MIN_CORPUS_CHARS - 1))).toThrow(/too short: 199 characters/);
    expect(() => readCorpus('  \n ')).toThrow(/empty/);
  });

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(enc('café 🐻 中文'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // a surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // cut short
  });
});

describe('file sizes', () => {
  it('refuses a file over the cap from its size alone, before reading it', () => {
    expect(() => checkCorpusFileSize(MAX_CORPUS_BYTES)).not.toThrow();
    expect(() => checkCorpusFileSize(2_000_000_000)).toThrow('The file is 2000.0 MB; a corpus can be at most 5.0 MB');
    expect(() => checkPromptSetFileSize(2_000_001)).toThrow('The file is 2,000,001 bytes; a prompt set can be at most 2,000,000 bytes');
  });
});
