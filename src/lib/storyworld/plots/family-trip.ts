// A trip: to the zoo, the beach, grandma's farm, the lake or the snowy mountains, with a grown-up
// and a brother, sister or cousin. The children share and help (kind) or grab, push and tease
// (unkind); the day ends as the best day ever (happy) or spoiled (sad).
import { he, his, type Character } from '../cast';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { dayTime, intro, joy, pr, say, sorrow } from './words-a';

type Act = (s: Story, doer: Character, other: Character) => string;

interface Trip {
  /** The place, as in "going to ...": "the zoo". Filled with the farm's owner for the farm. */
  place: string;
  travel: readonly string[];
  /** Something the child packs. */
  packs: readonly string[];
  sights: readonly string[];
  kind: readonly Act[];
  unkind: readonly Act[];
  happy: readonly Act[];
  sad: readonly Act[];
}

const TRIPS: Record<string, Trip> = {
  zoo: {
    place: 'the zoo',
    travel: ['They rode a big red bus all the way to the zoo', 'They drove to the zoo, singing songs in the car'],
    packs: ['a little notebook to draw the animals in', 'a cap to keep off the sun'],
    sights: [
      'A tall giraffe was eating leaves from the top of a tree', 'Two lions were sleeping in the warm sun',
      'The monkeys swung from branch to branch and chattered', 'A big gray elephant sprayed water with its long trunk',
      'The penguins waddled and dived into the cold water', 'A zebra with black and white stripes trotted by',
      'A huge hippo opened its mouth wide and yawned', 'A tiger paced back and forth, flicking its striped tail',
    ],
    kind: [
      (s, d, o) => `${d.called} let ${o.called} look through ${his(d)} binoculars first`,
      (s, d, o) => `${d.called} held ${o.called}'s hand in the crowd so ${pr(o, d)} would not get lost`,
      (s, d, o) => `${d.called} shared ${his(d)} bag of peanuts with ${o.called}`,
    ],
    unkind: [
      (s, d, o) => `${d.called} pushed ${o.called} away from the glass so ${pr(o, d)} could not see`,
      (s, d, o) => `${d.called} pointed at the monkeys and said they looked just like ${o.called}`,
      (s, d, o) => `${d.called} grabbed the map from ${o.called} and would not give it back`,
    ],
    happy: [
      (s, d, o) => `At the end of the day, they watched a giraffe eat leaves with its long purple tongue`,
      (s, d, o) => `Then they rode a little train all around the zoo and waved at the elephants`,
    ],
    sad: [
      (s, d, o) => `Then dark clouds came, and it rained so hard that they had to go home before they saw the penguins`,
      (s, d, o) => `Then ${o.called} dropped ${his(o)} ice cream on the ground, and soon it began to pour with rain`,
    ],
  },
  beach: {
    place: 'the beach',
    travel: ['They drove to the beach with all the windows down', 'They took a long train ride to the beach'],
    packs: ['a red bucket and spade', 'a big straw sun hat', 'a striped beach towel'],
    sights: [
      'The waves rolled in and splashed on the sand', 'Seagulls called high up in the sky',
      'A little crab ran sideways across the sand', 'The sea sparkled blue and green in the sun',
      'Shells of every color lay on the wet sand', 'A boat with a white sail floated far out on the water',
    ],
    kind: [
      (s, d, o) => `${d.called} helped ${o.called} build a tall sand castle with a moat around it`,
      (s, d, o) => `${d.called} found the prettiest pink shell on the beach and gave it to ${o.called}`,
      (s, d, o) => `${d.called} shared ${his(d)} towel when ${o.called} got cold from the water`,
    ],
    unkind: [
      (s, d, o) => `${d.called} kicked down the sand castle that ${o.called} was building and laughed`,
      (s, d, o) => `${d.called} threw wet sand at ${o.called} and ran away giggling`,
      (s, d, o) => `${d.called} took all the best shells and would not share a single one with ${o.called}`,
    ],
    happy: [
      (s, d, o) => `They ate ice cream cones and watched the sun go down over the sea`,
      (s, d, o) => `They jumped over the little waves until their toes were wrinkly`,
    ],
    sad: [
      (s, d, o) => `Then a big wave rushed up the beach and washed everything away, even ${o.called}'s new sandals`,
      (s, d, o) => `Then a seagull swooped down and flew off with their lunch, and then it started to rain`,
    ],
  },
  farm: {
    place: 'the farm',
    travel: ['They drove down a long, bumpy road to the farm', 'They rode in the car past fields and fields of corn to the farm'],
    packs: ['a pair of yellow rubber boots', 'an old pair of jeans for the mud'],
    sights: [
      'The hens clucked and pecked at the corn', 'A brown cow looked at them and mooed',
      'Three little pigs rolled in the mud', 'Baby goats jumped up and down on a pile of hay',
      'A big red tractor stood by the barn', 'A sheep and her lamb were eating the green grass',
    ],
    kind: [
      (s, d, o) => `${d.called} helped ${o.called} carry the basket of fresh brown eggs`,
      (s, d, o) => `${d.called} showed ${o.called} how to feed the baby lamb with a bottle`,
      (s, d, o) => `${d.called} held the gate open and let ${o.called} pet the pony first`,
    ],
    unkind: [
      (s, d, o) => `${d.called} pushed ${o.called} into the mud and laughed`,
      (s, d, o) => `${d.called} laughed at ${o.called} for being scared of the big cow`,
      (s, d, o) => `${d.called} grabbed the bucket of corn and would not let ${o.called} feed the hens`,
    ],
    happy: [
      (s, d, o) => `In the evening, they ate warm apple pie on the porch and watched the stars come out`,
      (s, d, o) => `Then they rode on the big red tractor and waved to all the cows`,
    ],
    sad: [
      (s, d, o) => `Then ${o.called} tripped, and the basket of eggs fell, and every egg broke`,
      (s, d, o) => `Then a goat chewed a big hole in ${o.called}'s new hat, and ${pr(o, d)} slipped in the mud`,
    ],
  },
  lake: {
    place: 'the lake',
    travel: ['They drove up into the green hills to the lake', 'They rode their bikes along the path to the lake'],
    packs: ['a little fishing net', 'a pair of blue swim shorts', 'a bag of seeds for the ducks'],
    sights: [
      'Ducks paddled near the shore', 'Frogs croaked on the lily pads', 'The water was clear and cool',
      'A little wooden boat bobbed on the water', 'Dragonflies zipped over the water', 'Tall trees stood all around the lake',
    ],
    kind: [
      (s, d, o) => `${d.called} showed ${o.called} how to skip flat stones across the water`,
      (s, d, o) => `${d.called} shared ${his(d)} fishing net with ${o.called}`,
      (s, d, o) => `${d.called} held ${o.called}'s hand on the slippery rocks`,
    ],
    unkind: [
      (s, d, o) => `${d.called} splashed cold water right in ${o.called}'s face and laughed`,
      (s, d, o) => `${d.called} grabbed the fishing net from ${o.called} and threw it in the reeds`,
      (s, d, o) => `${d.called} called ${o.called} a baby for not wanting to swim`,
    ],
    happy: [
      (s, d, o) => `Then they went out in a little rowing boat and saw a fish jump`,
      (s, d, o) => `They caught a tiny fish in the net, looked at it, and let it swim away`,
    ],
    sad: [
      (s, d, o) => `Then ${o.called}'s new shoes fell off the dock and sank to the bottom of the lake`,
      (s, d, o) => `Then black clouds rolled in, and they had to hurry home in the cold rain`,
    ],
  },
  mountains: {
    place: 'the mountains',
    travel: ['They rode a little train up into the snowy mountains', 'They drove up a winding road into the mountains'],
    packs: ['warm mittens and a woolly hat', 'a little wooden sled'],
    sights: [
      'The snow was white and deep', 'Tall pine trees stood all around', 'The air was cold and fresh',
      'Long icicles hung from the roofs', 'A little rabbit hopped across the snow',
    ],
    kind: [
      (s, d, o) => `${d.called} helped ${o.called} roll a big snowball for a snowman`,
      (s, d, o) => `${d.called} shared ${his(d)} hot chocolate with ${o.called}`,
      (s, d, o) => `${d.called} gave ${o.called} ${his(d)} scarf when ${pr(o, d)} got cold`,
    ],
    unkind: [
      (s, d, o) => `${d.called} threw a hard snowball right at ${o.called}'s face`,
      (s, d, o) => `${d.called} pushed ${o.called} into a deep, cold snowdrift`,
      (s, d, o) => `${d.called} took the sled and would not give ${o.called} a turn`,
    ],
    happy: [
      (s, d, o) => `They zoomed down the hill on the sled, laughing all the way`,
      (s, d, o) => `In the evening, they drank hot chocolate by a warm, crackling fire`,
    ],
    sad: [
      (s, d, o) => `Then their sled hit a rock and broke in two`,
      (s, d, o) => `Then ${o.called} lost ${his(o)} mittens, and ${his(o)} fingers got cold and sore`,
    ],
  },
};

