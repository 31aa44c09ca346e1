// Builds the app (index.html and bench.html) and serves it with vite preview on port 4174, away
// from the e2e tests' 4173. The build goes to .bench-out/dist rather than dist/, which a running
// e2e preview may be serving: rebuilding it under that server would swap its hashed assets.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../cli/files';
import { forwardLines } from './progress';

export const PORT = 4174;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const OUT_DIR = '.bench-out/dist';
// Vite's own entry, run with this node: the pid we hold is the server itself (npx would put a
// wrapper process in between, and stopping the wrapper can leave the server running).
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export function buildApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE, 'build', '--outDir', OUT_DIR, '--logLevel', 'error'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    forwardLines(child.stdout, 'vite build');
    forwardLines(child.stderr, 'vite build');
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`))));
  });
}

export interface Server {
  stop(): void;
}

/** Starts vite preview and resolves once it prints its address (or rejects if it exits first). */
export function startPreview(timeoutS = 60): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [VITE, 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`vite preview ${why}: ${output.trim().slice(-300)}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutS} s`), timeoutS * 1000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`:${PORT}`)) {
        clearTimeout(timer);
        resolve({ stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (err) => fail(`could not start (${err.message})`));
    child.on('exit', (code) => fail(`exited with code ${code}`));
  });
}
