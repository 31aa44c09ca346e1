// Every trainer's settings table, by name: what the README's "Settings" section lists
// (scripts/settings-docs.ts writes it; a unit test fails when the two differ).
import type { Knob } from '../util/settings-table';
import { RETENTION_SETTINGS } from './checkpoint-retention';
import { COMPARE_SETTINGS } from './compare-settings';
import { CONTEXT_DISTILLATION_SETTINGS } from './context-distillation-settings';
import { DPO_SETTINGS } from './dpo-settings';
import { KTO_SETTINGS } from './kto-settings';
import { PPO_SETTINGS } from './ppo-config';
import { PRETRAIN_SETTINGS } from './pretrain-settings';
import { HELDOUT_FRACTION, REWARD_FIT_SETTINGS } from './reward-fit-settings';
import { RL_SETTINGS } from './rl-run';
import { SFT_SETTINGS } from './sft-settings';

export const SETTINGS_TABLES: Record<string, { title: string; knobs: ReadonlyArray<Knob> }> = {
  pretrain: { title: 'Pretraining (Language model tab, `npm run pretrain`)', knobs: PRETRAIN_SETTINGS },
  sft: { title: 'Supervised fine-tuning (Language model tab, `npm run sft`)', knobs: SFT_SETTINGS },
  'reward-fit': { title: 'Reward-model fit (Reward model tab; the RL run refits with its own epochs, learning rate and minimum steps)', knobs: [...REWARD_FIT_SETTINGS, HELDOUT_FRACTION] },
  rl: { title: 'An RL run (RL tab, `npm run experiment -- rlhf`)', knobs: [...RL_SETTINGS, ...RETENTION_SETTINGS] },
  ppo: { title: 'PPO, RLOO, A2C and GRPO (RL tab, "PPO settings")', knobs: PPO_SETTINGS },
  'context-distillation': { title: 'Context distillation (Language model tab, `npm run experiment -- distill`; the prefix is checked beside these)', knobs: CONTEXT_DISTILLATION_SETTINGS },
  dpo: { title: 'DPO and IPO on the stored judgements (engine/dpo-trainer.ts; the Compare tab runs them with these defaults)', knobs: DPO_SETTINGS },
  kto: { title: 'KTO on the stored thumbs and judged pairs (engine/kto-trainer.ts; the Compare tab runs it with these defaults)', knobs: KTO_SETTINGS },
  compare: { title: 'A comparison of methods (Compare tab, `npm run experiment -- compare`)', knobs: COMPARE_SETTINGS },
};
