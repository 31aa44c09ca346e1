// Facing a fear: a child is scared of the dark, thunder, a big dog, a tall slide or a spider. A
// brother, sister or friend comforts them (kind) or mocks them (unkind); the child faces the fear
// (brave) or runs and hides (fearful); and the night or the day ends well or badly.
import { his } from '../cast';
import { FEAR_FEELINGS } from '../lexicon';
import type { Plot } from '../plot';
import { intro } from './words-a';
import { FEARS } from './facing-a-fear-scenes';

export const facingAFear: Plot = {
  id: 'facing-a-fear',
  title: 'Facing a fear',
  topics: Object.keys(FEARS),
  hasFear: true,
  hasLie: false,
  write(s) {
    const fear = FEARS[s.traits.topic];
    const hero = s.child();
    const other = s.child();
    const dog = s.traits.topic === 'dog' ? s.animal('dog') : null;
    const sib = other.sex === 'f' ? 'sister' : 'brother';
    const sibling = fear.atHome || s.chance(0.5);

    s.add(intro(s, hero));
    s.add(sibling
      ? s.one(
          () => `${hero.called} had a big ${sib} named ${other.called}`,
          () => `${hero.called} shared a room with ${his(hero)} big ${sib}, ${other.called}`,
        )
      : s.one(
          () => (s.kind ? `${hero.called}'s best friend was ${other.called}` : `${hero.called} often played with ${other.called}, a ${other.sex === 'f' ? 'girl' : 'boy'} from down the street`),
          () => `${hero.called} liked to play with ${other.called} from next door`,
        ));
    s.add(s.one(
      () => `${hero.called} was afraid of ${fear.noun}`,
      () => `More than anything, ${hero.called} was scared of ${fear.noun}`,
      () => `There was one thing ${hero.called} did not like at all: ${fear.noun}`,
    ));
    fear.setup(s, hero, other, dog);
    if (s.chance(0.5)) s.add(`${hero.called} felt ${s.pick(FEAR_FEELINGS.filter((x) => x !== 'shy'))}, and ${his(hero)} heart went thump, thump, thump`);
    (s.kind ? fear.kind : fear.unkind)(s, hero, other, dog);
    (s.brave ? fear.brave : fear.fearful)(s, hero, other, dog);
    if (s.brave) (s.happy ? fear.braveHappy : fear.braveSad)(s, hero, other, dog);
    else (s.happy ? fear.fearfulHappy : fear.fearfulSad)(s, hero, other, dog);
  },
};
