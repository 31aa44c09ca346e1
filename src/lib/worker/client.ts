// The main thread's typed handle on the engine worker.
import type { FromWorker, ToWorker } from './protocol';

type Handler<T extends FromWorker['type']> = (msg: Extract<FromWorker, { type: T }>) => void;

export class EngineClient {
  private readonly worker: Worker;
  private readonly handlers = new Map<string, Set<(msg: FromWorker) => void>>();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'rlhf-engine' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      this.handlers.get(e.data.type)?.forEach((h) => h(e.data));
    };
    this.worker.onerror = (e) => {
      const msg: FromWorker = { type: 'error', context: 'worker', message: e.message || 'The engine worker failed to start' };
      this.handlers.get('error')?.forEach((h) => h(msg));
    };
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  on<T extends FromWorker['type']>(type: T, handler: Handler<T>): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler as (msg: FromWorker) => void);
    this.handlers.set(type, set);
    return () => set.delete(handler as (msg: FromWorker) => void);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
