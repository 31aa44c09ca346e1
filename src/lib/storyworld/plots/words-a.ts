// Shared helpers for the group A plots: pronouns that fall back to names when two people of the
// same sex are in the scene, introductions, times and places, dialogue, and the happy or sad lines
// that close a story.
import { he, his, type Character } from '../cast';
import type { Story } from '../story';

/** "she"/"he", or the name when someone else in the scene would make the pronoun unclear. */
export const pr = (c: Character, ...others: Character[]): string => (others.some((o) => o.sex === c.sex) ? c.called : he(c));
/** "Lily and Tom". */
export const both = (x: Character, y: Character): string => `${x.called} and ${y.called}`;

/** A closing line of plain joy, for one child or a pair (clearly happy to a reader of the last lines). */
export function joy(s: Story, cs: readonly Character[]): string {
  if (cs.length === 1) {
    const c = cs[0];
    return s.one(
      () => `${c.called} smiled a big, happy smile`,
      () => `${c.called}'s heart felt warm and full of joy`,
      () => `${c.called} laughed and clapped ${his(c)} hands with joy`,
      () => `It was the best day ever, and ${c.called} felt so happy`,
      () => `That night, ${c.called} fell asleep with a happy smile`,
      () => `${c.called} felt so happy and proud`,
    );
  }
  const names = `${cs.slice(0, -1).map((c) => c.called).join(', ')} and ${cs[cs.length - 1].called}`;
  return s.one(
    () => `${names} laughed and hugged, happy as can be`,
    () => `It was the best day ever, and ${names} were so happy`,
    () => `That night, ${names} fell asleep with big, happy smiles`,
    () => `${names} were happy, and they stayed good friends`,
    () => `${names} smiled, and their hearts were full of joy`,
  );
}

/** A closing line of plain sadness, for one child or a pair. */
export function sorrow(s: Story, cs: readonly Character[]): string {
  if (cs.length === 1) {
    const c = cs[0];
    return s.one(
      () => `${c.called} felt sad and lonely`,
      () => `${c.called} hung ${his(c)} head and cried sad tears`,
      () => `It was a sad day, and ${c.called} went to bed unhappy`,
      () => `Big tears rolled down ${c.called}'s cheeks, and ${he(c)} felt so sad`,
      () => `${c.called}'s heart felt heavy and sad`,
      () => `That night, ${c.called} cried sad tears into ${his(c)} pillow`,
    );
  }
  const names = `${cs.slice(0, -1).map((c) => c.called).join(', ')} and ${cs[cs.length - 1].called}`;
  return s.one(
    () => `${names} sat together in silence, sad and quiet`,
    () => `It was a sad day, and ${names} felt miserable`,
    () => `That night, ${names} went to bed sad and unhappy`,
    () => `${names} sat down and cried, because it was all ruined`,
    () => `Nobody said a word, and ${names} felt sad and gloomy`,
  );
}

/** Introduces a child without naming a trait: "Once upon a time, there was a little girl named Lily." */
export function intro(s: Story, c: Character, extra = ''): string {
  const noun = c.kind === 'animal' ? (c.species ?? 'animal') : c.sex === 'f' ? 'girl' : 'boy';
  const adj = s.pick(['little', 'young', 'small', 'cheerful', 'curious', 'busy', 'playful', 'lively']);
  const who = `${adj} ${noun}`;
  const an = /^[aeiou]/.test(who) ? 'an' : 'a';
  return s.one(
    () => `Once upon a time, there was ${an} ${who} named ${c.name}${extra}`,
    () => `There was once ${an} ${who} called ${c.name}${extra}`,
    () => `${c.name} was ${an} ${who}${extra}`,
    () => `Once there was ${an} ${who} named ${c.name}${extra}`,
    () => (c.kind === 'child' && !extra ? `${c.name} was ${s.pick(['four', 'five', 'six'])} years old` : `Once upon a time, there was ${an} ${who} named ${c.name}${extra}`),
  );
}

/** Times of day for a story that happens outdoors in fair weather. */
export const DAY_TIMES = [
  'One day', 'One morning', 'One sunny morning', 'One afternoon', 'One summer day', 'One spring morning', 'On Saturday',
  'After school', 'Early one morning', 'One bright day', 'On Sunday', 'One warm afternoon',
] as const;
export const dayTime = (s: Story): string => s.pick(DAY_TIMES);

/** "at the park", "in the backyard": a place with the preposition that puts someone there. */
export const at = (place: string): string =>
  /(yard|garden|field|meadow|woods|forest|kitchen)$/.test(place) ? `in ${place}` : /(path|street|road|hill)$/.test(place) ? `on ${place}` : `at ${place}`;

/** What one does with each toy, before and after the thing: [present, past]. */
export const TOY_PLAY: Record<string, [string, string]> = {
  ball: ['kick', 'kicked'], kite: ['fly', 'flew'], doll: ['dress', 'dressed'],
  'teddy bear': ['carry', 'carried'], 'toy car': ['race', 'raced'], 'toy truck': ['push', 'pushed'],
  'toy train': ['push', 'pushed'], 'red wagon': ['pull', 'pulled'], 'jump rope': ['skip with', 'skipped with'],
  'yo-yo': ['spin', 'spun'], puzzle: ['work on', 'worked on'], 'box of crayons': ['draw with', 'drew with'],
  drum: ['bang on', 'banged on'], 'toy robot': ['wind up', 'wound up'], 'spinning top': ['spin', 'spun'],
  bike: ['ride', 'rode'], scooter: ['ride', 'rode'], balloon: ['bounce', 'bounced'], 'toy plane': ['zoom', 'zoomed'],
  puppet: ['put on a show with', 'put on a show with'], storybook: ['read', 'read'],
};


/** The subject for a sentence that goes on about c: sometimes "she"/"he", the name when unclear. */
export const sub = (s: Story, c: Character, ...others: Character[]): string =>
  others.some((o) => o.sex === c.sex) || s.chance(0.4) ? c.called : he(c);

/**
 * A line of dialogue (the page's `say`), with a plain speech verb when none is given: "asked" for a
 * question, "said" or "shouted" for an exclamation (never "cried", which reads as weeping).
 */
export function say(s: Story, c: Character, line: string, verb?: string): void {
  const t = line.trim();
  s.say(c, t, verb ?? (/\?$/.test(t) ? 'asked' : /!$/.test(t) ? s.pick(['said', 'said', 'shouted']) : 'said'));
}
