// The worker's RLHost driven in Node, as the main thread drives it: a tiny model in use, every
// message kept, and each feedback request answered by a simulated labeler through the store.
// Shared by the RL host tests (rounds, retention, PPO-ptx, a full disk, an imported run).
import { DEFAULT_SIMULATED_LABELER, labelerFromSettings, simulatedRoundJudgements, type SimulatedLabelerSettings } from '../../src/lib/feedback/simulated-judgement';
import type { LanguageModel } from '../../src/lib/model/language-model';
import { getDB } from '../../src/lib/store/db';
import { addJudgement } from '../../src/lib/store/judgements';
import { Lock } from '../../src/lib/util/lock';
import type { FromWorker, ModelInfo } from '../../src/lib/worker/protocol';
import { RLHost, type RLHostContext } from '../../src/lib/worker/rl-host';
import type { RunLocks } from '../../src/lib/worker/run-lock';

export type FeedbackRequest = Extract<FromWorker, { type: 'rl/feedback-request' }>;

/** One layer: a round takes well under a second; 32 positions hold a prompt and its completion. */
export const RL_TEST_SIZE = { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 };

/** Ranks at random, without ties or noise: every judgement is informative. */
export const RANDOM_LABELER: SimulatedLabelerSettings = { ...DEFAULT_SIMULATED_LABELER, mode: 'random', noise: 0 };

/** What the worker says of the model in use; `checkpointId` is the checkpoint it was loaded from. */
export function testPolicyInfo(model: LanguageModel, checkpointId?: number): ModelInfo {
  return { name: 'test', config: model.config, parameters: 0, tokenizer: 'test', checkpointId, meta: { name: 'test', createdAt: '2025-01-01T00:00:00.000Z', kind: 'pretrain' } };
}

/** Stores the labeler's ranking of every batch, as the main thread does (rl-feedback.svelte.ts). */
export async function storeJudgements(m: FeedbackRequest, settings: SimulatedLabelerSettings = RANDOM_LABELER): Promise<void> {
  for (const j of simulatedRoundJudgements(labelerFromSettings(settings), m.round, m.batches)) await addJudgement(getDB(), j);
}

/** Stores the round's judgements, then tells the host its feedback is in. */
export async function labelRound(host: RLHost, m: FeedbackRequest, settings: SimulatedLabelerSettings = RANDOM_LABELER): Promise<void> {
  await storeJudgements(m, settings);
  host.feedbackDone(m.round);
}

export interface TestRLHostOptions {
  /** Answers each feedback request; by default labelRound with RANDOM_LABELER. */
  onRequest?: (host: RLHost, m: FeedbackRequest) => void;
  /** Sees every message as it is posted, before onRequest. */
  onPost?: (m: FromWorker, host: RLHost) => void;
  /** The run locks; Web Locks by default. */
  locks?: RunLocks;
  /** The PPO-ptx corpus text. */
  ptxText?: () => Promise<string>;
  /** The reward model phase 2 trained; none by default. */
  rewardModel?: RLHostContext['rewardModel'];
  /** The checkpoint the model in use was loaded from, read each time the host asks. */
  inUseCheckpointId?: () => number | undefined;
}

/** An RLHost whose model in use is `model`; `messages` holds everything it posts, in order. */
export function makeTestRLHost(model: LanguageModel, options: TestRLHostOptions = {}): { host: RLHost; messages: FromWorker[] } {
  const { onRequest = (h, m) => void labelRound(h, m), onPost, inUseCheckpointId } = options;
  const messages: FromWorker[] = [];
  const host: RLHost = new RLHost({
    lock: new Lock(),
    post: (m) => {
      messages.push(m);
      onPost?.(m, host);
      if (m.type === 'rl/feedback-request') onRequest(host, m);
    },
    policy: () => ({ model, info: testPolicyInfo(model, inUseCheckpointId?.()) }),
    rewardModel: options.rewardModel ?? (() => undefined),
    ptxText: options.ptxText,
    locks: options.locks,
  });
  return { host, messages };
}
