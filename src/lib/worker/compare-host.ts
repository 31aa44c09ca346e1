// The Compare screen's runs in the worker: the judgements (a simulated labeler's, fresh, or the
// stored ones), one reward model fitted on them, then each method in turn
// (engine/method-comparison.ts). Each method's result is written to IndexedDB before the page
// hears of it, and its trained policy saved as a checkpoint, so a reload loses at most the method
// in flight. The reference is a copy of the model in use, so loading another model mid-run
// changes nothing here. Each step of work takes the engine's lock, so generation interleaves.
import { judgementToGroup, type ComparisonGroup } from '../feedback/judgement-group';
import { labelerFromSettings, scorerOf } from '../feedback/simulated-judgement';
import { modelToCheckpointBytes } from '../model/checkpoint';
import type { CheckpointMeta } from '../model/checkpoint-format';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { cloneParams } from '../model/params';
import { checkCompareSettings, METHOD_LABELS } from '../engine/compare-settings';
import { compareMethods, COMPARE_TEMPERATURE } from '../engine/method-comparison';
import { fitProxyReward, type ProxyReward } from '../engine/proxy-reward';
import { informative } from '../engine/reward-fitting';
import { splitPrompts } from '../engine/rl-run';
import { collectComparisons } from '../engine/simulated-comparisons';
import { saveCheckpoint } from '../store/checkpoints';
import { addComparisonResult, addComparisonRun, setComparisonStatus } from '../store/comparison-runs';
import { getDB } from '../store/db';
import { listJudgements } from '../store/judgements';
import type { Lock } from '../util/lock';
import type { LoadedModel } from './model-slot';
import type { CompareRequest, FromWorker } from './protocol';
import { webRunLocks } from './run-lock';

export interface CompareHostContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  current: () => { model: LanguageModel; info: { meta: CheckpointMeta } };
}

const compareLockName = (id: number) => `rlhf-compare-${id}`;
const pairCount = (groups: ComparisonGroup[]) => groups.reduce((n, g) => n + g.pairs.length, 0);

export class CompareHost {
  private run: { stopped: boolean } | undefined;

  constructor(private readonly ctx: CompareHostContext) {}

  get active(): boolean {
    return this.run !== undefined;
  }

  /** At start: a run marked running whose tab no longer holds its lock was cut short by a close or reload. */
  async markInterrupted(): Promise<void> {
    const db = getDB();
    const running = await db.runs.where('kind').equals('compare').filter((r) => r.status === 'running').toArray();
    const locks = webRunLocks();
    for (const r of running) {
      const release = await locks.tryHold(compareLockName(r.id!));
      if (!release) continue; // another tab is running it
      release();
      await setComparisonStatus(db, r.id!, 'interrupted');
    }
  }

  stop(): void {
    if (this.run) this.run.stopped = true;
  }

  async start(req: CompareRequest): Promise<void> {
    if (this.run) throw new Error('A comparison is already running');
    checkCompareSettings(req.settings, req.methods);
    const { lock, post } = this.ctx;
    const run = (this.run = { stopped: false });
    const s = req.settings;
    const db = getDB();
    let reference: LanguageModel | undefined;
    let proxy: ProxyReward | undefined;
    let runId: number | undefined;
    let release: (() => void) | undefined;
    try {
      const { train, heldout } = splitPrompts(req.prompts, s.evalPrompts);
      const { model, info } = this.ctx.current();
      const meta = info.meta;
      reference = await lock.run(async () => ({ ...model, params: cloneParams(model.config, model.params) }));
      const ref = reference;
      post({ type: 'compare/status', status: 'running' });
      // 1. The judgements every method shares.
      let groups: ComparisonGroup[];
      let feedback: string;
      if (req.feedback.kind === 'simulated') {
        const labeler = labelerFromSettings(req.feedback.labeler);
        feedback = labeler.name;
        post({ type: 'compare/progress', stage: 'judgements', step: 0, total: s.comparisons });
        const judged = await lock.run(() => collectComparisons(ref, train, labeler, { k: 2, maxTokens: s.maxTokens, temperature: COMPARE_TEMPERATURE, comparisons: s.comparisons, seed: s.seed },
          (n) => post({ type: 'compare/progress', stage: 'judgements', step: n, total: s.comparisons })));
        groups = judged.groups;
      } else {
        const labelers = req.feedback.labelers;
        feedback = labelers ? labelers.join(', ') : 'every labeler';
        groups = informative((await listJudgements(db, labelers ? { labelers } : {})).map((j) => judgementToGroup(j, ref.tokenizer)));
        if (!pairCount(groups)) throw new Error('There are no stored comparisons to compare the methods on: judge some samples on the Reward model tab first');
      }
      const gold = req.gold ? scorerOf(req.gold) : undefined;
      runId = await addComparisonRun(db, `Compare from ${meta.name}`, req, {
        methods: req.methods, feedback, gold: gold ? `simulated: ${gold.name}` : null, judgements: groups.length, comparisons: pairCount(groups), heldout, results: [],
      });
      release = await webRunLocks().tryHold(compareLockName(runId));
      post({ type: 'compare/status', status: 'running', runId });
      // 2. The reward model every method is pushed by and measured with.
      proxy = await fitProxyReward(ref, groups, s.seed, {
        run: (work) => lock.run(work),
        onStep: (p) => post({ type: 'compare/progress', stage: 'reward model', step: p.step, total: p.totalSteps }),
      });
      // 3. Each method, stored as it finishes.
      const io = { run: <T>(work: () => Promise<T>) => lock.run(work), stopped: () => run.stopped, progress: (method: string, step: number, total: number) => post({ type: 'compare/progress', stage: method, step, total }) };
      for await (const { result, policy } of compareMethods({ reference: ref, groups, proxy, train, heldout, gold }, req.methods, s, io)) {
        if (policy) {
          const policyMeta: CheckpointMeta = { ...meta, name: `Compare ${runId}: ${METHOD_LABELS[result.method]}`, createdAt: new Date().toISOString(), kind: 'policy', parent: meta.name, runId, method: result.method, seed: s.seed };
          await saveCheckpoint(db, await lock.run(() => modelToCheckpointBytes(policy, policyMeta)));
        }
        await addComparisonResult(db, runId, result);
        post({ type: 'compare/result', runId, method: result.method });
      }
      const status = run.stopped ? 'stopped' : 'finished';
      await setComparisonStatus(db, runId, status);
      post({ type: 'compare/status', status, runId });
    } catch (e) {
      if (runId !== undefined) await setComparisonStatus(db, runId, 'failed').catch(() => {});
      post({ type: 'compare/status', status: 'failed', runId, message: e instanceof Error ? e.message : String(e) });
    } finally {
      proxy?.dispose();
      if (reference) disposeLanguageModel(reference);
      release?.();
      this.run = undefined;
    }
  }
}
