// npm run sft -- --checkpoint <file|starter> --demos FILE [--epochs N] [--lr X] [--batch B] [--seed S] [--out FILE] [--name NAME]
// Supervised fine-tuning on demonstrations (TRL prompt-completion JSON lines) on Node's wasm
// backend: a JSON line per step, then {"initial_loss", "final_loss", ...}; writes an 'sft'
// checkpoint (default sft.rlhfckpt) that `npm run generate` and the app load. See cli/sft-run.ts.
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { runCli } from './run-cli';
import { runSFT } from './sft-run';

runCli(async () => {
  await useNodeBackend('wasm');
  await runSFT(process.argv.slice(2));
});
