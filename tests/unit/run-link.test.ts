// The RL run form as a shareable link: every setting (seed included) comes back from the link as
// it went in; a damaged, tampered or foreign link is refused with a message and no form; a link
// made before a setting existed gives that setting its default.
import { describe, expect, it } from 'vitest';
import { presetForm, type RunForm } from '../../src/lib/engine/rl-presets';
import { DEFAULT_RL } from '../../src/lib/engine/rl-run';
import { decodeRunForm, encodeRunForm, MAX_RUN_LINK_CHARS, readRunLink, runLinkCode, runLinkHash } from '../../src/lib/engine/run-link';
import { DEFAULT_SIMULATED_LABELER } from '../../src/lib/feedback/simulated-judgement';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A form far from the defaults in every group: run knobs, PPO, retention, rules, labeler. */
function customForm(): RunForm {
  const form = presetForm('Cut the KL leash');
  Object.assign(form.settings, { seed: 424242, rounds: 17, k: 3, rmStart: 'last' });
  Object.assign(form.settings.ppo, { algorithm: 'grpo', samplesPerPrompt: 4, learningRate: 3e-5, whitenAdvantages: false });
  form.settings.retention.keepLast = 2;
  form.settings.rules = [{ name: 'No “the the”', kind: 'regex', pattern: '\\bthe the\\b', penalty: 1.5 }];
  form.simulated.keywords = 'the, café';
  form.simulated.noise = 0.25;
  return form;
}

