// A picnic: a child, a friend and a grown-up pack a basket and eat outdoors. The children share the
// best treat and help (kind) or grab it, refuse and spoil things (unkind); the afternoon ends with
// games in the sun (happy) or rain, ants or a thieving dog (sad).
import { he, him, his } from '../cast';
import { list } from '../grammar';
import type { Plot } from '../plot';
import { dayTime, intro, joy, say, sorrow, sub } from './words-a';

interface Food {
  /** How it is packed: "a warm apple pie". */
  packed: readonly string[];
  /** "the pie", "the sandwiches". */
  the: string;
  plural: boolean;
  /** The best part of it, for sharing or grabbing: "the biggest slice". */
  best: string;
  taste: string;
}

const FOODS: Record<string, Food> = {
  sandwiches: { packed: ['a stack of cheese sandwiches', 'egg sandwiches cut into triangles'], the: 'the sandwiches', plural: true, best: 'the biggest sandwich', taste: 'soft and yummy' },
  'apple pie': { packed: ['a warm apple pie', 'a big apple pie with a crunchy top'], the: 'the apple pie', plural: false, best: 'the biggest slice of apple pie', taste: 'sweet and spicy' },
  watermelon: { packed: ['a big, round watermelon', 'a whole green watermelon'], the: 'the watermelon', plural: false, best: 'the juiciest slice of watermelon', taste: 'cold, pink and juicy' },
  strawberries: { packed: ['a box of red strawberries', 'a bowl of ripe strawberries'], the: 'the strawberries', plural: true, best: 'the biggest strawberry', taste: 'sweet and red' },
  cupcakes: { packed: ['six chocolate cupcakes', 'a box of cupcakes with pink frosting'], the: 'the cupcakes', plural: true, best: 'the cupcake with the most frosting', taste: 'soft and sweet' },
  lemonade: { packed: ['a big jug of cold lemonade', 'a bottle of pink lemonade'], the: 'the lemonade', plural: false, best: 'the first cup of lemonade', taste: 'cold and sweet' },
  cookies: { packed: ['a tin of oatmeal cookies', 'a bag of chocolate chip cookies'], the: 'the cookies', plural: true, best: 'the biggest cookie', taste: 'crunchy and sweet' },
  peaches: { packed: ['a bag of ripe, fuzzy peaches', 'six golden peaches'], the: 'the peaches', plural: true, best: 'the ripest peach', taste: 'soft and juicy' },
  'fruit salad': { packed: ['a bowl of fruit salad', 'a big tub of fruit salad'], the: 'the fruit salad', plural: false, best: 'the first bowl of fruit salad', taste: 'fresh and sweet' },
};

const OTHER_FOODS = ['carrot sticks', 'crackers', 'apples', 'cheese', 'boiled eggs', 'grapes', 'little tomatoes', 'rolls'];

const SPOTS: ReadonlyArray<{ place: string; sight: readonly string[]; shade: string }> = [
  { place: 'the park', sight: ['Ducks quacked on the pond nearby', 'Children played on the swings not far away'], shade: 'a big oak tree' },
  { place: 'the meadow', sight: ['Butterflies danced over the wild flowers', 'Bees buzzed from flower to flower'], shade: 'an old apple tree' },
  { place: 'the top of the big hill', sight: ['They could see the whole town from up there', 'The wind made the long grass wave'], shade: 'a tall pine tree' },
  { place: 'the lake', sight: ['Little boats sailed on the blue water', 'A family of ducks paddled past'], shade: 'a willow tree' },
  { place: 'the beach', sight: ['Seagulls called over the waves', 'The sea sparkled in the sunshine'], shade: 'a big striped umbrella' },
  { place: 'the river', sight: ['The river splashed and sparkled over the stones', 'Dragonflies zipped over the water'], shade: 'a leafy green tree' },
];

