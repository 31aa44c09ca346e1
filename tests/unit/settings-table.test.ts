// The settings tables: each knob's default passes its own range, messages name the knob and the
// value, a form's range lies inside what a run accepts, and the README lists what the code has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS_TABLES } from '../../src/lib/engine/settings-tables';
import { checkSettings, defaultsOf, formRange, knobProblem, knobsOf, markdownTable, rangeText, type Knob, type NumberKnob, type SettingsTable } from '../../src/lib/util/settings-table';
import { withSettingsTables } from '../../scripts/settings-docs';

interface Toy { n: number; x: number; on: boolean; mode: 'a' | 'b' | 'c'; seed: number }
const TOY: SettingsTable<Toy> = [
  { key: 'n', kind: 'int', default: 2, min: 1, max: 8, label: 'N', help: 'how many' },
  { key: 'x', kind: 'number', default: 0.5, min: 0, max: 1, minOpen: true, form: { min: 0.1 }, step: 0.1, name: 'the x', label: 'X', help: 'how much' },
  { key: 'on', kind: 'bool', default: true, label: 'On', help: 'whether | or not' },
  { key: 'mode', kind: 'choice', default: 'b', label: 'Mode', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }], help: 'which' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, label: 'Seed', help: 'seeds' },
];

describe('settings tables', () => {
  it('takes its defaults from the table and refuses each field out of range, naming it and the value', () => {
    const d = defaultsOf(TOY);
    expect(d).toEqual({ n: 2, x: 0.5, on: true, mode: 'b', seed: 1 });
    expect(checkSettings(TOY, d)).toBe(d);
    expect(() => checkSettings(TOY, { ...d, n: 9 })).toThrow('Expected n to be an integer in 1..8, but got 9');
    expect(() => checkSettings(TOY, { ...d, n: 1.5 })).toThrow('Expected n to be an integer in 1..8, but got 1.5');
    expect(() => checkSettings(TOY, { ...d, x: 0 })).toThrow('Expected the x in (0, 1], but got 0');
    expect(checkSettings(TOY, { ...d, x: 1 }).x).toBe(1);
    expect(() => checkSettings(TOY, { ...d, on: 'yes' as unknown as boolean })).toThrow('Expected on to be true or false, but got yes');
    expect(() => checkSettings(TOY, { ...d, mode: 'd' as 'a' })).toThrow("Expected mode 'a', 'b' or 'c', but got d");
    expect(() => checkSettings(TOY, { ...d, seed: NaN })).toThrow('Expected seed to be a finite number, but got NaN');
    expect(() => checkSettings(TOY, { ...d, n: '2' as unknown as number })).toThrow(/Expected n .* but got 2/);
  });

  it('says ranges in words, open ends included', () => {
    const k = (over: Partial<NumberKnob>): NumberKnob => ({ key: 'v', kind: 'number', default: 0, min: 0, max: 1, label: 'V', help: '', ...over });
    expect(rangeText(k({}))).toBe('in 0..1');
    expect(rangeText(k({ minOpen: true, maxOpen: true }))).toBe('in (0, 1)');
    expect(rangeText(k({ max: Infinity }))).toBe('to be a number >= 0');
    expect(rangeText(k({ max: Infinity, minOpen: true }))).toBe('to be a number > 0');
    expect(rangeText(k({ kind: 'int', max: Infinity }))).toBe('to be an integer >= 0');
    expect(knobProblem(k({ maxOpen: true }), 1)).toBe('Expected v in [0, 1), but got 1');
  });

  it("gives a form the table's range where it is not narrowed, and picks knobs by key in the order asked", () => {
    const [n, x] = knobsOf(TOY, ['n', 'x']);
    expect(formRange(n as NumberKnob)).toEqual({ min: 1, max: 8, step: 1 });
    expect(formRange(x as NumberKnob)).toEqual({ min: 0.1, max: 1, step: 0.1 });
    expect(knobsOf(TOY, ['mode', 'n']).map((k) => k.key)).toEqual(['mode', 'n']);
    expect(() => knobsOf(TOY, ['nope' as 'n'])).toThrow('Expected a knob "nope" in the table');
  });

  it('writes a table as README markdown, escaping pipes', () => {
    const md = markdownTable(TOY as ReadonlyArray<Knob>).split('\n');
    expect(md[0]).toBe('| setting | label | default | range | what it does |');
    expect(md[2]).toBe('| `n` | N | `2` | an integer in 1..8 | how many |');
    expect(md[3]).toBe('| `x` | X | `0.5` | (0, 1] | how much |');
    expect(md[4]).toBe('| `on` | On | `true` | true / false | whether \\| or not |');
    expect(md[5]).toBe("| `mode` | Mode | `b` | `a`, `b`, `c` | which |");
  });

  it("every trainer's table: defaults in range, a label and help for each knob, form ranges inside the run's", () => {
    for (const [name, { knobs }] of Object.entries(SETTINGS_TABLES)) {
      for (const k of knobs) {
        expect(knobProblem(k, k.default), `${name}.${k.key}`).toBe('');
        expect(k.label.length * k.help.length, `${name}.${k.key} label and help`).toBeGreaterThan(0);
        if (k.kind === 'int' || k.kind === 'number') {
          const r = formRange(k);
          expect(knobProblem(k, r.min) === '' || (k.minOpen && r.min > k.min), `${name}.${k.key} form min`).toBe(true);
          expect(r.max <= k.max, `${name}.${k.key} form max`).toBe(true);
          expect(r.min <= k.default && k.default <= r.max, `${name}.${k.key} default inside the form`).toBe(true);
        }
      }
      expect(new Set(knobs.map((k) => k.key)).size, `${name}: keys unique`).toBe(knobs.length);
    }
  });

  it("the README's settings tables are the code's (npm run settings-docs rewrites them)", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withSettingsTables(readme)).toBe(readme);
  });
});