describe('RL run link', () => {
  it('round-trips every setting, the seed included, through the code and the address hash', () => {
    const form = customForm();
    expect(decodeRunForm(encodeRunForm(form))).toEqual(form);
    const hash = runLinkHash(form);
    expect(hash).toMatch(/^#rl\?run=[A-Za-z0-9_-]+$/);
    expect(runLinkCode(hash)).toBe(encodeRunForm(form));
    const read = readRunLink(hash);
    expect(read && 'form' in read && read.form.settings.seed).toBe(424242);
    expect(read).toEqual({ form });
    // The code is short enough for any address bar and chat message.
    expect(encodeRunForm(form).length).toBeLessThan(2500);
  });

  it('a person-labelled form carries no labeler settings and reads back with the default ones', () => {
    const form: RunForm = { settings: structuredClone(DEFAULT_RL), who: 'person', simulated: { ...DEFAULT_SIMULATED_LABELER, noise: 0.4 } };
    const back = decodeRunForm(encodeRunForm(form));
    expect(back.who).toBe('person');
    expect(back.simulated).toEqual(DEFAULT_SIMULATED_LABELER);
    expect(back.settings).toEqual(DEFAULT_RL);
  });

  it('carries the story labelers: a topic labeler keeps its topic', () => {
    const form = presetForm('Make it positive');
    form.simulated = { ...form.simulated, scorer: 'topic', topic: 'teddy bear' };
    expect(decodeRunForm(encodeRunForm(form)).simulated).toEqual(form.simulated);
    form.simulated.scorer = 'kindness';
    expect(decodeRunForm(encodeRunForm(form)).simulated.scorer).toBe('kindness');
  });

  it('a hash without a link is not a link: #rl, #reward, other keys', () => {
    expect(readRunLink('')).toBeNull();
    expect(readRunLink('#rl')).toBeNull();
    expect(readRunLink('#reward?run=abc')).toBeNull();
    expect(readRunLink('#rl?other=1')).toBeNull();
  });

  it('settings added after the link was made take their defaults; unknown keys are ignored', () => {
    const code = base64url({ v: 1, who: 'simulated', settings: { seed: 7, rounds: 3, ppo: { initKl: 0 }, someFutureKnob: 5 }, simulated: { scorer: 'shorter' } });
    const form = decodeRunForm(code);
    expect(form.settings).toEqual({ ...DEFAULT_RL, seed: 7, rounds: 3, ppo: { ...DEFAULT_RL.ppo, initKl: 0 } });
    expect(form.simulated).toEqual({ ...DEFAULT_SIMULATED_LABELER, scorer: 'shorter' });
    expect('someFutureKnob' in form.settings).toBe(false);
  });

  const refused: Array<[string, string, RegExp]> = [
    ['garbage', 'not a link at all!', /not the code this app writes/],
    ['cut short', encodeRunForm(customForm()).slice(0, 40), /damaged/],
    ['not JSON', Buffer.from('{"v":1,').toString('base64url'), /damaged/],
    ['a list', base64url([1, 2]), /holds no settings/],
    ['a newer format', base64url({ v: 2, who: 'person', settings: {} }), /newer version of the app \(format 2\)/],
    ['no version', base64url({ who: 'person', settings: {} }), /format undefined is unknown/],
    ['no settings', base64url({ v: 1, who: 'person' }), /no run settings/],
    ['rounds out of range', base64url({ v: 1, who: 'person', settings: { rounds: 1e9 } }), /Expected rounds to be an integer in 1\.\.1000, but got 1000000000/],
    ['a seed that is text', base64url({ v: 1, who: 'person', settings: { seed: '1; drop' } }), /Expected seed to be a finite number/],
    ['an unknown algorithm', base64url({ v: 1, who: 'person', settings: { ppo: { algorithm: 'sgd' } } }), /Expected algorithm 'ppo', 'rloo', 'a2c' or 'grpo', but got sgd/],
    ['PPO settings not an object', base64url({ v: 1, who: 'person', settings: { ppo: 3 } }), /PPO settings are not an object/],
    ['a bad rule', base64url({ v: 1, who: 'person', settings: { rules: [{ name: 'x', kind: 'regex', pattern: '(a+)+', penalty: 1 }] } }), /Rule "x"/],
    ['a rule that is not one', base64url({ v: 1, who: 'person', settings: { rules: [{ name: 1 }] } }), /rule 1 is not a rule/],
    ['an unknown labeler', base64url({ v: 1, who: 'robot', settings: {} }), /expected person or simulated/],
    ['an unknown scorer', base64url({ v: 1, who: 'simulated', settings: {}, simulated: { scorer: 'rude' } }), /prefers "rude"/],
    ['noise out of range', base64url({ v: 1, who: 'simulated', settings: {}, simulated: { noise: 0.9 } }), /Expected noise in 0\.\.0\.5, but got 0\.9/],
    ['no keywords', base64url({ v: 1, who: 'simulated', settings: {}, simulated: { scorer: 'keyword', keywords: ' , ' } }), /at least one word/],
    ['a topic labeler without a topic', base64url({ v: 1, who: 'simulated', settings: {}, simulated: { scorer: 'topic', topic: ' ' } }), /topic word/],
    ['a topic that is not text', base64url({ v: 1, who: 'simulated', settings: {}, simulated: { scorer: 'topic', topic: 5 } }), /the topic is not a text of at most 40 characters/],
  ];
  it.each(refused)('refuses %s with a message that says so and keeps the defaults', (_what, code, reason) => {
    expect(() => decodeRunForm(code)).toThrow(reason);
    const read = readRunLink(`#rl?run=${code.replace(/ /g, '%20')}`);
    expect(read).toEqual({ error: expect.stringMatching(/^This link's settings cannot be used: .*The form keeps its defaults\.$/) });
  });

  it('refuses a tampered link whose settings break a rule between knobs', () => {
    const form = customForm();
    form.settings.ppo.minibatches = 64; // more minibatches than completions in a rollout
    expect(() => decodeRunForm(encodeRunForm(form))).toThrow(/minibatches at most/);
  });

  it('refuses an over-long link before reading it', () => {
    expect(() => decodeRunForm('A'.repeat(MAX_RUN_LINK_CHARS + 1))).toThrow(/16001 characters long, over the 16000/);
  });
});
