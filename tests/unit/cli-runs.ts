// What the experiment CLIs' tests share: a tiny checkpoint file, and the JSON lines a command prints on it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { testModel } from './helpers';

/** Registers a temporary folder for this test file, deleted after its tests. */
export function tinyCheckpointRunner(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** Runs a command on a fresh tiny checkpoint; the JSON lines it printed, in order. */
  return async (run: (argv: string[]) => Promise<void>, argv: string[]): Promise<Array<Record<string, any>>> => {
    const model = testModel(3, { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 });
    const checkpoint = join(dir, 'tiny.rlhfckpt');
    writeFileSync(checkpoint, await modelToCheckpointBytes(model, { name: 'Tiny', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain' }));
    disposeLanguageModel(model);
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
    try {
      await run(['--checkpoint', checkpoint, ...argv]);
    } finally {
      log.mockRestore();
    }
    return lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  };
}
