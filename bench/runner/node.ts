// Runs one Node backend's benchmark in a child process (bench/node/node-bench.ts), with a time
// limit: a killed child costs only that backend's numbers.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../cli/files';
import type { BackendReport, BenchBackend, BenchPlan } from '../types';
import { forwardLines } from './progress';

export function runNodeBackend(backend: BenchBackend, plan: BenchPlan, timeoutS: number): Promise<BackendReport> {
  const failed = (error: string): BackendReport => ({ backend, plan, measurements: [], info: {}, error });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/node/node-bench.ts'), backend, JSON.stringify(plan)], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    forwardLines(child.stderr, backend);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(failed(`could not start node: ${err.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve(failed(`timed out after ${timeoutS} s`));
      const last = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (!last) return resolve(failed(`exited with code ${code} and no report`));
      try {
        resolve(JSON.parse(last) as BackendReport);
      } catch {
        resolve(failed(`exited with code ${code}; unreadable report ${last.slice(0, 200)}`));
      }
    });
  });
}