export const picnicDay: Plot = {
  id: 'picnic-day',
  title: 'A picnic',
  topics: Object.keys(FOODS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const f = FOODS[topic];
    const hero = s.child();
    const friend = s.child();
    const g = s.family(hero);
    const spot = s.pick(SPOTS);
    const it = f.plural ? 'them' : 'it';
    const was = f.plural ? 'were' : 'was';

    s.add(intro(s, hero, s.pick(['', ' who loved being outside', ' who was always hungry'])));
    s.add(s.one(
      () => `${dayTime(s)}, ${g.called} said, "It's a perfect day for a picnic!"`,
      () => `${dayTime(s)}, the sun was warm and the sky was blue, so ${g.called} planned a picnic`,
      () => `${dayTime(s)}, ${hero.called} asked if ${he(hero)} could have a picnic with ${his(hero)} friend ${friend.called}`,
    ));
    s.add(`${hero.called} packed the basket with ${list([s.pick(f.packed), ...s.some(OTHER_FOODS, 2)])}`);
    s.add(s.one(
      () => `Then ${hero.called}, ${friend.called} and ${g.called} went to ${spot.place}`,
      () => `${hero.called} and ${friend.called} carried the heavy basket all the way to ${spot.place}`,
    ));
    s.add(s.one(
      () => `They spread a ${s.pick(['red and white', 'blue and white', 'green', 'yellow'])} checkered blanket under ${spot.shade}`,
      () => `They found a shady spot under ${spot.shade} and laid out the blanket, the napkins and the paper cups`,
    ));
    if (s.chance(0.6)) s.add(s.pick(spot.sight));

    // Sharing the best part, or grabbing it.
    const heroGrabs = !s.kind && s.chance(0.5);
    const dog = s.chance(0.5);
    if (s.kind) {
      const heroGives = s.chance(0.5);
      const [giver, taker] = heroGives ? [hero, friend] : [friend, hero];
      s.add(s.one(
        () => `${giver.called} gave ${taker.called} ${f.best}`,
        () => `When ${taker.called} spilled ${his(taker)} juice, ${giver.called} poured ${him(taker)} some of ${his(giver)} own`,
      ));
      say(s, taker, s.pick([`Thank you! You are so nice`, `Thank you! Let's share everything`, `Thanks, ${giver.name}! This is the best picnic ever!`]), 'said');
      s.add(`They ate ${f.the} together, and ${f.plural ? 'they' : 'it'} ${was} ${f.taste}`);
    } else if (heroGrabs) {
      s.add(`${hero.called} grabbed ${f.the} and held ${it} close`);
      say(s, hero, s.pick([`It's all mine! Don't touch!`, `You can have the crackers. This is for me!`]), s.pick(['said', 'shouted']));
      s.add(s.one(
        () => `${friend.called} asked for just a little bit, but ${hero.called} said no and turned away`,
        () => `${friend.called} looked at the empty plate and said nothing`,
      ));
    } else {
      s.add(`${friend.called} grabbed ${f.best} before anyone else could`);
      s.add(s.one(
        () => `Then ${friend.called} ate all the rest of ${f.the} too, and did not leave any for ${hero.called}`,
        () => `Then ${friend.called} kicked over the paper cups and laughed`,
      ));
      say(s, friend, s.pick([`Too slow! That was mine!`, `Ha! You snooze, you lose!`]), s.pick(['laughed', 'said']));
    }

    if (s.happy) {
      s.add(s.one(
        () => `After lunch, ${s.kind ? 'they' : hero.called} played tag until everyone was out of breath and giggling`,
        () => `After lunch, ${s.kind ? 'they' : hero.called} lay on the blanket and found clouds shaped like animals`,
        () => `After lunch, ${s.kind ? 'they' : hero.called} flew a red kite high in the blue sky`,
      ));
      s.add(joy(s, s.kind ? [hero, friend] : [hero]));
    } else {
      s.add(s.one(
        () => `But then dark clouds came, and rain poured down on the blanket and the basket`,
        () => `But then a long line of ants marched onto the blanket and all over ${f.the}`,
        () => (dog
          ? `But then a big muddy dog ran up and ${['lemonade', 'fruit salad'].includes(topic) ? `knocked over ${f.the} with its big paws` : `ran off with ${f.the}`}`
          : `But then a cold, wild wind blew the blanket and the cups into the ${spot.place === 'the lake' ? 'lake' : 'mud'}, and everything got wet and dirty`),
      ));
      s.add(s.one(
        () => sorrow(s, s.kind ? [hero, friend] : [hero]),
        () => `The picnic was ruined, and ${sub(s, hero, friend)} felt sad and cried`,
      ));
    }
  },
};
