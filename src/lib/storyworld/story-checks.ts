// A sentence-level check of a story anyone can apply to any text (model samples, held-out
// stories, stories written by hand): are its sentences complete, do pronouns agree with the one
// person a sentence names, and is the hero still named later on? Deliberately simple: it reads
// known first names and family words, not a parse, so it can be checked by hand.
import { BOY_NAMES, GIRL_NAMES } from './lexicon';

/**
 * Sentences for checking: a break after every end mark, except after a closing quotation followed
 * by a small letter ("Wait!" said Tom.), which is one sentence; so "park. she ran." is two.
 */
const checkedSentences = (text: string): string[] => text.split(/(?<=[.!?])\s+|(?<=[.!?]")\s+(?=[A-Z"])/).filter((s) => s.length > 0);

const FEMALE = new Set<string>([...GIRL_NAMES, 'Mom', 'Grandma', 'mom', 'grandma', 'aunt', 'Aunt', 'sister', 'girl', 'woman', 'lady', 'Mrs', 'Miss']);
const MALE = new Set<string>([...BOY_NAMES, 'Dad', 'Grandpa', 'dad', 'grandpa', 'uncle', 'Uncle', 'brother', 'boy', 'man', 'Mr']);
const SHE = /\b(she|her|hers|herself)\b/i;
const HE = /\b(he|him|his|himself)\b/i;

export interface StoryCheck {
  /** Sentences looked at (a last fragment cut off by a length limit is left out). */
  sentences: number;
  /** Of those: a capital (or a quotation) first, an end mark last, quotes balanced, at least 3 words. */
  complete: number;
  /** Sentences naming exactly one person of known sex (a first name or a family word) and using he/she forms outside quotes. */
  pronounSentences: number;
  /** Of those, the ones whose pronouns all agree with that person's sex. */
  pronounsAgree: number;
  /** The first first-name named again in the story's second half (null: no first name, or too short to tell). */
  heroKept: boolean | null;
}

/** The people of known sex a sentence names (each once), outside quotations. */
function peopleIn(narration: string): Array<'f' | 'm'> {
  const words = narration.match(/[A-Za-z]+/g) ?? [];
  const seen = new Set<string>();
  const out: Array<'f' | 'm'> = [];
  for (const w of words) {
    const sex = FEMALE.has(w) ? 'f' : MALE.has(w) ? 'm' : null;
    if (sex && !seen.has(w)) {
      seen.add(w);
      out.push(sex);
    }
  }
  return out;
}

/** `cut`: the text was cut at a length limit, so its last sentence may be a fragment (not counted). */
export function checkStory(text: string, cut = false): StoryCheck {
  let sentences = checkedSentences(text.trim());
  if (cut && sentences.length > 0 && !/[.!?]"?$/.test(sentences[sentences.length - 1])) sentences = sentences.slice(0, -1);
  let complete = 0;
  let pronounSentences = 0;
  let pronounsAgree = 0;
  for (const s of sentences) {
    const quotes = (s.match(/"/g) ?? []).length;
    if (/^["A-Z]/.test(s) && /[.!?]"?$/.test(s) && quotes % 2 === 0 && s.split(/\s+/).length >= 3) complete++;
    const narration = s.replace(/"[^"]*"/g, ' ');
    const people = peopleIn(narration);
    const she = SHE.test(narration);
    const he = HE.test(narration);
    if (people.length === 1 && (she || he)) {
      pronounSentences++;
      if ((people[0] === 'f' && !he) || (people[0] === 'm' && !she)) pronounsAgree++;
    }
  }
  const names = [...text.matchAll(/\b[A-Z][a-z]+\b/g)].filter((m) => GIRL_NAMES.includes(m[0] as never) || BOY_NAMES.includes(m[0] as never));
  const hero = names[0];
  const heroKept = hero && text.length >= 200 ? text.indexOf(hero[0], Math.max(hero.index! + hero[0].length, text.length / 2)) >= 0 : null;
  return { sentences: sentences.length, complete, pronounSentences, pronounsAgree, heroKept };
}

/** The checks of many stories added up, as the three shares the README reports. */
export function summarizeChecks(checks: readonly StoryCheck[]): { completeShare: number; pronounAgreeShare: number; heroKeptShare: number; pronounSentences: number; stories: number } {
  const sum = (f: (c: StoryCheck) => number) => checks.reduce((n, c) => n + f(c), 0);
  const withHero = checks.filter((c) => c.heroKept !== null);
  return {
    completeShare: sum((c) => c.complete) / Math.max(1, sum((c) => c.sentences)),
    pronounAgreeShare: sum((c) => c.pronounsAgree) / Math.max(1, sum((c) => c.pronounSentences)),
    heroKeptShare: withHero.filter((c) => c.heroKept).length / Math.max(1, withHero.length),
    pronounSentences: sum((c) => c.pronounSentences),
    stories: checks.length,
  };
}
