// `npm run export`: the bundled starter written as a Hugging Face folder, whose config says the
// starter's sizes and which imports back to the starter's weights bit for bit.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportToFolder } from '../../cli/export-run';
import { STARTER_CHECKPOINT } from '../../cli/files';
import { decodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { importHfGpt2 } from '../../src/lib/model/hf-gpt2-import';
import { firstBitDifference } from './hf-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes the starter as a Hugging Face GPT-2 folder that imports back unchanged', () => {
    const lines: string[] = [];
    const out = join(dir, 'starter');
    exportToFolder({ checkpoint: 'starter', out }, (l) => lines.push(l));
    expect(readdirSync(out).sort()).toEqual(['README.md', 'config.json', 'generation_config.json', 'heads.safetensors', 'merges.txt', 'model.safetensors', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json', 'vocab.json']);
    expect(lines[1]).toMatch(/1,088,514 parameters/);
    const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'gpt2', n_layer: 4, n_embd: 128, n_head: 4, n_positions: 256, vocab_size: 2048 });
    const files = new Map(readdirSync(out).map((name) => [name, new Uint8Array(readFileSync(join(out, name)))]));
    const back = importHfGpt2(files, { maxBytes: 50_000_000 }).checkpoint;
    const starter = decodeCheckpoint(readFileSync(STARTER_CHECKPOINT));
    expect(back.tokenizer).toEqual(starter.tokenizer);
    for (const [name, values] of starter.tensors) expect(firstBitDifference(back.tensors.get(name), values), name).toBe(-1);
  });

  it('asks for --out', () => {
    expect(() => exportToFolder({ checkpoint: 'starter', out: '' })).toThrow(/--out <dir>/);
  });
});