export const familyTrip: Plot = {
  id: 'family-trip',
  title: 'A trip',
  topics: Object.keys(TRIPS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const trip = TRIPS[topic];
    const hero = s.child();
    const sib = s.child();
    const g = s.family(hero, topic === 'farm' ? s.pick(['mom', 'dad'] as const) : undefined);
    const owner = topic === 'farm' ? s.pick(['grandma', 'grandpa', 'aunt', 'uncle'] as const) : null;
    const place = owner ? `${his(hero)} ${owner}'s farm` : trip.place;
    const rel = s.pick(['big', 'little']);
    const sibWord = s.chance(0.3) ? 'cousin' : `${rel} ${sib.sex === 'f' ? 'sister' : 'brother'}`;

    s.add(intro(s, hero));
    s.add(s.one(
      () => `${hero.called} had ${sibWord === 'cousin' ? 'a cousin' : `a ${sibWord}`} named ${sib.called}`,
      () => (s.kind ? `${hero.called} and ${his(hero)} ${sibWord}, ${sib.called}, did everything together` : `${hero.called} lived with ${his(hero)} ${sibWord}, ${sib.called}`),
    ));
    if (s.chance(0.5)) say(s, g, s.pick([`Today we are going to ${place}!`, `Get your shoes on! We are going to ${place}!`, `Guess what? We are going to ${place} today!`]));
    else s.add(`${dayTime(s)}, ${g.called} took ${hero.called} and ${sib.called} on a trip to ${place}`);
    s.add(s.one(
      () => `${hero.called} was so excited that ${he(hero)} could hardly sit still`,
      () => `${hero.called} packed ${s.pick(trip.packs)} and ran to the door`,
      () => `${hero.called} clapped ${his(hero)} hands and jumped up and down`,
    ));
    s.add(s.pick(trip.travel).replace(/the farm$/, place));

    // Who does the kind or unkind things: mostly the brother, sister or cousin, sometimes the hero.
    const heroActs = s.chance(0.4);
    const doer = heroActs ? hero : sib;
    const other = heroActs ? sib : hero;
    if (s.kind) {
      s.add(s.one(
        () => `On the way, ${doer.called} shared ${his(doer)} crackers with ${other.called}`,
        () => `On the way, ${doer.called} and ${other.called} sang silly songs and played I spy`,
        () => `On the way, ${doer.called} let ${other.called} sit by the window`,
      ));
    } else {
      s.add(s.one(
        () => `On the way, ${doer.called} grabbed the window seat and kicked ${other.called}'s legs`,
        () => `On the way, ${doer.called} ate all the snacks and did not save any for ${other.called}`,
        () => `On the way, ${doer.called} kept poking ${other.called} and saying mean things`,
      ));
    }

    s.add(s.one(
      () => `When they got to ${topic === 'farm' ? 'the farm' : trip.place}, ${hero.called} looked all around`,
      () => `At last they were there!`,
    ));
    const [x, y] = s.some(trip.sights, 2);
    s.add(x);
    if (s.chance(0.6)) s.add(y);

    if (s.kind) {
      s.add(s.pick(trip.kind)(s, doer, other));
      say(s, other, s.pick([`Thank you, ${doer.name}!`, `You are the best, ${doer.name}!`, `Thanks! That was so nice of you`]));
    } else {
      s.add(s.pick(trip.unkind)(s, doer, other));
      s.add(s.one(
        () => `${other.called} felt hurt, but ${doer.called} did not say sorry`,
        () => `${other.called} told ${doer.called} to stop, but ${doer.called} just laughed`,
        () => `${other.called}'s eyes filled with tears, and ${doer.called} did not even care`,
      ));
    }

    if (s.happy) {
      s.add(s.pick(trip.happy)(s, doer, other));
      s.add(s.one(
        () => joy(s, s.kind ? [hero, sib] : [hero]),
        () => `On the way home, ${hero.called} said it was the best trip ever, and ${he(hero)} smiled and smiled`,
      ));
    } else {
      s.add(s.pick(trip.sad)(s, doer, hero));
      s.add(s.one(
        () => sorrow(s, s.kind ? [hero, sib] : [hero]),
        () => `On the way home, nobody said a word, and ${hero.called} felt sad and tired`,
      ));
    }
  },
};
