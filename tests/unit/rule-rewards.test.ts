import { describe, expect, it } from 'vitest';
import { MAX_RULE_MATCHES, ruleBreakdown, validateRules, type RewardRule } from '../../src/lib/rlhf/rule-rewards';

const words = (name: string, pattern: string, penalty: number): RewardRule => ({ name, kind: 'words', pattern, penalty });
const regex = (name: string, pattern: string, penalty: number): RewardRule => ({ name, kind: 'regex', pattern, penalty });

describe('rule-based rewards', () => {
  it('counts whole words, case-insensitive, and adds up the penalties by hand', () => {
    const rules = [words('no bad words', 'bad, awful', 0.5), regex('no shouting', '!+', 1)];
    // "Bad" and "bad" count, "badger" does not; "awful" once; two runs of "!" → 3 × 0.5 + 2 × 1 = 3.5
    const b = ruleBreakdown('Bad bear, bad badger! So awful!!', rules);
    expect(b.hits).toEqual([{ rule: 'no bad words', count: 3, penalty: 1.5 }, { rule: 'no shouting', count: 2, penalty: 2 }]);
    expect(b.total).toBe(3.5);
    expect(ruleBreakdown('A kind bear.', rules)).toEqual({ total: 0, hits: [] });
  });

  it('matches a regex globally and case-sensitively, and phrases with spaces as words', () => {
    expect(ruleBreakdown('the cat sat on the mat', [regex('-at words', '[cms]at', 0.25)]).total).toBe(0.75);
    expect(ruleBreakdown('The the THE', [regex('lower the', 'the', 1)]).total).toBe(1);
    expect(ruleBreakdown('once upon a time, Once Upon A Time', [words('cliché', 'once upon a time', 2)]).total).toBe(4);
  });

  it('caps the matches a rule counts in one text', () => {
    expect(ruleBreakdown('a'.repeat(1000), [regex('any a', 'a', 1)]).total).toBe(MAX_RULE_MATCHES);
  });

  it('accepts good rules and refuses bad ones with a message naming the rule', () => {
    expect(validateRules([])).toEqual([]);
    expect(validateRules([words('rude', 'stupid, dumb', 1), regex('digits', '\\d+', 0.5)])).toEqual([]);
    expect(validateRules([regex('broken', '(ab', 1)])[0]).toMatch(/^Rule "broken" is not a valid regular expression/);
    expect(validateRules([regex('empty', '', 1)])).toEqual(['Rule "empty" has an empty pattern']);
    expect(validateRules([words('blank', ' , ', 1)])).toEqual(['Rule "blank" has no words']);
    expect(validateRules([regex('nothing', 'x*', 1)])).toEqual(['Rule "nothing" matches the empty text; it would match everywhere']);
    expect(validateRules([regex('slow', '(a+)+b', 1)])[0]).toMatch(/^Rule "slow": a repeated group/);
    expect(validateRules([words('inf', 'x', Infinity)])).toEqual(['Rule "inf": expected a penalty in 0..100, but got Infinity']);
    expect(validateRules([words('nan', 'x', NaN)])[0]).toMatch(/^Rule "nan": expected a penalty/);
    expect(validateRules([words('bonus', 'x', -1)])[0]).toMatch(/^Rule "bonus": expected a penalty/);
    expect(validateRules([words('', 'x', 1)])).toEqual(['Rule 1 needs a name']);
  });
});
