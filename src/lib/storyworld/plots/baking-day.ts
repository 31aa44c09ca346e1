// Baking: a child bakes cookies, bread, a cake, muffins, a pie, cupcakes, pancakes or buns with a
// grown-up, and a brother, sister or friend wants to help. The child takes turns and shares (kind)
// or grabs the spoon and shouts (unkind); the bake comes out golden and yummy (happy) or burnt,
// dropped or salty (sad).
import { he, him, his, type Character } from '../cast';
import type { Plot } from '../plot';
import { dayTime, intro, joy, pr, say, sorrow } from './words-a';

interface Bake {
  /** How it is named in "Let's bake ...": "cookies", "a cake". */
  what: readonly string[];
  /** "the cookies", "the cake". */
  the: string;
  plural: boolean;
  /** One piece for one person: "a cookie", "a slice". */
  piece: string;
  steps: readonly string[];
  /** The child's own job, after "let X": "stir the batter". */
  job: readonly string[];
  /** Into the oven or the pan. */
  cook: string;
  /** How a good one comes out, after "the cookies ...". */
  good: readonly string[];
  /** A finishing touch after the oven, or null. */
  top: string | null;
}

const BAKES: Record<string, Bake> = {
  cookies: {
    what: ['chocolate chip cookies', 'oatmeal cookies', 'sugar cookies', 'ginger cookies'], the: 'the cookies', plural: true, piece: 'a cookie',
    steps: ['They mixed soft butter and brown sugar in a big bowl', 'They added flour and two eggs and stirred and stirred', 'They rolled the dough flat and cut out stars, hearts and moons'],
    job: ['stir the dough', 'crack an egg', 'cut out the stars'], cook: 'slid the tray into the hot oven', good: ['came out golden and crunchy', 'came out warm, soft and sweet'], top: 'They put colored icing and sprinkles on every one',
  },
  bread: {
    what: ['a loaf of bread', 'a big round loaf of bread'], the: 'the bread', plural: false, piece: 'a warm slice',
    steps: ['They mixed flour, water, salt and yeast in a big bowl', 'They pushed and folded the dough until it was soft and smooth', 'They put the dough in a warm spot, and it grew big and puffy'],
    job: ['push and fold the dough', 'pour in the water', 'sprinkle flour on the table'], cook: 'put the loaf in the hot oven', good: ['came out tall and golden, with a crunchy crust', 'came out warm and soft inside'], top: 'They spread butter and honey on the warm slices',
  },
  cake: {
    what: ['a chocolate cake', 'a lemon cake', 'a strawberry cake'], the: 'the cake', plural: false, piece: 'a big slice',
    steps: ['They mixed flour, sugar, butter and eggs in a big bowl', 'They whisked the batter until it was smooth and creamy', 'They poured the batter into a round pan'],
    job: ['crack the eggs', 'whisk the batter', 'lick the spoon'], cook: 'put the cake in the hot oven', good: ['came out tall and fluffy', 'came out soft, sweet and perfect'], top: 'They spread thick frosting on top and added a ring of red cherries',
  },
  muffins: {
    what: ['blueberry muffins', 'banana muffins', 'apple muffins'], the: 'the muffins', plural: true, piece: 'a muffin',
    steps: ['They mixed flour, sugar, milk and an egg in a big bowl', 'They stirred {fruit} into the batter', 'They spooned the batter into little paper cups'],
    job: ['stir in the fruit', 'fill the paper cups', 'crack the egg'], cook: 'put the muffin tray in the hot oven', good: ['came out round and golden', 'came out warm and puffy'], top: null,
  },
  pie: {
    what: ['an apple pie', 'a cherry pie', 'a peach pie'], the: 'the pie', plural: false, piece: 'a slice',
    steps: ['They rolled out the pastry with a wooden rolling pin', 'They filled the pie dish with sweet fruit, sugar and cinnamon', 'They laid more pastry on top and pinched the edges all around'],
    job: ['roll the pastry', 'pinch the edges', 'sprinkle the sugar'], cook: 'put the pie in the hot oven', good: ['came out golden, with sweet juice bubbling at the edges', 'came out warm and flaky'], top: null,
  },
  cupcakes: {
    what: ['vanilla cupcakes', 'chocolate cupcakes', 'pink cupcakes'], the: 'the cupcakes', plural: true, piece: 'a cupcake',
    steps: ['They beat butter and sugar until it was fluffy', 'They stirred in flour, milk and eggs', 'They filled a tray of paper cups with the batter'],
    job: ['fill the paper cups', 'beat the butter', 'crack the eggs'], cook: 'put the tray in the hot oven', good: ['came out soft and springy', 'came out puffy and golden'], top: 'They swirled pink frosting on top and added a candy heart to each one',
  },
  pancakes: {
    what: ['pancakes for breakfast', 'a big stack of pancakes'], the: 'the pancakes', plural: true, piece: 'a pancake',
    steps: ['They whisked flour, milk and eggs into a smooth batter', 'They heated a big pan on the stove with a little butter'],
    job: ['whisk the batter', 'crack the eggs', 'pour the milk'], cook: 'poured round circles of batter into the hot pan and flipped them', good: ['came out fluffy and golden', 'came out round and soft'], top: 'They put sliced bananas and sweet syrup on top',
  },
  buns: {
    what: ['cinnamon buns', 'sticky buns'], the: 'the buns', plural: true, piece: 'a bun',
    steps: ['They made a soft dough and rolled it out flat', 'They spread the dough with butter, sugar and cinnamon', 'They rolled the dough up like a snail and cut it into swirls'],
    job: ['spread the butter', 'sprinkle the cinnamon', 'roll up the dough'], cook: 'put the buns in the hot oven', good: ['came out sticky, sweet and golden', 'came out warm and soft'], top: 'They drizzled white icing over the top',
  },
};

