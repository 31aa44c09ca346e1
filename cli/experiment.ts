// npm run experiment -- <reward|...> [flags]: headless experiments on the same engine as the app,
// a simulated labeler playing the person. Each prints JSON lines, the summary last.
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { compareExperiment } from './experiments/compare';
import { distillExperiment } from './experiments/distill';
import { overoptimiseExperiment } from './experiments/overoptimise';
import { rewardExperiment } from './experiments/reward';
import { rlhfExperiment } from './experiments/rlhf';
import { runCli } from './run-cli';

const EXPERIMENTS: Record<string, (argv: string[]) => Promise<void>> = { reward: rewardExperiment, rlhf: rlhfExperiment, compare: compareExperiment, overoptimise: overoptimiseExperiment, distill: distillExperiment };

runCli(async () => {
  const [name, ...rest] = process.argv.slice(2);
  const run = EXPERIMENTS[name];
  if (!run) throw new Error(`Usage: npm run experiment -- <${Object.keys(EXPERIMENTS).join('|')}> [--flags]`);
  await useNodeBackend('wasm');
  await run(rest);
});
