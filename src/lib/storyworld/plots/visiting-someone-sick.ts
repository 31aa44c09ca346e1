// Visiting someone sick: a child visits a grandparent or a friend who is ill in bed, bringing soup,
// flowers or a storybook. Kind: gentle voices, stories read, blankets tucked, thanks; unkind:
// complaining, noise, snatching the treats, grumbling back. Happy: the sick one gets better; sad:
// they stay ill, and the goodbye is tearful.
import { he, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { ANY_TIMES, opener, refs } from './words-b';

/** What the child brings: how it is got ready, how it is named in the bag, and how it is enjoyed. */
const GIFTS: Record<string, { ready: readonly string[]; enjoy: readonly string[] }> = {
  soup: { ready: ['helped stir a pot of warm chicken soup', 'carried a jar of hot vegetable soup, wrapped in a towel'], enjoy: ['sipped the soup slowly, spoon by spoon', 'said the soup was just what the doctor ordered'] },
  flowers: { ready: ['picked a bunch of flowers from the garden', 'chose yellow daisies and red tulips for a bunch of flowers'], enjoy: ['smelled the flowers and put them by the window', 'looked at the flowers and said they were like sunshine'] },
  card: { ready: ['made a get-well card with a big rainbow on the front', 'drew a funny picture on a card and wrote "Get well soon!" inside'], enjoy: ['read the card twice and stood it on the table', 'laughed at the funny picture on the card'] },
  grapes: { ready: ['washed a bunch of green grapes and put them in a bowl', 'packed a little bag of sweet purple grapes'], enjoy: ['ate the grapes one by one', 'shared the grapes and said they were the sweetest ever'] },
  oranges: { ready: ['put three big oranges in a basket', 'squeezed oranges to make a bottle of fresh juice'], enjoy: ['ate an orange, piece by piece', 'said the oranges made everything feel brighter'] },
  storybook: { ready: ['chose a favorite storybook from the shelf', 'packed a storybook full of funny animals'], enjoy: ['listened to the storybook with a smile', 'laughed at the funny animals in the storybook'] },
  puzzle: { ready: ['found a puzzle with a picture of a big ship', 'packed a puzzle of a farm with lots of animals'], enjoy: ['did the puzzle on a tray on the bed', 'found the last piece of the puzzle and cheered'] },
  'teddy bear': { ready: ['picked out a soft teddy bear with a red bow', 'wrapped a little teddy bear in tissue paper'], enjoy: ['hugged the teddy bear close', 'tucked the teddy bear in bed beside the pillow'] },
  muffins: { ready: ['helped bake a batch of banana muffins', 'put warm muffins in a basket with a cloth on top'], enjoy: ['ate a muffin and asked for another', 'said the muffins smelled like home'] },
  honey: { ready: ['took a jar of golden honey for tea', 'carried a jar of honey and a lemon'], enjoy: ['stirred the honey into a cup of hot tea', 'sipped honey and lemon, and the cough got softer'] },
};

export const visitingSomeoneSick: Plot = {
  id: 'visiting-someone-sick',
  title: 'Visiting someone sick',
  topics: Object.keys(GIFTS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const g = GIFTS[topic];
    const hero = s.child();
    const grown = s.family(hero, s.pick(['mom', 'dad']));
    const friendSick = s.chance(0.4);
    const sick: Character = friendSick ? s.child() : s.family(hero, s.pick(['grandma', 'grandpa', 'aunt', 'uncle']));
    const P = refs([hero, grown, sick]);
    const H = hero.called;
    const G = grown.called;
    const S = sick.called;
    const illness = friendSick
      ? s.pick(['chickenpox', 'a bad cold', 'a tummy bug', 'a sore throat', 'a high fever'])
      : s.pick(['a bad cough', 'a broken leg', 'the flu', 'a bad cold', 'a sore back']);
    const looks: Record<string, string> = {
      chickenpox: 'was covered in itchy red spots',
      'a broken leg': 'had a big white cast on one leg',
      'a bad cough': 'coughed and coughed',
      'a sore back': 'could hardly sit up',
    };

    s.add(opener(s, hero, s.pick(['', ' who had a big, kind heart', ' who liked to talk and sing', ' who could never sit still'])));
    s.add(s.one(
      () => `${friendSick ? `${whose(H)} best friend, ${S},` : S} was ${illness === 'a broken leg' ? 'stuck in bed' : 'sick in bed'} with ${illness}`,
      () => `${friendSick ? `${whose(H)} friend ${S}` : S} had ${illness} and had to stay in bed`,
    ));
    s.add(s.one(
      () => `${s.pick(ANY_TIMES)}, ${G} said, "Let's go and visit ${sick.name}."`,
      () => `${s.pick(ANY_TIMES)}, ${H} and ${G} went to visit ${friendSick ? S : P.him(sick)}`,
    ));
    s.add(`${H} ${s.pick(s.kind ? g.ready : g.ready.filter((r) => !r.startsWith('helped')))}`);
    if (s.chance(0.5)) s.add(s.one(
      () => `They walked there ${s.pick(['under a big umbrella', 'through the park', 'past the duck pond', 'in the cold wind'])}`,
      () => `They took the bus, and ${H} held the ${topic} on ${his(hero)} lap all the way`,
    ));
    s.add(looks[illness]
      ? `${S} ${looks[illness]}`
      : s.pick([`${S} looked pale and tired under the blankets`, `${S} lay in bed with a red nose and sleepy eyes`]));

    // Kindness: how the visit goes.
    let kept = false;
    if (s.kind) {
      s.add(s.one(
        () => `${H} tiptoed in and spoke in a soft, gentle voice`,
        () => `${H} gave ${S} a careful hug`,
        () => `${H} sat quietly on the edge of the bed`,
      ));
      const these = PLURAL.includes(topic) ? `These ${topic} are` : `This ${topic} is`;
      s.say(hero, s.pick([`I brought you ${topicWithArticle(topic)}. I hope you feel better soon`, `${these} for you. Get well soon!`, `Here you are. ${these} just for you`]), s.pick(['said', 'whispered']));
      s.add(s.one(
        () => `${H} tucked the blanket in and read ${P.him(sick)} a story`,
        () => `${H} fluffed up the pillows and brought a glass of water`,
        () => `${H} told funny jokes very quietly, so as not to make ${P.him(sick)} tired`,
      ));
      s.say(sick, s.pick([`Thank you, ${hero.name}. You are so kind`, `Thank you. You made my day`, `Thank you. I feel better already`]));
    } else {
      s.add(s.one(
        () => `${H} stomped in, dropped the ${topic} on the floor, and turned on the TV very loud`,
        () => `${H} jumped on the end of the bed, nearly squashing the ${topic}, and ignored ${S}`,
        () => {
          kept = true;
          return EDIBLE.includes(topic)
            ? `${H} grabbed the ${topic} and ate ${PLURAL.includes(topic) ? 'them' : 'it'} all by ${himOrHerself(hero)}`
            : `${H} kept the ${topic} and would not give ${PLURAL.includes(topic) ? 'them' : 'it'} to ${S}`;
        },
      ));
      s.say(hero, s.pick([`This is so boring! Who cares about being sick?`, `Ew, it smells funny in here. I want to go home!`, `Hurry up and get better. I'm bored!`]), s.pick(['whined', 'moaned', 'said']));
      s.add(s.one(
        () => `${S} frowned and turned away`,
        () => `${S} was grumpy too and snapped, "Then go away!"`,
        () => `${G} shouted at ${H} to stop being so rude`,
      ));
    }

    // The ending.
    if (s.happy) {
      s.add(kept || s.chance(0.3) ? `Soon ${S} sat up and smiled for the first time in days` : `${S} ${s.pick(g.enjoy)}`);
      s.add(s.one(
        () => `A week later, ${S} was well again, and they ${friendSick ? 'played in the park' : 'went for a walk in the park'} together, happy as can be`,
        () => `Before long, ${S} was up and about, laughing and strong again`,
        () => `${S} got better every day, and ${H} was so glad`,
      ));
    } else {
      if (s.chance(0.75)) {
        s.add(s.one(
          () => `But ${S} was still too sick to talk for long, and soon ${he(sick)} fell asleep`,
          () => `But ${S} only got worse, and the doctor said ${he(sick)} must stay in bed for weeks`,
        ));
        s.add(s.one(
          () => `${H} waved goodbye from the door, with tears in ${his(hero)} eyes`,
          () => `It was a sad, quiet walk home, and nobody said a word`,
          () => `${H} felt sad and lonely for a long time`,
        ));
      } else {
        s.add(`The next day, ${H} woke up with ${illness === 'a broken leg' || illness === 'a sore back' || illness === 'chickenpox' ? 'a bad cold' : illness} too`);
        s.add(`Now ${H} had to stay in bed, and ${he(hero)} missed ${his(hero)} friends and felt miserable`);
      }
    }
  },
};

const EDIBLE = ['soup', 'grapes', 'oranges', 'muffins'];
const PLURAL = ['flowers', 'grapes', 'oranges', 'muffins'];
const whose = (called: string): string => `${called}'s`;
const himOrHerself = (c: Character): string => (c.sex === 'f' ? 'herself' : 'himself');
function topicWithArticle(topic: string): string {
  return ['soup', 'flowers', 'grapes', 'oranges', 'muffins', 'honey'].includes(topic) ? `some ${topic}` : a(topic);
}
