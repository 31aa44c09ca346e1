// Shared bits of the group-B plots: pronouns that give way to names where two characters share one,
// how two children know each other, times of day that fit a season, and a few small word lists.
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Story } from '../story';

export interface Refs {
  /** "she", or "Lily" where another "she" could be meant. */
  he(c: Character): string;
  /** "her", or "Lily". */
  him(c: Character): string;
  /** "her", or "Lily's". */
  his(c: Character): string;
}

/**
 * Pronouns for a cast: each one falls back to the character's name wherever another member of the
 * cast has the same pronoun, so a "she" at the start of a sentence can only mean one person. (Where
 * the subject of the same sentence is meant, plain `his(c)` from cast.ts is clear and reads better.)
 */
export function refs(cast: readonly Character[]): Refs {
  const clash = (c: Character): boolean => cast.some((o) => o !== c && o.sex === c.sex);
  return {
    he: (c) => (clash(c) ? c.called : he(c)),
    him: (c) => (clash(c) ? c.called : him(c)),
    his: (c) => (clash(c) ? `${c.called}'s` : his(c)),
  };
}

/**
 * The first line: "Once upon a time, there was a little girl named Lily who loved to sing." (The
 * shared `introduce` may call the hero "kind", which an unkind story then contradicts; this one
 * keeps to looks and moods that fit any story.)
 */
export function opener(s: Story, c: Character, extra = ''): string {
  const adj = s.pick(['little', 'young', 'small', 'curious', 'busy', 'cheerful', 'lively', 'clever']);
  const who = c.kind === 'animal' ? `${adj} ${c.species}` : `${adj} ${kid(c)}`;
  return s.one(
    () => `Once upon a time, there was ${a(who)} named ${c.name}${extra}`,
    () => `There was once ${a(who)} called ${c.name}${extra}`,
    () => `${c.name} was ${a(who)}${extra}`,
    () => `Once there was ${a(who)} named ${c.name}${extra}`,
    () => `Not long ago, in a little town, there lived ${a(who)} named ${c.name}${extra}`,
  );
}

/** Adds a line that may hold a few sentences ("Boom! The thunder crashed."), one sentence at a time. */
export function addLines(s: Story, text: string): void {
  s.add(...text.split(/(?<=[.!?]) (?=[A-Z])/));
}

/** "girl" or "boy". */
export const kid = (c: Character): string => (c.sex === 'f' ? 'girl' : 'boy');
/** "sister" or "brother". */
export const sibling = (c: Character): string => (c.sex === 'f' ? 'sister' : 'brother');

/** How `other` (a child) belongs in `hero`'s life: a friend, a neighbor, a brother or sister, a cousin. */
export function bond(s: Story, hero: Character, other: Character): string {
  return s.one(
    () => `${hero.called} had ${s.pick(['a little', 'a big'])} ${sibling(other)} named ${other.name}`,
    () => `${hero.called}'s best friend was ${other.name}`,
    () => `${other.name} lived next door, and the two of them played together almost every day`,
    () => `${hero.called} had a cousin called ${other.name}`,
    () => `${other.name} was ${hero.called}'s friend from down the street`,
  );
}

/** Times that fit any season, a warm day, a cold day, an indoor day, or the night. */
export const ANY_TIMES = [
  'One day', 'One morning', 'One afternoon', 'On Saturday', 'One Sunday morning', 'After lunch', 'After breakfast',
  'Early one morning', 'One bright morning',
] as const;
export const WARM_TIMES = [
  'One hot summer day', 'One sunny afternoon', 'One warm morning', 'On the first day of the summer holidays',
  'One bright summer morning',
] as const;
export const COLD_TIMES = [
  'One snowy morning', 'One cold winter day', 'On a frosty morning', 'One white winter morning',
  'The morning after a big snowfall',
] as const;
export const INDOOR_TIMES = [
  'One rainy afternoon', 'One wet Sunday', 'One gray morning', 'After school', 'One quiet afternoon',
] as const;

/** Small things a child notices in a room or a yard. */
export const ROOMS = ['the kitchen', 'the living room', 'the playroom', 'the hall', 'the bedroom'] as const;
export const PICTURES = [
  'big red barn', 'purple dragon', 'smiling sun', 'rocket ship', 'little yellow house', 'spotty cow',
  'rainbow over the sea', 'family of ducks', 'tall giraffe', 'pirate ship',
] as const;
export const SNACKS = ['cookie', 'muffin', 'slice of toast', 'bowl of grapes', 'banana', 'piece of cheese'] as const;
