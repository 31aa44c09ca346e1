// `npm run pretrain` on a micro model: trains a BPE tokenizer, autosaves, and a run stopped part
// way (--stop-after) then resumed (--resume) writes the same checkpoint, byte for byte, as a run
// never stopped; a resume with other settings is refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRETRAIN_FLAGS, runPretraining, type PretrainFlags } from '../../cli/pretrain-run';
import { decodeCheckpoint } from '../../src/lib/model/checkpoint-format';

const dir = mkdtempSync(join(tmpdir(), 'pretrain-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = join(dir, 'corpus.txt');
writeFileSync(corpus, readFileSync('public/corpus/heldout.txt', 'utf8').split('\n').slice(0, 300).join('\n'));

const flags = (over: Partial<PretrainFlags>): PretrainFlags => ({
  ...PRETRAIN_FLAGS, size: 'micro', steps: 6, batch: 2, warmup: 2, vocab: 300, corpus, evalSamples: 0, logEvery: 100, autosaveEvery: 2, ...over,
});
const quiet = () => {};

describe('npm run pretrain', () => {
  it('resumed from its autosave, ends bit-identical to a run never stopped', async () => {
    const whole = join(dir, 'whole.ckpt');
    const report = await runPretraining(flags({ out: whole, autosave: join(dir, 'as-whole') }), quiet);
    expect(report?.steps).toBe(6);

    const parts = join(dir, 'parts.ckpt');
    const autosave = join(dir, 'as-parts');
    expect(await runPretraining(flags({ out: parts, autosave, stopAfter: 3 }), quiet)).toBeNull();
    const lines: string[] = [];
    await runPretraining(flags({ out: parts, autosave, resume: true }), (l) => lines.push(l));
    expect(lines.some((l) => /resumed .* at step 3/.test(l))).toBe(true);

    const a = decodeCheckpoint(readFileSync(whole));
    const b = decodeCheckpoint(readFileSync(parts));
    expect(a.tokenizer.kind).toBe('bpe');
    expect(a.config.vocabSize).toBe(300);
    for (const [name, values] of a.tensors) expect(b.tensors.get(name), name).toEqual(values);
    // A run that trained at all differs from its initial weights (so "equal" above is not trivial).
    const fresh = join(dir, 'fresh.ckpt');
    await runPretraining(flags({ out: fresh, autosave: join(dir, 'as-fresh'), steps: 1, stopAfter: 0 }), quiet);
    expect(decodeCheckpoint(readFileSync(fresh)).tensors.get('wte')).not.toEqual(a.tensors.get('wte'));
  });

  it('trains on the story world (the default corpus), reproducibly from its seed, and resumes bit-identical', async () => {
    const world = (over: Partial<PretrainFlags>) => flags({ corpus: 'storyworld', tokenizerChars: 50_000, evalStories: 5, ...over });
    const whole = join(dir, 'world-whole.ckpt');
    const lines: string[] = [];
    const report = await runPretraining(world({ out: whole, autosave: join(dir, 'as-world-whole') }), (l) => lines.push(l));
    expect(report?.steps).toBe(6);
    expect(lines.some((l) => /the story world \(seed 1\), written as training reads it/.test(l))).toBe(true);
    expect(lines).toContain('word filter: 0 stories turned away');
    const parts = join(dir, 'world-parts.ckpt');
    const autosave = join(dir, 'as-world-parts');
    await runPretraining(world({ out: parts, autosave, stopAfter: 4 }), quiet);
    await runPretraining(world({ out: parts, autosave, resume: true }), quiet);
    const a = decodeCheckpoint(readFileSync(whole));
    const b = decodeCheckpoint(readFileSync(parts));
    expect(a.meta.corpus).toBe('story world (seed 1)');
    for (const [name, values] of a.tensors) expect(b.tensors.get(name), name).toEqual(values);
    // Another world seed is another corpus: a resume across it is refused.
    await expect(runPretraining(world({ out: parts, autosave, resume: true, worldSeed: 2 }), quiet)).rejects.toThrow(/autosave .* is of another run/);
  });

  it('refuses to resume an autosave made with other settings', async () => {
    const autosave = join(dir, 'as-other');
    await runPretraining(flags({ out: join(dir, 'o.ckpt'), autosave, stopAfter: 2 }), quiet);
    await expect(runPretraining(flags({ out: join(dir, 'o.ckpt'), autosave, resume: true, lr: 0.01 }), quiet)).rejects.toThrow(/autosave .* is of another run/);
  });
});
