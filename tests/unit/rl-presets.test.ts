// The RL presets fill a valid form, "Over-optimise" holds what its measurement in the README says,
// and the headless experiment starts from the preset --preset names, each flag laid over it.
import { describe, expect, it } from 'vitest';
import { experimentSettings } from '../../cli/experiments/rlhf';
import { presetForm, RL_PRESETS } from '../../src/lib/engine/rl-presets';
import { checkRLSettings } from '../../src/lib/engine/rl-run';

describe('RL presets', () => {
  it('each fills settings a run accepts', () => {
    for (const p of RL_PRESETS) expect(() => checkRLSettings(presetForm(p.name).settings), p.name).not.toThrow();
  });

  it('"Over-optimise": few judgements (2 a round), many PPO steps against them, β = 0.005 fixed, an honest sentiment labeler', () => {
    const { settings: s, who, simulated } = presetForm('Over-optimise');
    expect([who, simulated.scorer, simulated.mode]).toEqual(['simulated', 'sentiment', 'honest']);
    expect([s.ppo.initKl, s.ppo.adaptiveKl]).toEqual([0.005, false]);
    expect(s.feedbackPrompts * (s.k * (s.k - 1)) / 2 * s.rounds).toBe(20); // twenty comparisons in all
    expect([s.ppoSteps, s.rmStart, s.evalPrompts]).toEqual([10, 'last', 16]);
  });

  it('the experiment starts from the preset --preset names, and a flag overrides one knob', () => {
    const { settings, preset, labeler } = experimentSettings(['--preset', 'Over-optimise', '--rounds', '3']);
    expect(preset).toBe('Over-optimise');
    expect([settings.rounds, settings.ppoSteps, settings.ppo.initKl, labeler.scorer]).toEqual([3, 10, 0.005, 'sentiment']);
    expect(experimentSettings([]).preset).toBe('Make it positive');
    expect(() => experimentSettings(['--preset', 'Go faster'])).toThrow('Unknown preset "Go faster"; known: Make it positive, Make it kind, Happy endings, Make it short, Over-optimise, Cut the KL leash');
  });
});