export const bakingDay: Plot = {
  id: 'baking-day',
  title: 'Baking with a grown-up',
  topics: Object.keys(BAKES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const b = BAKES[topic];
    const hero = s.child();
    const sib = s.child();
    const atBakery = s.chance(0.25);
    const g: Character = atBakery ? s.townGrownup('baker') : s.family(hero);
    const what = s.pick(b.what);
    // The fruit in the bowl is the fruit in the name.
    const fruit = /blueberry/.test(what) ? 'a handful of blueberries' : /banana/.test(what) ? 'two mashed bananas' : 'little pieces of apple';
    const sibWord = s.chance(0.5) ? `${s.pick(['little', 'big'])} ${sib.sex === 'f' ? 'sister' : 'brother'}` : 'friend';
    const was = b.plural ? 'were' : 'was';
    const it = b.plural ? 'them' : 'it';
    const job = s.pick(b.job);

    s.add(intro(s, hero, s.pick(['', ' who loved to cook', ' who liked sweet things', ' who loved the smell of baking'])));
    if (atBakery) {
      s.add(`${dayTime(s)}, ${hero.called} and ${his(hero)} ${sibWord} ${sib.called} visited ${g.called}, the baker`);
      say(s, g, s.pick([`Would you like to bake ${what} with me?`, `Today we are baking ${what}. Come and see!`]), s.pick(['said', 'called']));
    } else {
      s.add(sibWord === 'friend'
        ? `${hero.called}'s friend ${sib.called} came over to play`
        : `${hero.called}'s ${sibWord}, ${sib.called}, was at home too`);
      s.add(s.one(
        () => `${dayTime(s)}, ${g.called} said, "Let's bake ${what}!"`,
        () => `${dayTime(s)}, ${hero.called} and ${g.called} decided to bake ${what}`,
      ));
    }
    s.add(s.one(
      () => `${hero.called} put on ${his(hero)} ${s.pick(['red', 'yellow', 'striped', 'spotty', 'blue'])} apron and washed ${his(hero)} hands`,
      () => `${hero.called} pulled a chair up to the table and rolled up ${his(hero)} sleeves`,
    ));
    // Two of the steps, in their order.
    const [i, j] = s.some(b.steps.map((_, k) => k), 2).sort((p, q) => p - q);
    const [x, y] = [b.steps[i], b.steps[j]].map((t) => t.replace('{fruit}', fruit));
    s.add(x);

    // Taking turns, or grabbing.
    if (s.kind) {
      s.add(s.one(
        () => `${hero.called} let ${sib.called} ${job}, even though ${pr(hero, sib)} wanted to do it too`,
        () => `${hero.called} and ${sib.called} took turns, and ${hero.called} let ${sib.called} ${job}`,
      ));
      if (s.chance(0.5)) {
        s.add(`When ${sib.called} spilled a cloud of flour on the floor, ${hero.called} helped sweep it up`);
        say(s, hero, s.pick([`That's okay! Everyone spills sometimes`, `Don't worry, it's only flour`]));
      } else {
        say(s, sib, s.pick([`Thank you for sharing, ${hero.name}!`, `This is fun! Thank you!`]));
      }
    } else {
      s.add(s.one(
        () => `When ${sib.called} asked to ${job}, ${hero.called} said no and pulled the bowl away`,
        () => `${hero.called} pushed ${sib.called} away from the bowl`,
      ));
      say(s, hero, s.pick([`No! I want to do it all by myself!`, `Go away! You will mess it up!`, `Just watch! You will get it all wrong`]), s.pick(['shouted', 'snapped']));
      s.add(s.one(
        () => `${sib.called} sat in the corner and sniffed, and ${hero.called} did not even look at ${him(sib)}`,
        () => `${sib.called} dropped a little flour, and ${hero.called} laughed and called ${him(sib)} clumsy`,
      ));
    }
    s.add(y);
    s.add(s.one(
      () => `Then ${g.called} ${b.cook}`,
      () => `${g.called} ${b.cook}, and they waited and waited`,
    ));

    if (s.happy) {
      s.add(s.one(
        () => `Soon the whole kitchen smelled warm and sweet, and ${b.the} ${s.pick(b.good)}`,
        () => `At last ${b.the} ${s.pick(b.good)}`,
      ));
      if (b.top && s.chance(0.5)) s.add(b.top);
      if (s.kind) {
        s.add(s.one(
          () => `${hero.called} gave the very first ${b.piece.replace(/^an? /, '')} to ${sib.called}, and they took a plate next door for Mrs. Lee`,
          () => `They shared ${b.the} with everyone, and ${sib.called} said ${b.plural ? 'they were' : 'it was'} the best ${topic} ever`,
        ));
        s.add(joy(s, [hero, sib]));
      } else {
        s.add(`${hero.called} ate ${b.piece} right away and licked every crumb from ${his(hero)} fingers`);
        s.add(s.one(() => joy(s, [hero]), () => `It was the yummiest thing ${hero.called} had ever made, and ${he(hero)} felt so proud and happy`));
      }
    } else {
      const burnt = `${b.the} ${was} burnt black, and smoke filled the kitchen`;
      const salty = `${b.the} tasted salty and terrible, and they had to throw ${it} away`;
      const dropped = `${b.the} ${was} ruined, and nobody could eat ${it}`;
      const [why, what] = s.pick(s.kind
        ? [
            [`They were so busy cleaning up together that they forgot all about the timer`, burnt],
            [`But the sugar jar was really the salt jar, and nobody knew`, salty],
            [`But the cat jumped up on the table and knocked ${b.the} onto the floor`, dropped],
          ]
        : [
            [`While ${hero.called} was busy shouting, nobody watched the ${topic === 'pancakes' ? 'pan' : 'oven'}`, burnt],
            [`${sib.called} said the jar was salt, not sugar, but ${hero.called} did not listen`, salty],
            [`${hero.called} grabbed the hot ${topic === 'pancakes' ? 'pan' : 'tray'} too fast, and ${b.the} fell on the floor`, dropped],
          ]);
      s.add(why, what);
      s.add(sorrow(s, s.kind ? [hero, sib] : [hero]));
    }
  },
};
