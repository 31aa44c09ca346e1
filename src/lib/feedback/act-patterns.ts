// Finding acts in a sentence ("laughed at him", "did not share") with a tiny pattern language, so a
// labeler's word lists read as English: `laugh* at`, `call* ~2 (names|silly)`, `hit* @who`.
//   word     that word                  word*   every form of the verb (help, helps, helped, helping)
//   (a|b*)   any of these               ~N      up to N other words in between
//   @who     a person: him, her, them, me, you, us, or a name    @name   a name (a capital word mid-sentence)
//   ^slot    the act's own word, where negation is looked for (the first slot unless marked)
// A match is negated when a negator ("not", "n't", "never", "no one", "refused to" ...) comes at
// most NEGATION_REACH words before that word, with no clause break ("and", "but", a comma) between.
// An act after "if" in its clause has not happened ("What if they laugh at me?") and is left out.
import { verbForms } from './english-forms';

export interface Token {
  /** Lower case, curly apostrophes straightened; punctuation marks are tokens too. */
  text: string;
  isWord: boolean;
  /** Capitalised and not the sentence's first word: most likely a name. */
  isName: boolean;
}

export interface ActPattern {
  pattern: string;
  /** How much one occurrence counts (1 unless said). */
  weight?: number;
  /** Not an act when one of these words comes just before (within 2 words): "cried for help". */
  unlessBefore?: readonly string[];
  /** Not an act when the next token is one of these: "Help!", "gave up". */
  unlessAfter?: readonly string[];
  /** Only where this holds of the context's words (the sentence's, unless the caller gives more). */
  when?: (words: ReadonlySet<string>) => boolean;
}

export interface ActMatch<P extends ActPattern = ActPattern> {
  pattern: P;
  start: number;
  end: number;
  /** Index of the negator that reaches this act, or -1. */
  negatedBy: number;
}

type Slot = { kind: 'words'; words: ReadonlySet<string>; head: boolean } | { kind: 'gap'; max: number } | { kind: 'who' | 'name'; head: boolean };

export interface CompiledPattern<P extends ActPattern = ActPattern> { source: P; slots: Slot[]; fixed: number }

const PEOPLE = new Set(['him', 'her', 'them', 'me', 'you', 'us']);

export const NEGATION_REACH = 4;
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'without', 'cannot', ...verbForms('refuse')]);
const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);
/** Words that start a new clause: a negator before one of them does not reach past it. */
const CLAUSE_BREAKS = new Set(['and', 'but', 'so', 'because', 'then', 'when', 'while', 'until', 'after', 'before', 'if', 'or', 'that', 'who', 'which', 'as']);

export const isNegator = (t: string): boolean => NEGATORS.has(t) || t.endsWith("n't");

function compileWord(w: string): ReadonlySet<string> {
  const alts = w.startsWith('(') ? w.slice(1, -1).split('|') : [w];
  return new Set(alts.flatMap((a) => (a.endsWith('*') ? verbForms(a.slice(0, -1)) : [a])));
}

export function compilePattern<P extends ActPattern>(p: P): CompiledPattern<P> {
  const slots: Slot[] = p.pattern.trim().split(/\s+/).map((part): Slot => {
    const head = part.startsWith('^');
    const w = head ? part.slice(1) : part;
    if (/^~\d+$/.test(w)) return { kind: 'gap', max: Number(w.slice(1)) };
    if (w === '@who') return { kind: 'who', head };
    if (w === '@name') return { kind: 'name', head };
    return { kind: 'words', words: compileWord(w), head };
  });
  if (!slots.some((s) => s.kind !== 'gap' && s.head)) {
    const first = slots.find((s): s is Exclude<Slot, { kind: 'gap' }> => s.kind !== 'gap');
    if (!first) throw new Error(`Pattern "${p.pattern}" has no words`);
    first.head = true;
  }
  return { source: p, slots, fixed: slots.filter((s) => s.kind !== 'gap').length };
}

