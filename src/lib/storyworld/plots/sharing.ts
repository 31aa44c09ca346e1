// Sharing: one child has a snack or a toy and another has none. The one who has it shares (kind)
// or keeps it and sends the other away (unkind); then the day ends well or badly for them.
import { he, himself, his } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { at, dayTime, intro, joy, say, sorrow, TOY_PLAY } from './words-a';

interface Snack {
  /** How it is first named. */
  whole: readonly string[];
  /** The pronoun for it: "it" or "them". */
  it: 'it' | 'them';
  /** The sharing act, after the sharer's name: "broke the cookie in two and gave Tom half". */
  share: (to: string) => string;
  taste: string;
}

const SNACKS: Record<string, Snack> = {
  cookie: { whole: ['a big chocolate chip cookie', 'a warm sugar cookie', 'a round oatmeal cookie'], it: 'it', share: (to) => `broke the cookie in two and gave ${to} the bigger half`, taste: 'sweet and crunchy' },
  banana: { whole: ['a long yellow banana', 'a ripe banana with brown spots'], it: 'it', share: (to) => `peeled the banana, broke it in half and gave ${to} one piece`, taste: 'soft and sweet' },
  sandwich: { whole: ['a cheese sandwich', 'a jam sandwich', 'a peanut butter sandwich'], it: 'it', share: (to) => `pulled the sandwich into two halves and handed one to ${to}`, taste: 'soft and yummy' },
  muffin: { whole: ['a blueberry muffin', 'a big banana muffin', 'a soft corn muffin'], it: 'it', share: (to) => `broke the muffin in two and gave half to ${to}`, taste: 'warm and sweet' },
  orange: { whole: ['a big round orange', 'a juicy orange'], it: 'it', share: (to) => `peeled the orange and gave ${to} half of the pieces`, taste: 'sweet and juicy' },
  grapes: { whole: ['a bunch of green grapes', 'a bunch of purple grapes'], it: 'them', share: (to) => `pulled the bunch of grapes apart and gave ${to} half`, taste: 'cold and sweet' },
  popcorn: { whole: ['a bag of popcorn', 'a big bag of warm popcorn'], it: 'it', share: (to) => `held the bag of popcorn out to ${to}`, taste: 'warm and salty' },
  crackers: { whole: ['a box of crackers', 'a pack of cheese crackers'], it: 'them', share: (to) => `counted the crackers into two piles and gave one pile to ${to}`, taste: 'salty and crunchy' },
  cherries: { whole: ['a bag of red cherries', 'a little bowl of dark cherries'], it: 'them', share: (to) => `counted the cherries into two piles and gave one pile to ${to}`, taste: 'sweet and juicy' },
  strawberries: { whole: ['a box of strawberries', 'a cup of ripe strawberries'], it: 'them', share: (to) => `picked out the biggest strawberries and gave them to ${to}`, taste: 'red and sweet' },
  chocolate: { whole: ['a bar of chocolate', 'a little bar of milk chocolate'], it: 'it', share: (to) => `broke the chocolate into squares and gave half to ${to}`, taste: 'sweet and smooth' },
};

/** How the toy is lost or spoiled on a sad day. */
const TOY_MISHAP: Record<string, string> = {
  ball: 'the ball bounced over a tall fence, and nobody could get it back',
  kite: 'the string snapped, and the kite blew away over the trees',
  balloon: 'the balloon popped with a loud bang',
  doll: 'the doll fell into a muddy puddle and got all dirty',
  'teddy bear': 'the teddy bear fell into a muddy puddle and got soaked',
  puppet: 'the puppet caught on a nail and tore',
  bike: 'the front tire went flat with a hiss',
  scooter: 'a wheel came off the scooter and rolled away',
  storybook: 'the storybook fell into a puddle, and the pages got soggy',
  'box of crayons': 'the box of crayons fell, and every crayon snapped',
  'jump rope': 'the jump rope snapped in two',
  puzzle: 'the wind blew the puzzle pieces away, and many were lost in the grass',
  'yo-yo': 'the string of the yo-yo snapped, and the yo-yo rolled away',
  drum: 'the drum fell off a wall and got a big hole in it',
  'red wagon': 'a wheel came off the red wagon and rolled away',
  'toy plane': 'the toy plane crashed into a tree and broke',
  'spinning top': 'the spinning top rolled into a drain and was gone',
};

const SNACK_MISHAP = [
  'a big dog ran past, bumped into them and knocked the rest into the mud',
  'the rest slipped out of the bag and fell into a puddle',
  'a hungry seagull swooped down and took the rest away',
];

