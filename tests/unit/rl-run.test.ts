import { describe, expect, it } from 'vitest';
import { chartedMetrics, checkRLSettings, DEFAULT_RL, isResumable, meanStats, metricHelp, metricPoints, numericStats, parseStoredRLSettings, resumePoint, RL_METRICS, splitPrompts } from '../../src/lib/engine/rl-run';

describe('RL run bookkeeping', () => {
  it('accepts the defaults and names the first setting out of range', () => {
    expect(checkRLSettings(DEFAULT_RL)).toBe(DEFAULT_RL);
    expect(() => checkRLSettings({ ...DEFAULT_RL, k: 1 })).toThrow('Expected K to be an integer in 2..6, but got 1');
    expect(() => checkRLSettings({ ...DEFAULT_RL, rmLearningRate: 0 })).toThrow(/reward-model learning rate/);
    expect(() => checkRLSettings({ ...DEFAULT_RL, ppo: { ...DEFAULT_RL.ppo, minibatches: 99 } })).toThrow(/minibatches/);
    expect(DEFAULT_RL.retention).toEqual({ keepLast: 3, keepEvery: 10 });
    expect(() => checkRLSettings({ ...DEFAULT_RL, retention: { keepLast: 0, keepEvery: 10 } })).toThrow('Expected round checkpoints kept to be an integer in 1..1000, but got 0');
  });

  it('reads stored run settings back through one checked parser that upgrades old rows', () => {
    const prompts = ['Once upon a time', 'The dog', 'I think'];
    const labeler = { kind: 'person' as const, name: 'ana' };
    // A row from before rules, retention, rmStart and ptxSource: each takes its default.
    const { rules: _r, retention: _k, rmStart: _s, ...old } = { ...DEFAULT_RL, labeler, prompts, referenceCheckpointId: 4 };
    const { ptxSource: _p, ...oldPPO } = DEFAULT_RL.ppo;
    const read = parseStoredRLSettings({ ...old, ppo: oldPPO });
    expect(read).toMatchObject({ rules: [], retention: DEFAULT_RL.retention, rmStart: 'base', labeler, prompts, referenceCheckpointId: 4 });
    expect(read.ppo.ptxSource).toBe('corpus');
    // Refused whole, naming what is wrong: ranges as a new run's, and what the run depends on.
    expect(() => parseStoredRLSettings({ ...old, k: 1 })).toThrow('Expected K to be an integer in 2..6, but got 1');
    expect(() => parseStoredRLSettings({ ...old, ppo: { ...oldPPO, clipRange: 1.5 } })).toThrow(/clipRange in \(0, 1\), but got 1.5/);
    expect(() => parseStoredRLSettings('{}')).toThrow("The stored run's settings are damaged: they are not an object");
    expect(() => parseStoredRLSettings({ ...old, labeler: { kind: 'person' } })).toThrow(/labeler is neither/);
    expect(() => parseStoredRLSettings({ ...old, prompts: ['only one'] })).toThrow(/at least 2 prompts/);
    expect(() => parseStoredRLSettings({ ...old, rounds: '8' })).toThrow(/rounds is not a number/);
    expect(() => parseStoredRLSettings({ ...old, rewardBase: { checkpointId: 'x' } })).toThrow(/reward base/);
  });

  it('checks the reward rules, naming the first bad one', () => {
    expect(DEFAULT_RL.rules).toEqual([]);
    const ok = { name: 'no digits', kind: 'regex' as const, pattern: '\\d', penalty: 1 };
    expect(checkRLSettings({ ...DEFAULT_RL, rules: [ok] }).rules).toEqual([ok]);
    expect(() => checkRLSettings({ ...DEFAULT_RL, rules: [ok, { ...ok, name: 'bad', pattern: '[' }] })).toThrow(/^Rule "bad" is not a valid regular expression/);
    expect(() => checkRLSettings({ ...DEFAULT_RL, rules: [{ ...ok, penalty: NaN }] })).toThrow(/^Rule "no digits": expected a penalty/);
  });

  it('holds out the first prompts and always leaves some to train on', () => {
    expect(splitPrompts(['a', 'b', 'c', 'd'], 2)).toEqual({ heldout: ['a', 'b'], train: ['c', 'd'] });
    expect(splitPrompts(['a', 'b'], 5)).toEqual({ heldout: ['a'], train: ['b'] });
    expect(() => splitPrompts(['a'], 1)).toThrow('Expected at least 2 prompts, but got 1');
  });

  it('averages numeric stats and drops the rest', () => {
    const rows = [numericStats({ 'objective/kl': 1, texts: ['x'] }), numericStats({ 'objective/kl': 3, texts: ['y'] })];
    expect(rows[0]).toEqual({ 'objective/kl': 1 });
    expect(meanStats(rows)).toEqual({ 'objective/kl': 2 });
    expect(meanStats([])).toEqual({});
  });

  it('charts a metric by round, skipping rounds where it is not a number', () => {
    const metrics = [{ round: 1, 'rm/heldout_accuracy': NaN }, { round: 2, 'rm/heldout_accuracy': 0.75 }];
    expect(metricPoints(metrics, 'rm/heldout_accuracy')).toEqual([{ x: 2, y: 0.75 }]);
    expect(RL_METRICS.map((m) => m.key)).toContain('policy/clipfrac_avg');
    expect(RL_METRICS.every((m) => m.help.length > 20)).toBe(true);
  });

  it('charts the labeler, A2C and ptx metrics only when the run has them', () => {
    const keys = (rows: Array<Record<string, number>>) => chartedMetrics(rows).map((m) => m.key);
    const ppo = [{ round: 1, 'objective/kl': 2, 'loss/kl_avg': 0, 'loss/ptx_avg': 0 }];
    expect(keys(ppo)).not.toContain('eval/labeler_score');
    expect(keys(ppo)).not.toContain('loss/kl_avg');
    expect(keys(ppo)).not.toContain('loss/ptx_avg');
    expect(keys(ppo)).toContain('objective/kl');
    const a2cPtxSimulated = [{ round: 1, 'eval/labeler_score': 0, 'loss/kl_avg': 0.3, 'loss/ptx_avg': 2.1 }];
    expect(keys(a2cPtxSimulated)).toEqual(expect.arrayContaining(['eval/labeler_score', 'loss/kl_avg', 'loss/ptx_avg']));
  });

  it("explains the ptx loss as on the corpus or on the demonstrations, per the run's ptxSource", () => {
    const ptx = RL_METRICS.find((m) => m.key === 'loss/ptx_avg')!;
    expect(metricHelp(ptx, 'corpus')).toMatch(/bundled corpus/);
    expect(metricHelp(ptx, 'corpus')).not.toMatch(/demonstration/);
    expect(metricHelp(ptx, 'demonstrations')).toMatch(/your demonstrations \(prompt and response\)/);
    expect(metricHelp(ptx, 'demonstrations')).not.toMatch(/corpus/);
    expect(metricHelp(ptx)).toBe(metricHelp(ptx, 'corpus')); // runs stored before ptxSource existed
    const kl = RL_METRICS.find((m) => m.key === 'objective/kl')!;
    expect(metricHelp(kl, 'demonstrations')).toBe(kl.help);
  });

  it('resumes after the last logged round, from the last saved policy', () => {
    expect(resumePoint({ metrics: [], settings: {} })).toEqual({ nextRound: 1, policyCheckpointId: undefined });
    expect(resumePoint({ metrics: [{ round: 1 }, { round: 2 }], checkpointId: 9, settings: {} })).toEqual({ nextRound: 3, policyCheckpointId: 9 });
  });

  it('offers to resume only unfinished RL runs that were not stopped or reset', () => {
    const run = { kind: 'rl', status: 'running', metrics: [{ round: 1 }], settings: { ...DEFAULT_RL, rounds: 2 } };
    expect(isResumable(run)).toBe(true);
    expect(isResumable({ ...run, status: 'paused' })).toBe(true);
    expect(isResumable({ ...run, status: 'reset' })).toBe(false);
    expect(isResumable({ ...run, status: 'stopped' })).toBe(false);
    expect(isResumable({ ...run, metrics: [{ round: 1 }, { round: 2 }] })).toBe(false);
    expect(isResumable({ ...run, kind: 'reward' })).toBe(false);
  });
});