/** Lower-case tokens of one sentence: words (with their apostrophes) and punctuation marks. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.replace(/[’‘]/g, "'").matchAll(/[A-Za-z0-9]+(?:'[A-Za-z]+)*|[.,;:!?"“”()—–-]/g)) {
    const raw = m[0];
    const isWord = /^[A-Za-z0-9]/.test(raw);
    const firstWord = !out.some((t) => t.isWord);
    out.push({ text: raw.toLowerCase(), isWord, isName: isWord && !firstWord && /^[A-Z]/.test(raw) && raw !== 'I' });
  }
  return out;
}

/** Where the pattern's slots match from token `at`: the end and the head's index, or undefined. */
function matchAt(slots: Slot[], tokens: Token[], at: number): { end: number; head: number } | undefined {
  const go = (si: number, ti: number, head: number): { end: number; head: number } | undefined => {
    if (si === slots.length) return { end: ti, head };
    const slot = slots[si];
    if (slot.kind === 'gap') {
      for (let k = 0; k <= slot.max; k++) {
        if (k > 0 && !tokens[ti + k - 1]?.isWord) break; // gaps never cross punctuation
        const r = go(si + 1, ti + k, head);
        if (r) return r;
      }
      return undefined;
    }
    const t = tokens[ti];
    if (!t?.isWord) return undefined;
    const ok = slot.kind === 'words' ? slot.words.has(t.text) : slot.kind === 'name' ? t.isName : PEOPLE.has(t.text) || t.isName;
    return ok ? go(si + 1, ti + 1, slot.head ? ti : head) : undefined;
  };
  return go(0, at, at);
}

/** Whether "if" (or "unless", "whether") opens the clause of the word at `head`. */
function isHypothetical(tokens: Token[], head: number): boolean {
  for (let i = head - 1, words = 0; i >= 0 && words <= NEGATION_REACH; i--, words++) {
    const t = tokens[i];
    if (!t.isWord) return false;
    if (HYPOTHETICAL.has(t.text)) return true;
    if (CLAUSE_BREAKS.has(t.text)) return false;
  }
  return false;
}

/** The nearest negator reaching the word at `head` (inside the match or before it), or -1. */
function negatorOf(tokens: Token[], head: number): number {
  for (let i = head - 1, words = 0; i >= 0 && words < NEGATION_REACH; i--) {
    const t = tokens[i];
    if (!t.isWord || CLAUSE_BREAKS.has(t.text)) return -1;
    if (isNegator(t.text)) return i; // "no" covers "no one came to help"
    words++;
  }
  return -1;
}

/**
 * Patterns compiled, ordered most specific first (more fixed words; equal ones keep the order they
 * were given in), and indexed by the words they can start with.
 */
export interface PatternSet<P extends ActPattern = ActPattern> {
  ordered: CompiledPattern<P>[];
  byFirstWord: Map<string, number[]>;
  /** Patterns that start with @who or @name. */
  startWithWho: number[];
}

export function compilePatterns<P extends ActPattern>(patterns: readonly P[]): PatternSet<P> {
  const ordered = patterns.map(compilePattern).sort((a, b) => b.fixed - a.fixed);
  const byFirstWord = new Map<string, number[]>();
  const startWithWho: number[] = [];
  ordered.forEach((p, rank) => {
    const first = p.slots[0];
    if (first.kind === 'who' || first.kind === 'name') startWithWho.push(rank);
    else if (first.kind === 'words') for (const w of first.words) byFirstWord.set(w, [...(byFirstWord.get(w) ?? []), rank]);
    else throw new Error(`Pattern "${p.source.pattern}" starts with a gap`);
  });
  return { ordered, byFirstWord, startWithWho };
}

/**
 * Every act in the sentence. Patterns with more fixed words win and a token belongs to one act
 * only, so "laughed at" is not also a bare "laughed", nor "gave him a push" a gift.
 */
export function findActs<P extends ActPattern>(set: PatternSet<P>, tokens: Token[], context?: ReadonlySet<string>): ActMatch<P>[] {
  const words = context ?? new Set(tokens.filter((t) => t.isWord).map((t) => t.text));
  // Every candidate match, then the most specific first, then left to right.
  const candidates: Array<{ rank: number; start: number; end: number; head: number }> = [];
  tokens.forEach((t, i) => {
    if (!t.isWord) return;
    const ranks = [...(set.byFirstWord.get(t.text) ?? []), ...(PEOPLE.has(t.text) || t.isName ? set.startWithWho : [])];
    for (const rank of ranks) {
      const p = set.ordered[rank];
      if (p.source.when && !p.source.when(words)) continue;
      const m = matchAt(p.slots, tokens, i);
      if (!m) continue;
      const before = tokens.slice(Math.max(0, i - 2), i).map((b) => b.text);
      if (p.source.unlessBefore?.some((w) => before.includes(w))) continue;
      if (p.source.unlessAfter?.includes(tokens[m.end]?.text ?? '')) continue;
      if (isHypothetical(tokens, m.head)) continue;
      candidates.push({ rank, start: i, ...m });
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.start - b.start);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const out: ActMatch<P>[] = [];
  for (const c of candidates) {
    if (taken.slice(c.start, c.end).some(Boolean)) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = true;
    out.push({ pattern: set.ordered[c.rank].source, start: c.start, end: c.end, negatedBy: negatorOf(tokens, c.head) });
  }
  return out.sort((a, b) => a.start - b.start);
}
