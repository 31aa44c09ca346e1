// The headless SFT path (`npm run sft`, cli/sft-run.ts) on a tiny model and a 3-line TRL
// prompt-completion file: a JSON line per step and a last one whose loss went down, and a written
// 'sft' checkpoint that loads with the same weights and loss. Also: a bad file is refused naming
// its line and writes nothing; the online loop takes PPO-ptx's text from ptxSource, and the rlhf
// experiment checks --demos before it trains.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rlhfExperiment } from '../../cli/experiments/rlhf';
import { runSFT } from '../../cli/sft-run';
import { DEFAULT_RL } from '../../src/lib/engine/rl-run';
import { SimulatedRLHFRun } from '../../src/lib/engine/simulated-rlhf-run';
import { DEFAULT_SIMULATED_LABELER } from '../../src/lib/feedback/simulated-judgement';
import { sftExample, sftLoss } from '../../src/lib/engine/sft';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { importCheckpointFile } from '../../src/lib/store/checkpoints';
import { freshDatabases } from './fresh-db';
import { testModel } from './helpers';

const freshDB = freshDatabases('sft-cli');
const dir = mkdtempSync(join(tmpdir(), 'sft-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEMOS = [
  { prompt: 'Q: cat?', completion: ' A: meow.' },
  { prompt: 'Q: dog?', completion: ' A: woof woof.', topic: 'pets' }, // extra fields ride along, unused
  { prompt: 'Q: cow?', completion: ' A: moo.' },
];
const SIZE = { blockSize: 24, nLayer: 1, nHead: 2, nEmbd: 16 };

/** A tiny pretrained-looking checkpoint file, and a demonstration file of `lines`. */
async function files(lines: string[]): Promise<{ checkpoint: string; demos: string; out: string }> {
  const model = testModel(7, SIZE);
  const checkpoint = join(dir, 'tiny.rlhfckpt');
  writeFileSync(checkpoint, await modelToCheckpointBytes(model, { name: 'Tiny', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain', steps: 5 }));
  disposeLanguageModel(model);
  const demos = join(dir, 'demos.jsonl');
  writeFileSync(demos, lines.join('\n') + '\n');
  return { checkpoint, demos, out: join(dir, 'out', 'sft.rlhfckpt') };
}

async function run(argv: string[]): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  await runSFT(argv, (l) => lines.push(l));
  return lines.map((l) => JSON.parse(l));
}

describe('npm run sft', () => {
  it('fine-tunes a checkpoint on a JSONL file, prints a line per step, lowers the loss and writes an sft checkpoint that loads', async () => {
    const f = await files(DEMOS.map((d) => JSON.stringify(d)));
    const out = await run(['--checkpoint', f.checkpoint, '--demos', f.demos, '--epochs', '8', '--batch', '2', '--lr', '0.01', '--seed', '3', '--out', f.out]);

    const steps = out.slice(0, -1);
    expect(steps.map((s) => s.step)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1)); // 2 steps an epoch (3 demos, batch 2)
    expect(steps.every((s) => s.total_steps === 16 && Number.isFinite(s.loss))).toBe(true);
    expect(steps.at(-1)!.epoch).toBe(8);
    const last = out.at(-1)!;
    expect(last).toMatchObject({ demonstrations: 3, epochs: 8, steps: 16, faults: 0, checkpoint: f.out });
    expect(last.final_loss as number).toBeLessThan((last.initial_loss as number) * 0.8);

    const { model, meta } = modelFromCheckpointBytes(readFileSync(f.out));
    expect(meta).toMatchObject({ kind: 'sft', name: 'SFT of Tiny', parent: 'Tiny', demonstrations: 3, sftSteps: 16, steps: 21, seed: 3 });
    expect(meta.trainLoss).toBe(steps.at(-1)!.loss);
    expect(model.config).toEqual({ ...SIZE, vocabSize: model.tokenizer.vocabSize });
    // The file holds the fine-tuned weights: its loss on the demonstrations is the one printed.
    const examples = DEMOS.map((d) => sftExample(model.tokenizer, d.prompt, d.completion, model.config.blockSize));
    expect(await sftLoss(model, examples)).toBeCloseTo(last.final_loss as number, 4);
    const base = modelFromCheckpointBytes(readFileSync(f.checkpoint)).model;
    expect(await sftLoss(base, examples)).toBeCloseTo(last.initial_loss as number, 4);
    const [a, b] = await Promise.all([paramsToArrays(base.params), paramsToArrays(model.params)]);
    // Every language-model parameter moved; the value and reward heads are not SFT's to train.
    const lm = [...a].filter(([k]) => !/^(value|reward)/.test(k));
    expect(lm.filter(([k, v]) => v.every((x, i) => x === b.get(k)![i])).map(([k]) => k)).toEqual([]);
    disposeLanguageModel(base);
    disposeLanguageModel(model);

    // The app's upload takes it as it is (its checks are the ones the checkpoints panel runs).
    const db = freshDB();
    const id = await importCheckpointFile(db, readFileSync(f.out), 'sft.rlhfckpt');
    expect(await db.checkpoints.get(id)).toMatchObject({ kind: 'sft', name: 'SFT of Tiny' });
  });

  it('refuses a bad demonstration file naming its line, and writes no checkpoint', async () => {
    const good = await files(DEMOS.map((d) => JSON.stringify(d)));
    const out = join(dir, 'never.rlhfckpt');
    await expect(run(['--checkpoint', good.checkpoint, '--out', out])).rejects.toThrow(/--demos FILE/);
    await expect(run(['--checkpoint', join(dir, 'missing.rlhfckpt'), '--demos', good.demos, '--out', out])).rejects.toThrow(/No checkpoint file at/);
    const bad = await files([JSON.stringify(DEMOS[0]), '{"prompt": "Q: hen?"}']);
    await expect(run(['--checkpoint', bad.checkpoint, '--demos', bad.demos, '--out', out])).rejects.toThrow(/demos\.jsonl: Line 2: missing field "completion"/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the online loop and PPO-ptx text', () => {
  it('takes the text its ptxSource names, and refuses to start without it', () => {
    const model = testModel(1, SIZE);
    const labeler = { ...DEFAULT_SIMULATED_LABELER, scorer: 'shorter' as const };
    const prompts = ['Once', 'The cat', 'A dog'];
    const settings = (ptxSource: 'corpus' | 'demonstrations') => ({ ...DEFAULT_RL, evalPrompts: 1, ppo: { ...DEFAULT_RL.ppo, ptxCoef: 1, ptxSource } });
    const corpus = { corpus: ['Once upon a time there was a cat who sat.'] };
    const run = (s: ReturnType<typeof settings>, ptxDocuments: Partial<Record<'corpus' | 'demonstrations', string[]>>) => new SimulatedRLHFRun(model, s, labeler, prompts, { ptxDocuments });
    expect(() => run(settings('demonstrations'), corpus)).toThrow(/Expected demonstrations text for PPO-ptx/);
    run(settings('demonstrations'), { demonstrations: ['Q: cat? A: meow.'] }).dispose();
    run(settings('corpus'), corpus).dispose();
    expect(() => run(settings('corpus'), {})).toThrow(/Expected corpus text for PPO-ptx/);
    disposeLanguageModel(model);
  });

  it('npm run experiment -- rlhf refuses --demos without --ptx, and a bad demonstration file, before it trains', async () => {
    const f = await files([JSON.stringify(DEMOS[0]), 'not json']);
    await expect(rlhfExperiment(['--demos', f.demos])).rejects.toThrow(/--demos is the text PPO-ptx mixes in: give --ptx/);
    await expect(rlhfExperiment(['--ptx', '1', '--demos', f.demos])).rejects.toThrow(/demos\.jsonl: Line 2: not valid JSON/);
  });
});
