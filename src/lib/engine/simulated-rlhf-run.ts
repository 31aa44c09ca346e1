// An RL run without the app: the app's own round (rlhf-round.ts), a simulated labeler answering
// every feedback request in memory as the app's main thread does, no storage, no run control.
// `npm run experiment -- rlhf` drives it; the same settings and seed give the app's round metrics.
import type { Judgement } from '../feedback/judgement';
import { labelerFromSettings, simulatedRoundJudgements, type LabelingBatch, type SimulatedLabelerSettings } from '../feedback/simulated-judgement';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { cloneParams } from '../model/params';
import { IDENTITY_NORMALIZATION } from '../rlhf/reward-normalization';
import { Lock } from '../util/lock';
import type { FaultRecord } from '../store/fault-record';
import type { PtxTextSource } from './ppo-config';
import { PPOTrainer } from './ppo-trainer';
import { PtxBatches } from './ptx';
import { rewardModelFrom } from './reward-fitting';
import { checkRLSettings, type RLSettings } from './rl-run';
import { runRound, type LoopState, type RewardBase, type RoundIO, type RoundResult } from './rlhf-round';

export interface SimulatedRunOptions {
  /** PPO-ptx's documents by source: the one settings.ppo.ptxSource names, when ptxCoef > 0. */
  ptxDocuments?: Partial<Record<PtxTextSource, string[]>>;
  /** Every fault the guard caught (an update undone). */
  onFault?: (f: FaultRecord) => void;
  /** The clock stamped on judgements (fixed in tests). */
  now?: () => Date;
  /** Where each round's reward model starts (its own copy: disposed with the run); the reference's trunk by default. */
  base?: RewardBase;
}

export class SimulatedRLHFRun {
  readonly state: LoopState;
  readonly judgements: Judgement[] = [];
  private readonly io: RoundIO;
  private readonly kept = new Map<number, LabelingBatch[]>();

  constructor(
    reference: LanguageModel,
    readonly settings: RLSettings,
    readonly labelerSettings: SimulatedLabelerSettings,
    readonly prompts: string[],
    options: SimulatedRunOptions = {},
  ) {
    checkRLSettings(settings);
    const { ptxCoef, ptxSource } = settings.ppo;
    const docs = options.ptxDocuments?.[ptxSource];
    if (ptxCoef > 0 && !docs?.length) throw new Error(`Expected ${ptxSource} text for PPO-ptx (ptxCoef ${ptxCoef}, ptxSource '${ptxSource}'), but got none`);
    const ptx = ptxCoef > 0 ? new PtxBatches(reference.tokenizer, docs!, reference.config.blockSize, settings.seed) : undefined;
    const labeler = labelerFromSettings(labelerSettings);
    const policy = { ...reference, params: cloneParams(reference.config, reference.params) };
    this.state = {
      runLabel: 'headless run', reference, policy, simulated: labeler,
      trainer: new PPOTrainer(policy, reference, settings.ppo, ptx),
      // A run that starts without a phase-2 reward model: the reference's trunk with a fresh head.
      base: options.base ?? { model: rewardModelFrom(reference), keepHead: false, normalization: IDENTITY_NORMALIZATION },
    };
    this.io = {
      lock: new Lock(),
      progress: () => {},
      pausePoint: async () => {},
      keptBatches: async (round) => this.kept.get(round),
      keepBatches: async (round, batches) => { this.kept.set(round, batches); },
      judgements: async () => this.judgements,
      requestFeedback: async (round, batches) => {
        this.judgements.push(...simulatedRoundJudgements(labeler, round, batches, options.now));
      },
      reportFaults: async (faults) => faults.forEach((f) => options.onFault?.(f)),
    };
  }

  /** Rounds 1..settings.rounds, one report each. */
  async *run(): AsyncGenerator<RoundResult> {
    for (let round = 1; round <= this.settings.rounds; round++) yield await runRound(this.io, this.state, this.settings, this.prompts, round);
  }

  /** Everything but the reference, which the caller owns. */
  dispose(): void {
    const { trainer, policy, base, rm } = this.state;
    trainer.dispose();
    [policy, base.model, rm?.model].forEach((m) => m && disposeLanguageModel(m));
  }
}
