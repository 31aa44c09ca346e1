// Rule-based rewards, after DeepMind's Sparrow (Glaese et al. 2022): written rules that take
// reward away from a completion each time it breaks them, on top of the reward model's score.
// A rule is a list of words (matched whole-word, case-insensitive) or a regular expression
// (matched globally), with the penalty one match costs. Pure: no tfjs, no DOM.
//
// A regex runs in the worker and cannot be interrupted, so each text is cut to MAX_RULE_TEXT
// characters, each rule counts at most MAX_RULE_MATCHES matches, and patterns with a quantified
// group that itself repeats (the classic `(a+)+` catastrophic backtracking) are refused.

export interface RewardRule {
  /** Shown in the breakdown and named in every validation message. */
  name: string;
  /** 'words': comma-separated words or phrases; 'regex': a JavaScript regular expression. */
  kind: 'words' | 'regex';
  pattern: string;
  /** Subtracted from the reward per match; ≥ 0 (the PPO reward only takes penalties). */
  penalty: number;
}

export interface RuleHit {
  rule: string;
  count: number;
  /** count × the rule's penalty. */
  penalty: number;
}

export interface RuleBreakdown {
  /** The whole penalty, ≥ 0: what is subtracted from the reward (PPOTrainer's extraPenalty). */
  total: number;
  /** One entry per rule matched at least once, in rule order. */
  hits: RuleHit[];
}

export const MAX_RULE_TEXT = 2000;
export const MAX_RULE_MATCHES = 100;
export const MAX_RULE_PATTERN = 200;
export const MAX_RULE_PENALTY = 100;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A group that ends in a quantifier and holds one: `(a+)+`, `(\w*)*`, `(x{2,})+`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;

const wordsOf = (pattern: string) => pattern.split(',').map((w) => w.trim()).filter(Boolean);

/** The global regex a rule matches with; throws a SyntaxError on a bad pattern. */
function compile(rule: RewardRule): RegExp {
  if (rule.kind === 'words') {
    const alternatives = wordsOf(rule.pattern).map(escapeRegex).join('|');
    // Whole words: no letter, digit or underscore may touch either end.
    return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu');
  }
  return new RegExp(rule.pattern, 'g');
}

/** What is wrong with each rule, one message per problem, naming the rule; [] when all are fine. */
export function validateRules(rules: RewardRule[]): string[] {
  const problems: string[] = [];
  rules.forEach((r, i) => {
    const name = r.name.trim() ? `Rule "${r.name.trim()}"` : `Rule ${i + 1}`;
    if (!r.name.trim()) problems.push(`${name} needs a name`);
    if (r.kind !== 'words' && r.kind !== 'regex') problems.push(`${name}: expected kind 'words' or 'regex', but got ${String(r.kind)}`);
    if (!Number.isFinite(r.penalty) || r.penalty < 0 || r.penalty > MAX_RULE_PENALTY) {
      problems.push(`${name}: expected a penalty in 0..${MAX_RULE_PENALTY}, but got ${r.penalty}`);
    }
    if (r.kind === 'words' && !wordsOf(r.pattern).length) problems.push(`${name} has no words`);
    if (r.kind !== 'regex') return;
    if (!r.pattern) return void problems.push(`${name} has an empty pattern`);
    if (r.pattern.length > MAX_RULE_PATTERN) return void problems.push(`${name}: the pattern is over ${MAX_RULE_PATTERN} characters`);
    if (NESTED_QUANTIFIER.test(r.pattern)) return void problems.push(`${name}: a repeated group that itself repeats can hang the browser; simplify it`);
    let re: RegExp;
    try {
      re = compile(r);
    } catch (e) {
      return void problems.push(`${name} is not a valid regular expression: ${(e as Error).message}`);
    }
    if (re.test('')) problems.push(`${name} matches the empty text; it would match everywhere`);
  });
  return problems;
}

/** How often rule matches text (non-empty matches only, at most MAX_RULE_MATCHES). */
function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let count = 0;
  for (let m = re.exec(text); m && count < MAX_RULE_MATCHES; m = re.exec(text)) {
    if (m[0].length) count++;
    else re.lastIndex++; // an empty match would be found again at the same place
  }
  return count;
}

/** Each rule's matches in text and the penalty they cost; rules must have passed validateRules. */
export function ruleBreakdown(text: string, rules: RewardRule[]): RuleBreakdown {
  const t = text.slice(0, MAX_RULE_TEXT);
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    const count = countMatches(compile(rule), t);
    if (count) hits.push({ rule: rule.name, count, penalty: count * rule.penalty });
  }
  return { total: hits.reduce((a, h) => a + h.penalty, 0), hits };
}