export const sharing: Plot = {
  id: 'sharing',
  title: 'Sharing a snack or a toy',
  topics: [...Object.keys(SNACKS), ...Object.keys(TOY_PLAY)],
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const other = s.child();
    const topic = s.traits.topic;
    const snack = SNACKS[topic] as Snack | undefined;
    const heroHas = s.chance(0.5);
    const owner = heroHas ? hero : other;
    const asker = heroHas ? other : hero;
    const it = snack ? snack.it : 'it';
    const the = topic === 'box of crayons' ? 'the crayons' : `the ${topic}`;
    const place = snack
      ? s.pick(['the park', 'the school yard', 'the playground', 'the beach', 'the zoo'])
      : s.pick(['the park', 'the playground', 'the school yard', 'the field']);
    const [play, played] = TOY_PLAY[topic] ?? ['play with', 'played with'];

    // Who is who, and who has the thing.
    if (heroHas) {
      s.add(intro(s, hero));
      s.add(snack
        ? s.one(
            () => `${hero.called} had ${s.pick(snack.whole)} in ${his(hero)} lunch box`,
            () => `${hero.called} brought ${s.pick(snack.whole)} from home for a snack`,
            () => `${hero.called} had ${s.pick(snack.whole)} for snack time`,
          )
        : s.one(
            () => `${hero.called} had ${a(`${s.pick(['new', 'lovely', 'brand new', 'wonderful'])} ${topic}`)}`,
            () => `${hero.called} got ${a(`${s.pick(['new', 'brand new', 'special', 'lovely'])} ${topic}`)} for ${his(hero)} birthday`,
            () => `${hero.called}'s favorite thing in the world was ${his(hero)} ${topic}`,
          ));
    } else {
      s.add(intro(s, hero, s.pick(['', ' who liked to play outside', snack ? ' who was always hungry' : ' who liked games', ' who had lots of friends'])));
      s.add(snack
        ? s.one(
            () => `${hero.called} had forgotten ${his(hero)} snack at home, and ${his(hero)} tummy rumbled`,
            () => `${hero.called} had eaten ${his(hero)} snack too fast, and now ${he(hero)} was hungry again`,
          )
        : s.one(
            () => `${hero.called} did not have a toy to play with that day`,
            () => `${hero.called} had left all ${his(hero)} toys at home`,
          ));
    }
    s.add(s.one(
      () => `${dayTime(s)}, ${hero.called} went to ${place}, and ${other.called} was there too`,
      () => `${dayTime(s)}, ${hero.called} and ${other.called} sat down together ${at(place)}`,
      () => `${dayTime(s)}, ${hero.called} met ${other.called} ${at(place)}`,
    ));
    if (heroHas) {
      s.add(snack
        ? s.one(() => `${other.called} had nothing to eat`, () => `${other.called} looked at the ${topic} with big, hungry eyes`)
        : s.one(() => `${other.called} had no toy to play with`, () => `${other.called} looked at ${the} with big eyes`));
    } else {
      s.add(snack
        ? s.one(() => `${other.called} had ${s.pick(snack.whole)}`, () => `${other.called} opened ${a(s.pick(['paper bag', 'lunch box', 'little box']))}, and inside was ${s.pick(snack.whole)}`)
        : s.one(
            () => `${other.called} had ${a(`${s.pick(['new', 'brand new', 'lovely', 'wonderful'])} ${topic}`)}`,
            () => `${other.called} was playing with ${a(`${s.pick(['brand new', 'lovely', 'wonderful'])} ${topic}`)}`,
          ));
    }
    say(s, asker, snack
      ? s.pick([`Can I have some, please?`, `That looks so yummy!`, `I am so hungry. Can I have a little bit?`])
      : s.pick([`Can I have a turn?`, `Can I ${play} it too?`, `That looks like fun! Can I play?`]));

    // Sharing or keeping.
    if (s.kind) {
      if (snack) {
        s.add(s.one(
          () => `${owner.called} smiled and ${snack.share(asker.called)}`,
          () => `${owner.called} ${snack.share(asker.called)}`,
        ));
        say(s, asker, s.pick([`Thank you! You are a good friend`, `Thank you so much!`, `Wow, thank you!`]));
        s.add(s.one(
          () => `They ate side by side, and the ${topic} ${it === 'them' ? 'were' : 'was'} ${snack.taste}`,
          () => `The two friends ate together and talked about their favorite animals`,
          () => `They munched and giggled, and the ${topic} ${it === 'them' ? 'were' : 'was'} ${snack.taste}`,
        ));
      } else {
        say(s, owner, s.pick([`Of course! Let's take turns`, `Sure, you can go first`, `Yes! It is more fun with two`]));
        s.add(s.one(
          () => `${owner.called} let ${asker.called} go first`,
          () => `${owner.called} showed ${asker.called} how to ${play} ${the}`,
        ));
        s.add(s.one(
          () => `First ${asker.called} ${played} ${the}, and then ${owner.called} had a turn`,
          () => `They took turns, and they both ${played} ${the} again and again`,
        ));
        say(s, asker, s.pick([`Thank you for sharing!`, `Thank you! This is so much fun`, `You are a good friend. Thank you!`]));
      }
    } else {
      if (snack) {
        s.add(s.one(
          () => `${owner.called} held the ${topic} close and frowned`,
          () => `${owner.called} turned away and hid the ${topic} behind ${his(owner)} back`,
        ));
        say(s, owner, s.pick([`No! ${it === 'them' ? 'They are' : 'It is'} all mine`, `Get your own snack!`, `No way. Go away!`]), s.pick(['snapped', 'shouted', 'said']));
        s.add(s.one(
          () => `Then ${owner.called} ate ${it === 'them' ? 'every last one' : 'every last bite'} and did not give ${asker.called} ${it === 'them' ? 'a single one' : 'a single crumb'}`,
          () => `${owner.called} laughed and ate ${it === 'them' ? 'them all' : 'it all'} in three big bites, right in front of ${asker.called}`,
        ));
      } else {
        s.add(s.one(
          () => `${owner.called} grabbed ${the} and held it tight`,
          () => `${owner.called} stuck out ${his(owner)} tongue`,
        ));
        say(s, owner, s.pick([`No! It is mine. You can't have a turn`, `Go away! You will break it`, `No. Find your own toy!`]), s.pick(['snapped', 'shouted', 'said']));
        s.add(s.one(
          () => `${owner.called} pushed ${asker.called} away and ${played} ${the} all alone`,
          () => `${owner.called} laughed at ${asker.called} and ran off with ${the}`,
        ));
      }
    }

    // How the day ends.
    if (s.kind && s.happy) {
      s.add(snack
        ? s.one(() => `After that, they played tag until it was time to go home`, () => `Then they ran off to play together, laughing all the way`)
        : s.one(() => `They played with ${the} all afternoon, laughing the whole time`, () => `When the sun went down, they made a plan to play again tomorrow`));
      s.add(joy(s, [hero, other]));
    } else if (s.kind) {
      s.add(snack
        ? `But then ${s.pick(SNACK_MISHAP)}`
        : `But then ${TOY_MISHAP[topic] ?? `${the} fell on the hard ground and broke into pieces`}`);
      s.add(s.one(
        () => `${asker.called} gave ${owner.called} a hug, but they were both very sad`,
        () => `${owner.called} tried not to cry, but ${he(owner)} could not help it`,
      ));
      s.add(sorrow(s, [hero, other]));
    } else if (s.happy) {
      if (heroHas) {
        s.add(s.one(
          () => `${other.called} walked off to play somewhere else`,
          () => `${other.called} went to play with some other kids`,
        ));
        s.add(snack
          ? s.one(() => `${hero.called} licked ${his(hero)} lips and rubbed ${his(hero)} full tummy`, () => `${hero.called} thought it was the best snack ever`)
          : s.one(() => `${hero.called} ${played} ${the} all by ${himself(hero)} until the sun went down`, () => `${hero.called} kept ${the} all to ${himself(hero)} and had a wonderful time`));
      } else {
        s.add(snack
          ? s.one(
              () => `Just then, ${hero.called}'s grandpa came with a bag of warm cinnamon buns`,
              () => `Soon it was lunch time, and ${hero.called} had a big bowl of hot noodle soup`,
            )
          : s.one(
              () => `So ${hero.called} found a long stick and a pile of leaves and made up a fun game`,
              () => `So ${hero.called} ran to the swings and swung higher than the trees`,
            ));
      }
      s.add(joy(s, [hero]));
    } else {
      if (heroHas) {
        s.add(s.one(
          () => `${other.called} walked away, and nobody came to play with ${hero.called}`,
          () => `Soon ${hero.called} was all alone, and there was no one to play with`,
        ));
        s.add(s.one(
          () => (snack ? `${hero.called} had eaten the whole ${topic}, but ${he(hero)} felt sad and lonely` : `${hero.called} had ${the} all to ${himself(hero)}, but ${he(hero)} felt sad and lonely`),
          () => `Sitting all by ${himself(hero)}, ${hero.called} began to cry`,
        ));
      } else {
        s.add(snack
          ? s.one(() => `${hero.called} sat on the ground with an empty, rumbling tummy`, () => `${hero.called} was still hungry, and ${his(hero)} eyes filled with tears`)
          : s.one(() => `${hero.called} sat on the ground with nothing to play with`, () => `${hero.called} sat all alone, feeling left out and sad`));
        s.add(sorrow(s, [hero]));
      }
    }
  },
};
