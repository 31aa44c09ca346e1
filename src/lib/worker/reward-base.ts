// The reward model an RL run refits every round, and where it comes from. Recorded in the run's
// settings at the start (RLRunSettings.rewardBase) so a resumed run refits from the same one,
// whatever reward model is loaded when it resumes.
import { rewardModelFrom } from '../engine/reward-fitting';
import type { RewardBase } from '../engine/rlhf-round';
import type { RLRunSettings } from '../engine/rl-run';
import { modelFromCheckpointBytes } from '../model/checkpoint';
import type { LanguageModel } from '../model/language-model';
import { IDENTITY_NORMALIZATION, type RewardNormalization } from '../rlhf/reward-normalization';
import { getDB } from '../store/db';
import type { RLHostContext } from './rl-host';

export type { RewardBase };

/**
 * A model of the run's own: a copy of the stored phase-2 reward model it started from, or the
 * reference's trunk with a fresh head. Runs stored before the start was recorded, or whose reward
 * model was deleted since, take the one in use (or a fresh head when there is none).
 */
export async function rewardBase(s: Pick<RLRunSettings, 'rewardBase'>, reference: LanguageModel, ctx: Pick<RLHostContext, 'lock' | 'rewardModel'>): Promise<RewardBase> {
  const fresh = (): RewardBase => ({ model: rewardModelFrom(reference), keepHead: false, normalization: IDENTITY_NORMALIZATION });
  const copyOf = (rm: { model: LanguageModel; normalization: RewardNormalization }): RewardBase =>
    ({ model: rewardModelFrom(rm.model, { keepHead: true }), keepHead: true, normalization: rm.normalization });
  if (s.rewardBase === 'reference') return ctx.lock.run(fresh);
  const wanted = s.rewardBase?.checkpointId;
  if (wanted !== undefined) {
    const inUse = await ctx.lock.run(() => {
      const rm = ctx.rewardModel();
      return rm?.checkpointId === wanted ? copyOf(rm) : undefined;
    });
    if (inUse) return inUse;
    const row = await getDB().checkpointBytes.get(wanted);
    if (row) {
      const { model, meta } = modelFromCheckpointBytes(new Uint8Array(row.bytes));
      const stored = (meta.rewardModel as { normalization?: RewardNormalization } | undefined)?.normalization;
      return { model, keepHead: true, normalization: stored ?? IDENTITY_NORMALIZATION };
    }
  }
  return ctx.lock.run(() => {
    const rm = ctx.rewardModel();
    return rm ? copyOf(rm) : fresh();
  });
}
