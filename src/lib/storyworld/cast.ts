// The people and animals of a story, fixed before the first line so every later line agrees with
// them: who is who, each one's name, sex (and so pronouns) and species.

export type Sex = 'f' | 'm';
export type CharacterKind = 'child' | 'animal' | 'grownup';

export interface Character {
  /** What others call them to their face: "Lily", "Max", "Mom", "Mr. Brown". */
  name: string;
  /** How the narrator names them: "Lily", "Max", "her mom", "Mr. Brown". */
  called: string;
  sex: Sex;
  kind: CharacterKind;
  /** Animals only: "dog", "rabbit". */
  species?: string;
  /** Grownups only: "mom", "grandpa", "teacher", "baker". */
  role?: string;
}

export const he = (c: Character): string => (c.sex === 'f' ? 'she' : 'he');
export const him = (c: Character): string => (c.sex === 'f' ? 'her' : 'him');
export const his = (c: Character): string => (c.sex === 'f' ? 'her' : 'his');
export const himself = (c: Character): string => (c.sex === 'f' ? 'herself' : 'himself');
/** The possessive of the narrator's name: "Lily's", "her mom's". */
export const whose = (c: Character): string => `${c.called}'s`;
