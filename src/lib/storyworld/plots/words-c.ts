// Group C's own word banks and small helpers, kept beside its plots so the shared lexicon stays
// short: streets and houses, rooms and furniture, the small sounds of a day, and a way to name a
// town grown-up the first time they come in.
import { he, type Character } from '../cast';
import type { Story } from '../story';

/** The subject pronoun where no one else in the scene has the same one; the name otherwise. */
export const subj = (c: Character, ...others: Character[]): string => (others.some((o) => o.sex === c.sex) ? c.called : he(c));

/** "Mrs. Gray, the shopkeeper," the first time a town grown-up comes in ("Farmer Dan" alone). */
export function grownupIntro(g: Character): string {
  const what: Record<string, string> = {
    teacher: 'the teacher', baker: 'the baker', doctor: 'the doctor',
    shopkeeper: 'the shopkeeper', 'mail carrier': 'the mail carrier',
  };
  if (g.role === 'farmer' || !g.role) return g.called;
  const d = g.role === 'neighbor' ? (g.sex === 'f' ? 'the lady from next door' : 'the man from next door') : what[g.role] ?? `the ${g.role}`;
  return `${g.called}, ${d},`;
}

export const STREETS = [
  'Maple Street', 'Oak Lane', 'Apple Road', 'Cherry Lane', 'Pine Street', 'Rose Lane', 'Mill Road', 'Bell Street',
  'River Road', 'Honey Lane', 'Willow Street', 'Plum Road', 'Acorn Lane', 'Meadow Road',
] as const;

export const HOUSES = [
  'yellow house with a red door', 'little blue house with a white fence', 'white house with green shutters',
  'brick house with a tall chimney', 'small green house with a round window', 'pink house with roses by the door',
  'tall gray house with a porch swing', 'little red house with a crooked gate',
] as const;

export const LANDMARKS = [
  'the big clock tower', 'the bakery', 'the fire station', 'the old stone bridge', 'the duck pond', 'the library',
  'the tall water tower', 'the toy shop', 'the bus stop', 'the big oak tree', 'the post office', 'the fountain',
] as const;

export const ROOMS = ['kitchen', 'living room', 'bedroom', 'playroom', 'hallway', 'attic'] as const;




export const SNACKS = [
  'warm cocoa', 'a bowl of soup', 'buttered toast', 'hot milk and honey', 'a plate of cookies', 'apple slices',
  'a cheese sandwich', 'a slice of banana bread', 'warm noodles', 'warm pancakes with syrup',
] as const;

export const SMALL_SOUNDS = [
  'Drip, drop, went the rain', 'The clock went tick, tock', 'The wind went whoosh', 'A dog barked far away',
  'The old floor went creak', 'Thunder rumbled over the hills',
] as const;

/** A clearly glad last line for one character. */
export function gladEnd(s: Story, c: Character): string {
  return s.one(
    () => `${c.called} smiled and smiled, because it was the best day ever`,
    () => `${c.called} felt warm and happy all the way down to ${c.sex === 'f' ? 'her' : 'his'} toes`,
    () => `That night, ${c.called} fell asleep with a big, happy smile`,
    () => `It was a wonderful day, and ${c.called} was full of joy`,
  );
}

/** A clearly sad last line for one character. */
export function sadEnd(s: Story, c: Character): string {
  return s.one(
    () => `${c.called} sat alone and cried, because it was a sad, sad day`,
    () => `That night, ${c.called} felt sad and lonely, and ${he(c)} cried into ${c.sex === 'f' ? 'her' : 'his'} pillow`,
    () => `It was a gloomy day, and ${c.called} felt miserable`,
    () => `${c.called} was very unhappy, and ${he(c)} did not smile for a long, long time`,
  );
}

/** Runs one of several writers that add their own sentences (for choices of more than one line). */
export function doOne(s: Story, ...choices: Array<() => void>): void {
  s.pick(choices)();
}

/**
 * Introduces the hero with words that say nothing of the traits (no "kind", no "happy"), so only
 * what happens shows them: "Once upon a time, there was a little girl named Lily."
 */
export function intro(s: Story, c: Character, extra = ''): string {
  const adj = s.pick(['little', 'young', 'small', 'curious']);
  const who = c.kind === 'animal' ? `${adj} ${c.species}` : `${adj} ${c.sex === 'f' ? 'girl' : 'boy'}`;
  const an = /^[aeiou]/.test(who) ? 'an' : 'a';
  return s.one(
    () => `Once upon a time, there was ${an} ${who} named ${c.name}${extra}`,
    () => `There was once ${an} ${who} called ${c.name}${extra}`,
    () => `${c.name} was ${an} ${who}${extra}`,
    () => `Once there was ${an} ${who} named ${c.name}${extra}`,
  );
}
