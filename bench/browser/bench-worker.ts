// The benchmark's browser side: a dedicated module worker (where the app runs tfjs too) that
// starts the requested backend with the app's chooseBackend, fetches the bundled corpus and runs
// the same measure() as Node.
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../../src/lib/worker/browser-backend';
import { measure } from '../measure';
import type { BackendReport, InfoValue } from '../types';
import type { FromBenchWorker, ToBenchWorker } from './messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromBenchWorker) => scope.postMessage(msg);

async function run({ backend, plan, threads }: ToBenchWorker): Promise<BackendReport> {
  const report: BackendReport = { backend: threads ? 'wasm-2threads' : backend, plan, measurements: [], info: {} };
  try {
    // Before any tensor exists (shared notes, trap 5).
    const choice = await chooseBackend(backend, threads);
    const info: Record<string, InfoValue> = { ran: tf.getBackend(), reason: choice.reason, adapter: choice.adapter ?? 'none' };
    if (tf.getBackend() === 'wasm') {
      info.wasm_simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      info.cross_origin_isolated = scope.crossOriginIsolated;
      info.wasm_threads = choice.threads ?? 1;
    }
    report.info = info;
    post({ type: 'started', info });
    // chooseBackend falls back when the forced backend cannot start; timing the fallback under
    // this backend's name would mislabel the numbers.
    if (tf.getBackend() !== backend) throw new Error(`${backend} did not start; chooseBackend fell back to ${tf.getBackend()} (${choice.reason})`);
    const res = await fetch(`${import.meta.env.BASE_URL}corpus/train.txt`);
    if (!res.ok) throw new Error(`Could not load corpus/train.txt (HTTP ${res.status})`);
    const starter = await fetch(`${import.meta.env.BASE_URL}models/starter.ckpt`);
    if (!starter.ok) throw new Error(`Could not load models/starter.ckpt (HTTP ${starter.status})`);
    const checkpoints = [{ label: 'starter', bytes: new Uint8Array(await starter.arrayBuffer()) }];
    const out = await measure(await res.text(), plan, (line) => post({ type: 'log', line }), checkpoints);
    report.measurements = out.measurements;
    report.info = { ...info, ...out.info };
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
  }
  return report;
}

scope.onmessage = async (e: MessageEvent<ToBenchWorker>) => {
  post({ type: 'done', report: await run(e.data) });
};
