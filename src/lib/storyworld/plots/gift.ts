// A gift: a child makes or chooses a present for someone they love. Kind: a brother, sister or
// friend helps and shares, and thanks are said; unkind: grabbing, mocking and snapping. Happy: the
// present is given and loved; sad: it is spoiled on the way, or the giving goes wrong.
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import { COLORS } from '../lexicon';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { opener, PICTURES, refs, sibling } from './words-b';

interface Gift {
  /** Made at home, or chosen at a shop. */
  made: boolean;
  /** How it is made (two steps), by `h` (the maker's narrator name) with `x` as his/her. */
  steps?: ReadonlyArray<readonly [(s: Story, h: string, x: string) => string, (s: Story, h: string, x: string) => string]>;
  /** What a helper can share while it is made or bought. */
  share: string;
  /** What the one who gets it does with it. */
  use: readonly string[];
  /** How it gets spoiled. */
  spoil: readonly string[];
}

const GIFTS: Record<string, Gift> = {
  card: {
    made: true,
    share: 'glue and crayons',
    steps: [
      [(s, h) => `${h} folded a piece of ${s.pick(COLORS)} paper in half to make a card`, (s, h) => `${h} drew ${a(s.pick(PICTURES))} on the front and wrote a message inside in big wobbly letters`],
      [(_s, h) => `${h} got out paper, glue and a jar of glitter to make a card`, (_s, h) => `${h} stuck paper hearts and stars all over the card`],
    ],
    use: ['stood the card on the shelf where everyone could see it', 'read the card again and again'],
    spoil: ['the card fell into a muddy puddle', 'the rain soaked the card until the glitter ran'],
  },
  necklace: {
    made: true,
    share: 'beads',
    steps: [
      [(_s, h) => `${h} found a long piece of string and a box of beads to make a necklace`, (s, h) => `${h} threaded ${s.pick(COLORS)} and ${s.pick(COLORS)} beads onto the string, one by one`],
      [(_s, h) => `${h} collected little shells to make a necklace`, (_s, h) => `${h} made a tiny hole in each shell and tied them on a ribbon`],
    ],
    use: ['put the necklace on right away', 'wore the necklace all day long'],
    spoil: ['the string of the necklace snapped, and the beads rolled away down a drain', 'the necklace got tangled and broke, and half of it was lost'],
  },
  'paper crown': {
    made: true,
    share: 'glue and scissors',
    steps: [
      [(_s, h) => `${h} cut a paper crown out of shiny gold paper`, (_s, h) => `${h} glued paper jewels and sparkly stars all around it`],
      [(s, h) => `${h} drew the points of a crown on ${s.pick(COLORS)} card and cut them out carefully`, (_s, h) => `${h} colored every point and stuck a feather on top`],
    ],
    use: ['wore the paper crown like a king at dinner', 'put the paper crown on and laughed'],
    spoil: ['the paper crown got squashed flat under a heavy bag', 'the wind blew the paper crown into the river'],
  },
  cake: {
    made: true,
    share: 'sprinkles',
    steps: [
      [(_s, h) => `${h} mixed flour, eggs, butter and sugar in a big bowl to make a cake`, (s, h) => `When the cake was baked, ${h} spread ${s.pick(['pink', 'chocolate', 'lemon', 'white'])} icing on top and added candles`],
      [(_s, h) => `${h} stirred the cake mix with a big wooden spoon, and the whole kitchen smelled sweet`, (_s, h) => `${h} put strawberries and sprinkles all over the top of the cake`],
    ],
    use: ['blew out the candles and cut the cake for everyone', 'ate a big slice of cake and asked for more'],
    spoil: ['the cake slid off the plate and landed upside down on the floor', 'the dog jumped up and ate half of the cake'],
  },
  'painted stone': {
    made: true,
    share: 'paints',
    steps: [
      [(_s, h) => `${h} found a smooth, round stone by the river`, (s, h) => `${h} painted ${a(s.pick(['ladybug', 'smiling face', 'little fish', 'red heart', 'bright sun']))} on the stone and let it dry`],
      [(_s, h) => `${h} picked the flattest stone in the garden and washed it clean`, (s, h) => `${h} painted the stone ${s.pick(COLORS)} and added white dots like stars`],
    ],
    use: ['put the painted stone on the window sill', 'held the painted stone up to the light and smiled'],
    spoil: ['the painted stone slipped and cracked in two', 'the rain washed all the paint off the stone'],
  },
  'flower crown': {
    made: true,
    share: 'flowers',
    steps: [
      [(_s, h) => `${h} picked daisies and buttercups in the meadow to make a flower crown`, (_s, h) => `${h} wove the stems together, around and around, into a flower crown`],
      [(_s, h) => `${h} gathered the prettiest flowers in the garden`, (_s, h) => `${h} tied the flowers onto a ring of grass to make a flower crown`],
    ],
    use: ['wore the flower crown all afternoon', 'put the flower crown in a bowl of water to keep it fresh'],
    spoil: ['the hot sun made every flower in the crown droop and wilt', 'the flower crown fell apart, and the petals blew away'],
  },
  'teddy bear': {
    made: false,
    share: 'coins',
    use: ['hugged the teddy bear tight', 'gave the teddy bear a big squeeze and found it a special place to sit'],
    spoil: ['the teddy bear fell into a muddy puddle', 'the teddy bear caught on a nail, and its arm tore open'],
  },
  kite: {
    made: false,
    share: 'coins',
    use: ['flew the kite high over the hill that very afternoon', 'ran outside to fly the kite at once'],
    spoil: ['the kite got caught in a tall tree and tore', 'the wind grabbed the kite and broke it on the fence'],
  },
  storybook: {
    made: false,
    share: 'coins',
    use: ['read the storybook out loud, all the way to the end', 'opened the storybook and smiled at every picture'],
    spoil: ['the storybook fell in a puddle, and the pages went soggy', 'the storybook got left on the bus and was lost'],
  },
  scarf: {
    made: false,
    share: 'coins',
    use: ['wrapped the scarf around and around and looked very cozy', 'wore the scarf every single day'],
    spoil: ['the scarf blew away in the wind and landed in the river', 'the scarf got caught on a fence and ripped'],
  },
  'toy boat': {
    made: false,
    share: 'coins',
    use: ['sailed the toy boat in the bath that very night', 'took the toy boat to the pond and watched it sail'],
    spoil: ['the toy boat fell out of the bag and its mast snapped', 'the toy boat floated away down the stream and was gone'],
  },
};

