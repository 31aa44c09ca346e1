// Planting: a child plants seeds with a grown-up, waters them and waits. A friend or neighbor helps
// water and weed, and the harvest is shared (kind), or someone stomps on the sprouts, mocks the
// seeds or is pushed away (unkind); the garden grows (happy) or is eaten, flattened or dries up (sad).
import { he, him, his } from '../cast';
import type { Plot } from '../plot';
import { dayTime, intro, joy, say, sorrow } from './words-a';

interface Plant {
  seeds: string;
  sprout: string;
  /** How it grew, after "the plants": "grew into ...". */
  grew: readonly string[];
  /** The good end of it: what is picked or seen. */
  crop: string;
  /** What they do with the crop, after "they". */
  use: readonly string[];
}

const PLANTS: Record<string, Plant> = {
  sunflower: {
    seeds: 'sunflower seeds', sprout: 'two tiny green leaves',
    grew: ['grew taller and taller, until they were taller than the fence', 'grew into tall plants that turned to follow the sun'],
    crop: 'big yellow sunflowers', use: ['roasted the seeds for a crunchy snack', 'cut one to put in a jar on the kitchen table'],
  },
  tomato: {
    seeds: 'tomato seeds', sprout: 'little green shoots',
    grew: ['grew into bushy plants with tiny yellow flowers', 'climbed up the wooden sticks, leaf by leaf'],
    crop: 'shiny red tomatoes', use: ['made a fresh salad for dinner', 'ate them warm from the sun, right in the garden'],
  },
  carrot: {
    seeds: 'carrot seeds', sprout: 'feathery green tops',
    grew: ['grew feathery green tops that waved in the wind', 'grew bigger, while the carrots grew fat under the ground'],
    crop: 'long orange carrots', use: ['washed them and crunched them for a snack', 'made a big pot of carrot soup'],
  },
  pumpkin: {
    seeds: 'pumpkin seeds', sprout: 'two round green leaves',
    grew: ['sent long vines all over the garden', 'grew huge leaves as big as umbrellas'],
    crop: 'a huge orange pumpkin', use: ['baked a pumpkin pie', 'carved a smiling face in it'],
  },
  bean: {
    seeds: 'bean seeds', sprout: 'little curly shoots',
    grew: ['climbed up tall sticks, higher and higher', 'grew long, twisty vines with purple flowers'],
    crop: 'long green beans', use: ['cooked them for dinner with butter', 'filled a whole basket'],
  },
  strawberry: {
    seeds: 'strawberry seeds', sprout: 'new green leaves',
    grew: ['grew white flowers with yellow middles', 'spread out and made new little plants'],
    crop: 'sweet red strawberries', use: ['ate them with cream', 'made strawberry jam with a big pot'],
  },
  tulip: {
    seeds: 'tulip bulbs', sprout: 'pointy green leaves',
    grew: ['grew tall, straight stems', 'made fat green buds at the tops of their stems'],
    crop: 'red and yellow tulips', use: ['picked a few to make a pretty bunch', 'sat and looked at them in the spring sun'],
  },
  daisy: {
    seeds: 'daisy seeds', sprout: 'tiny green leaves',
    grew: ['grew into a little carpet of green', 'made lots of little round buds'],
    crop: 'hundreds of white daisies', use: ['made daisy chains and wore them like crowns', 'picked a bunch for the kitchen table'],
  },
};

