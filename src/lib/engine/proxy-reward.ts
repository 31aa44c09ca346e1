// The reward model a comparison's methods share (the "proxy" of Gao et al.): fitted from the
// reference's trunk on the shared judgements, and normalised on the judged completions as the RL
// loop normalises its reward, so every method is pushed by, and measured with, the same scores.
import type { ComparisonGroup } from '../feedback/judgement-group';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { normalizeReward } from '../rlhf/reward-normalization';
import { DEFAULT_REWARD_FIT, fitRewardModel, normalizationFromSamples, rewardModelFrom, type RewardFitProgress } from './reward-fitting';
import { scoreCompletions } from './reward-trainer';

export type Item = { promptIds: number[]; completion: number[] };

export interface ProxyReward {
  /**
   * Normalised scores of completions, in the order given. It takes no lock of its own: the RL
   * trainer calls it inside a step that holds the lock already, and other callers wrap it.
   */
  scores(items: Item[]): Promise<number[]>;
  dispose(): void;
}

/** Runs each step of work (the worker takes its lock per step; Node runs it as it is). */
export type StepRunner = <T>(work: () => Promise<T>) => Promise<T>;
export const runDirectly: StepRunner = (work) => work();

export async function fitProxyReward(
  reference: LanguageModel, groups: ComparisonGroup[], seed: number,
  { run = runDirectly, onStep }: { run?: StepRunner; onStep?: (p: RewardFitProgress) => void } = {},
): Promise<ProxyReward> {
  const rm = rewardModelFrom(reference);
  try {
    const fit = fitRewardModel(rm, [{ phase: 'train', groups }], [], { ...DEFAULT_REWARD_FIT, validationShare: 0, seed });
    for (;;) {
      const next = await run(() => fit.next());
      if (next.done) break;
      onStep?.(next.value);
    }
    const judged = groups.flatMap((g) => g.completions.map((completion) => ({ promptIds: g.promptIds, completion })));
    const normalization = await run(() => normalizationFromSamples(rm, judged));
    return {
      scores: async (items) => (await scoreCompletions(rm, items)).map((r) => normalizeReward(r, normalization)),
      dispose: () => disposeLanguageModel(rm),
    };
  } catch (e) {
    disposeLanguageModel(rm);
    throw e;
  }
}