export const gift: Plot = {
  id: 'gift',
  title: 'A gift',
  topics: Object.keys(GIFTS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const g = GIFTS[topic];
    const hero = s.child();
    const helper = s.child();
    const r: Character = s.chance(0.8) ? s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa', 'aunt', 'uncle'])) : s.townGrownup('teacher');
    const P = refs([hero, helper, r]);
    const H = hero.called;
    const E = helper.called;
    const R = r.called;
    const day = r.role === 'mom' ? "Mother's Day" : r.role === 'dad' ? "Father's Day" : s.pick(['the first day of spring', 'the big summer fair', 'the last day of the year']);
    const why = r.role === 'teacher'
      ? s.one(
          () => `It would soon be ${whose(R)} birthday`,
          () => `It was nearly the last day of school, and ${H} wanted to thank ${R} for a lovely year`,
        )
      : s.one(
          () => `It would soon be ${whose(R)} birthday`,
          () => `${R} had been sad and tired all week, and ${H} wanted to cheer ${him(r)} up`,
          () => `Soon it would be ${day}, and ${H} wanted to surprise ${R}`,
          () => `${R} always helped ${H}, and ${H} wanted to say thank you`,
        );

    s.add(opener(s, hero, s.pick(['', ' who loved to make things', ' who liked surprises', ' with a big smile'])));
    s.add(why);
    s.add(s.one(
      () => `${H} decided to give ${P.him(r)} ${a(topic)}`,
      () => `"I know! I will ${g.made ? 'make' : 'choose'} ${a(topic)}!" ${H} said`,
      () => `${H} thought and thought, and then ${he(hero)} had an idea: ${a(topic)}`,
    ));

    if (g.made) {
      const [one, two] = s.pick(g.steps!);
      s.add(one(s, H, his(hero)));
      s.add(two(s, he(hero), his(hero)));
    } else {
      s.add(s.one(
        () => `${H} opened ${his(hero)} piggy bank and counted ${his(hero)} coins, one by one`,
        () => `${H} had saved ${his(hero)} pocket money for weeks in a jar`,
      ));
      s.add(s.one(
        () => `At the toy shop, ${H} looked at ${s.pick(['a spinning top', 'a jigsaw', 'a yo-yo', 'a whistle'])}, ${s.pick(['a rubber duck', 'a box of paints', 'a puppet'])} and ${a(topic)}, and ${he(hero)} chose the ${topic}`,
        () => `At Mrs. Gray's shop, there were so many things, but ${H} picked the ${s.pick(['best', 'brightest', 'softest', 'nicest'])} ${topic} of all`,
      ));
    }

    // Kindness: the helper and the hero. The helper's first mention says who they are.
    const rel = `${whose(H)} ${s.pick(['little', 'big'])} ${sibling(helper)}, ${E}, `;
    if (s.kind) {
      s.add(s.one(
        () => `${rel}came to help and shared ${his(helper)} ${g.share} too`,
        () => `${rel}${g.made ? 'held things steady' : 'helped count the coins'}, and ${H} said thank you`,
        () => `${rel}helped wrap the ${topic} in ${s.pick(COLORS)} paper with a bow on top`,
      ));
      if (s.chance(0.6)) s.say(helper, s.pick([`${r.name} will love it!`, `You did a great job`, `That's a lovely present`]), 'said');
    } else {
      s.add(s.one(
        () => `${rel}laughed and said, "That's an ugly present!"`,
        () => `${rel}grabbed the ${topic}, laughed at ${H} and would not give it back`,
        () => `${rel}wanted to look, but ${H} pushed ${P.him(helper)} away and stuck out ${his(hero)} tongue`,
      ));
      s.say(hero, s.pick([`Go away! It's mine!`, `Leave me alone, you're so annoying!`, `Stop it! You ruin everything!`]), s.pick(['shouted', 'snapped', 'yelled']));
    }

    // The giving.
    if (s.happy) {
      s.add(s.one(
        () => `${s.pick(['At last', 'The next day', 'That evening'])}, ${H} gave ${R} the ${topic}`,
        () => `${H} ${s.pick(['ran', 'skipped', 'hurried'])} to ${R} and held out the ${topic}`,
      ));
      s.say(r, s.pick(s.kind
        ? [`Oh, what a beautiful ${topic}! Thank you so much`, `Thank you, ${hero.name}! I love it`, `Thank you, ${hero.name}! This is wonderful`]
        : [`Oh, what a beautiful ${topic}!`, `I love it! It's the best present ever`, `This is wonderful!`]), s.pick(['said', 'smiled']));
      s.add(`${R} ${s.pick(g.use)}, and ${H} felt ${s.pick(['proud and happy', 'warm and happy inside', 'happier than ever'])}`);
    } else {
      s.add(s.one(
        () => `But on the way to ${R}, ${s.pick(g.spoil)}`,
        () => `But just before ${H} could give it to ${R}, ${s.pick(g.spoil)}`,
      ));
      s.add(s.one(
        () => s.kind ? `${R} said it did not matter, but ${H} cried all evening, sad and disappointed` : `${H} cried and cried over the spoiled ${topic}`,
        () => `${H} had nothing to give, and ${he(hero)} felt sad and empty inside`,
        () => `The special present was gone, and it was a sad, sad day`,
      ));
    }
  },
};

const whose = (called: string): string => `${called}'s`;
