// The work of `npm run sft` (cli/sft.ts), apart from its entry point so a test can run it: SFT of
// a checkpoint on demonstrations from a TRL prompt-completion JSONL file, with the app's SFTSession
// (response-masked loss, the LM trainer's schedule, clipping and fault guard). One JSON line per
// step, a last line with the loss over all demonstrations before and after; the result is written
// as an 'sft' checkpoint that `npm run generate` and the app load.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../src/lib/model/language-model';
import { SFTSession, sftMeta } from '../src/lib/engine/sft';
import { DEFAULT_SFT } from '../src/lib/engine/sft-settings';
import { parseFlags } from './args';
import { readCheckpointFile, readDemonstrations } from './files';

export const SFT_FLAGS = {
  checkpoint: 'starter', demos: '', epochs: DEFAULT_SFT.epochs, batch: DEFAULT_SFT.batchSize, lr: DEFAULT_SFT.learningRate,
  seed: DEFAULT_SFT.seed, out: 'sft.rlhfckpt', name: '',
};

/** Runs `npm run sft` with these arguments; each output line goes to `print`. */
export async function runSFT(argv: string[], print: (line: string) => void = console.log): Promise<void> {
  const f = parseFlags(argv, SFT_FLAGS);
  if (!f.demos) throw new Error('Give the demonstrations with --demos FILE (TRL prompt-completion JSON lines: {"prompt": "...", "completion": "..."})');
  const demos = readDemonstrations(f.demos);
  const { model, meta } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  const session = new SFTSession(model, demos, { ...DEFAULT_SFT, epochs: f.epochs, batchSize: f.batch, learningRate: f.lr, seed: f.seed });
  try {
    const t0 = performance.now();
    const initialLoss = await session.evaluate();
    let last = { step: 0, loss: NaN };
    let faults = 0;
    while (!session.done) {
      const r = await session.step();
      // A faulted step was undone (the weights are the last good ones): told, and not the last loss.
      if (r.fault) faults++;
      last = { step: r.step, loss: r.fault ? last.loss : r.loss };
      print(JSON.stringify({
        step: r.step, total_steps: r.totalSteps, epoch: r.epoch, loss: r.fault ? null : r.loss, grad_norm: r.gradNorm, learning_rate: r.learningRate,
        ...(r.fault ? { fault: r.fault } : {}),
      }));
    }
    const finalLoss = await session.evaluate();
    const bytes = await modelToCheckpointBytes(model, {
      ...sftMeta(meta, demos.length, last), ...(faults ? { faults } : {}),
      name: f.name || `SFT of ${meta.name}`, createdAt: new Date().toISOString(), parent: meta.name, seed: f.seed,
    });
    const out = resolve(f.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    print(JSON.stringify({
      demonstrations: demos.length, epochs: f.epochs, steps: session.totalSteps, initial_loss: initialLoss, final_loss: finalLoss,
      final_train_loss: last.loss, faults, seconds: Math.round((performance.now() - t0) / 1000), checkpoint: out, bytes: bytes.length,
    }));
  } finally {
    session.dispose();
    disposeLanguageModel(model);
  }
}