export const plantingSeeds: Plot = {
  id: 'planting-seeds',
  title: 'Planting a garden',
  topics: Object.keys(PLANTS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const p = PLANTS[topic];
    const hero = s.child();
    const other = s.child();
    const g = s.chance(0.2) ? s.townGrownup('farmer') : s.family(hero);
    const otherWord = s.pick(['friend', 'neighbor', 'cousin']);

    s.add(intro(s, hero, s.pick(['', ' who loved to dig in the dirt', ' who liked bugs and worms'])));
    s.add(s.one(
      () => `${dayTime(s)}, ${hero.called} got a little bag of ${p.seeds} from ${g.called}`,
      () => `${dayTime(s)}, ${hero.called} and ${g.called} made a little garden by the fence and bought some ${p.seeds}`,
    ));
    s.add(s.one(
      () => `${hero.called} dug little holes in the soft brown dirt with a ${s.pick(['trowel', 'little shovel', 'spoon'])}`,
      () => `${hero.called} pulled out the weeds and made the soil soft and flat`,
    ));
    s.add(s.one(
      () => `${he(hero)} put the ${p.seeds} in, one by one, and covered them up`,
      () => `Then ${he(hero)} pressed the ${p.seeds} into the ground and patted the dirt on top`,
    ));
    s.add(`${hero.called} watered them with a ${s.pick(['red', 'green', 'yellow', 'little', 'blue'])} watering can`);
    s.add(s.one(
      () => `Every day, ${hero.called} checked the garden, but for days and days, nothing happened`,
      () => `${hero.called} waited and waited, while the sun shone and the rain fell`,
    ));
    s.add(s.one(
      () => `Then one morning, ${hero.called} saw ${p.sprout} poking out of the ground!`,
      () => `At last, ${p.sprout} popped up out of the dirt!`,
    ));

    // A friend helps, or someone spoils it.
    let stomped = false;
    if (s.kind) {
      if (s.chance(0.67)) {
        s.add(s.one(
          () => `When ${hero.called} went away on a trip for a week, ${his(hero)} ${otherWord} ${other.called} watered the garden every day`,
          () => `${hero.called}'s ${otherWord} ${other.called} came over to help pull the weeds and chase away the snails`,
        ));
        say(s, hero, s.pick([`Thank you, ${other.name}! You are a good friend`, `Thank you! We make a great team`, `Thank you for helping me!`]), 'said');
      } else {
        s.add(`${hero.called} gave ${his(hero)} ${otherWord} ${other.called} some seeds, so they could both grow a garden`);
        say(s, other, s.pick([`Thank you, ${hero.name}! I will take good care of them`, `Wow, thank you! Let's grow them side by side`]), 'said');
      }
    } else {
      const how = s.pick(['stomp', 'mock', 'push'] as const);
      stomped = how === 'stomp';
      if (how === 'stomp') {
        s.add(`${hero.called}'s ${otherWord} ${other.called} ran right through the garden and stomped on the little plants`);
        say(s, other, s.pick([`Ha! Who cares about silly plants?`, `Oops! Not sorry!`]), s.pick(['laughed', 'said']));
      } else if (how === 'mock') {
        s.add(`${hero.called}'s ${otherWord} ${other.called} pointed at the garden and laughed`);
        say(s, other, s.pick([`That is the worst garden ever!`, `Gardens are boring! Your plants will never grow!`]), s.pick(['said', 'sneered']));
      } else {
        s.add(`When ${hero.called}'s ${otherWord} ${other.called} asked to help with the watering, ${hero.called} pushed ${him(other)} away`);
        say(s, hero, s.pick([`No! It's my garden, not yours!`, `Go away! Don't touch my plants!`]), s.pick(['shouted', 'snapped']));
      }
    }

    if (s.happy) {
      s.add(stomped
        ? `But a few little plants were still standing, and they ${s.pick(p.grew)}`
        : `The little shoots ${s.pick(p.grew)}`);
      s.add(`${s.pick(['A few weeks later', 'Soon', 'Before long'])}, there ${/^(a|an) /.test(p.crop) ? 'was' : 'were'} ${p.crop} in the garden`);
      if (s.kind) {
        s.add(`${hero.called}, ${other.called} and ${g.called} ${s.pick(p.use)}`);
        s.add(joy(s, [hero, other]));
      } else {
        s.add(`${hero.called} and ${g.called} ${s.pick(p.use)}`);
        s.add(s.one(() => joy(s, [hero]), () => `${hero.called} was so proud of ${his(hero)} garden, and ${he(hero)} felt happy`));
      }
    } else {
      s.add(stomped
        ? `The broken plants drooped, and they never grew back`
        : s.one(
            () => `But one night, a hungry rabbit came and ate every single leaf`,
            () => `But then a hard storm came, and the hail broke all the little plants`,
            () => `But then the weather got hot and dry, and the little plants wilted and turned brown`,
          ));
      s.add(s.one(
        () => `There ${/^(a|an) /.test(p.crop) ? 'was no' : 'were no'} ${p.crop.replace(/^(a|an) /, '')} that year`,
        () => `All that was left was bare brown dirt`,
      ));
      s.add(sorrow(s, s.kind ? [hero, other] : [hero]));
    }
  },
};
