// A sentence-level check of a story anyone can apply to any text (model samples, held-out
// stories, stories written by hand): are its sentences complete, do pronouns agree with the one
// person a sentence names, and is the hero still named later on? Deliberately simple: it reads
// known first names and family words, not a parse, so it can be checked by hand.
import { ANIMAL_NAMES, BOY_NAMES, GIRL_NAMES } from './lexicon';

/**
 * Sentences for checking: a break after an end mark (and a closing quotation) where a capital, a
 * quotation or a small letter follows, never inside a quotation, and not where a quotation's
 * end mark is followed by a small letter ("Wait!" said Tom. is one sentence; "park. she ran." two).
 */
export function checkedSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuote = !inQuote;
    if (inQuote || !/\s/.test(ch) || i === 0) continue;
    const before = text.slice(start, i);
    const after = text.slice(i + 1);
    // "Mr. Brown" goes on; so does a quotation followed by who said it ("Stop!" Tom shouted.).
    const ends = (/[.!?]$/.test(before) && !/\b(Mr|Mrs|Ms|Dr)\.$/.test(before)) || (/[.!?]"$/.test(before) && /^[A-Z"]/.test(after) && !isSpeechTag(after));
    if (ends) {
      out.push(before.trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out.filter((x) => x.length > 0);
}

const FEMALE = new Set<string>([...GIRL_NAMES, 'Mom', 'Grandma', 'mom', 'grandma', 'aunt', 'Aunt', 'sister', 'girl', 'woman', 'lady', 'Mrs', 'Miss']);
const MALE = new Set<string>([...BOY_NAMES, 'Dad', 'Grandpa', 'dad', 'grandpa', 'uncle', 'Uncle', 'brother', 'boy', 'man', 'Mr']);
// Subject and reflexive pronouns only: an object or a possessive ("Will held her hand") often
// points at someone the sentence does not name.
const SHE = /\b(she|herself)\b/i;
const HE = /\b(he|himself)\b/i;
/** Who said a quotation, after it: a known name and a verb or two, then the end ("Tom shouted."). */
const SPEAKER = new Set<string>([...GIRL_NAMES, ...BOY_NAMES, ...ANIMAL_NAMES, 'Mom', 'Dad', 'Grandma', 'Grandpa']);
const isSpeechTag = (after: string): boolean => {
  const m = after.match(/^(?:(?:Mr|Mrs|Ms|Dr|Miss|Aunt|Uncle|Farmer)\.? )?([A-Z][a-z]+) [a-z]+(?: [a-z]+)?[.!]/);
  return m !== null && (SPEAKER.has(m[1]) || /^(Mr|Mrs|Ms|Dr|Miss|Aunt|Uncle|Farmer)\b/.test(after));
};

export interface StoryCheck {
  /** Sentences looked at (a last fragment cut off by a length limit is left out). */
  sentences: number;
  /** Of those: a capital (or a quotation) first, an end mark last, quotes balanced, and 3 words or more unless it exclaims or asks ("Splash!"). */
  complete: number;
  /**
   * Sentences whose narration starts with a first name of known sex, name no other person (first
   * name or family word), and say he or she (himself, herself) outside quotes: there the pronoun
   * must be that person's.
   */
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
    if (/^["A-Z]/.test(s) && /[.!?]"?$/.test(s) && quotes % 2 === 0 && (s.split(/\s+/).length >= 3 || /[!?]"?$/.test(s))) complete++;
    // "his mom" names the mom and points at someone else: the possessive is not hers.
    const narration = s.replace(/"[^"]*"/g, ' ').replace(/\b(his|her) (?=(mom|dad|grandma|grandpa|aunt|uncle|sister|brother)\b)/gi, '');
    const people = peopleIn(narration);
    const she = SHE.test(narration);
    const he = HE.test(narration);
    const subject = narration.trim().match(/^[A-Z][a-z]+/)?.[0];
    const startsWithName = subject !== undefined && (GIRL_NAMES.includes(subject as never) || BOY_NAMES.includes(subject as never));
    if (startsWithName && people.length === 1 && (she || he)) {
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
