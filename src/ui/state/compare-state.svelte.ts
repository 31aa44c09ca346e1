// The main thread's view of the Compare screen's runs: the stored comparisons (read from IndexedDB,
// where the worker writes each method's result before telling the page), the one in progress,
// and the messages that start and stop it. No tfjs here.
import { getContext, setContext } from 'svelte';
import { listComparisonRuns, type ComparisonRun } from '../../lib/store/comparison-runs';
import type { PlaygroundDB } from '../../lib/store/db';
import type { EngineClient } from '../../lib/worker/client';
import type { CompareRequest, CompareStatus } from '../../lib/worker/protocol';

export class CompareState {
  runs = $state<ComparisonRun[]>([]);
  status = $state<CompareStatus | 'idle' | 'starting'>('idle');
  /** The run in progress (or the last one started here). */
  runId = $state<number | undefined>();
  /** The run the results panel shows; the newest when none was picked. */
  picked = $state<number | undefined>();
  progress = $state<{ stage: string; step: number; total: number } | null>(null);
  message = $state('');

  constructor(private readonly client: EngineClient, private readonly db: PlaygroundDB) {
    client.on('compare/status', (m) => {
      this.status = m.status;
      if (m.runId !== undefined) { this.runId = m.runId; this.picked = m.runId; }
      if (m.message) this.message = m.message;
      if (m.status !== 'running') this.progress = null;
      void this.refresh();
    });
    client.on('compare/progress', (m) => { this.progress = { stage: m.stage, step: m.step, total: m.total }; });
    client.on('compare/result', () => void this.refresh());
    client.on('error', (m) => {
      if (m.context.startsWith('compare/')) Object.assign(this, { message: m.message, status: this.status === 'starting' ? 'failed' : this.status });
    });
    void this.refresh();
  }

  get busy(): boolean {
    return this.status === 'starting' || this.status === 'running';
  }

  /** The run the results panel shows. */
  get shown(): ComparisonRun | undefined {
    return this.runs.find((r) => r.id === this.picked) ?? this.runs[0];
  }

  async refresh(): Promise<void> {
    this.runs = await listComparisonRuns(this.db);
  }

  start(request: CompareRequest): void {
    Object.assign(this, { status: 'starting', progress: null, message: '' });
    this.client.send({ type: 'compare/start', request: $state.snapshot(request) as CompareRequest });
  }

  stop = () => this.client.send({ type: 'compare/stop' });
}

const KEY = Symbol('compare');
export const setCompareState = (s: CompareState) => setContext(KEY, s);
export const useCompareState = () => getContext<CompareState>(KEY);
