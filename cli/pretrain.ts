// npm run pretrain: trains the starter checkpoint from scratch on the bundled corpus (Node, wasm),
// reproducibly (fixed seed); --resume goes on from the autosave. See cli/pretrain-run.ts.
import { parseFlags } from './args';
import { PRETRAIN_FLAGS, runPretraining } from './pretrain-run';
import { runCli } from './run-cli';

runCli(async () => {
  await runPretraining(parseFlags(process.argv.slice(2), PRETRAIN_FLAGS));
});
