// A surprise for someone: a child secretly makes a card, breakfast in bed, a cake... for a family
// grown-up or the teacher. A brother, sister or friend helps and is thanked and shares the credit
// (kind), or mocks, grabs and is pushed away (unkind); the surprise delights (happy) or is spoilt
// (sad).
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { doOne, gladEnd, intro, sadEnd } from './words-c';

interface Surprise {
  /** The surprise as first named: "a birthday card". */
  what: string;
  /** Two making steps (after "<child> ..."). */
  make: string[];
  /** A small job for a helper (after "you can ..."). */
  job: string;
  /** How it is given (after "<child> ..."), {r} the one it is for. */
  give: string;
  /** What the one it is for does when it goes well (after "<them> ..."). */
  loved: string;
  /** How it is spoilt, a whole clause. */
  ruin: string[];
  /** Can be for the teacher too (a tray of breakfast cannot). */
  school: boolean;
}

const SURPRISES: Record<string, Surprise> = {
  card: {
    what: 'a card', make: ['folded a big piece of paper in half', 'drew hearts and flowers on the front of the card', 'wrote "I love you" inside the card in big letters', 'stuck sparkly stars all over the card'],
    job: 'color the sun on the card', give: 'gave {r} the card with both hands', loved: 'read the card out loud and put it where everyone could see it',
    ruin: ['the card fell in a puddle, and all the colors ran', 'the card got torn in half'], school: true,
  },
  'breakfast in bed': {
    what: 'breakfast in bed', make: ['made toast with butter and strawberry jam', 'poured a glass of orange juice very carefully', 'put a little flower in a cup on the tray', 'cut a banana into round slices'],
    job: 'carry the napkin and the spoon', give: 'carried the breakfast tray upstairs, one slow step at a time', loved: 'sat up in bed and ate every bite of the breakfast',
    ruin: ['the tray tipped, and the juice and jam went all over the bed', 'the toast burned, and the smoke alarm went beep, beep, beep'], school: false,
  },
  cake: {
    what: 'a little cake', make: ['mixed flour, eggs and sugar in a big bowl for the cake', 'put pink icing and sprinkles on the cake', 'put one candle in the middle of the cake', 'wrote a name on the cake with chocolate'],
    job: 'put the sprinkles on the cake', give: 'carried in the cake and sang a happy song', loved: 'cut the cake and gave everyone a slice',
    ruin: ['the cake slid off the plate and landed on the floor', 'the cake sank in the middle and came out flat and hard'], school: false,
  },
  painting: {
    what: 'a painting', make: ['painted a big yellow sun and a little house', 'painted the whole family holding hands', 'painted a garden full of flowers', 'put the painting in a frame made of sticks'],
    job: 'paint the blue sky', give: 'held up the painting and shouted, "Surprise!"', loved: 'hung the painting on the wall right away',
    ruin: ['the painting was still wet, and it smeared into a big brown smudge', 'the dog ran across the painting with muddy paws'], school: true,
  },
  flowers: {
    what: 'a bunch of flowers', make: ['picked red and yellow flowers from the garden', 'tied the flowers with a long blue ribbon', 'put the flowers in a jar of water', 'added some green leaves to the flowers'],
    job: 'hold the ribbon for the flowers', give: 'hid the flowers behind {his} back and then held them out to {r}', loved: 'smelled the flowers and put them on the kitchen table',
    ruin: ['the flowers wilted in the hot sun and hung their heads', 'a goat from the farm next door ate the flowers'], school: true,
  },
  song: {
    what: 'a song', make: ['made up a happy tune for the song', 'made up words about {r} for the song', 'made a drum from a box for the song', 'practiced the song in the bathroom, where it sounded loud'],
    job: 'play the drum for the song', give: 'stood up tall and sang the song', loved: 'clapped and asked to hear the song again',
    ruin: ['the words of the song went right out of {his} head', 'the song came out all wobbly and wrong'], school: true,
  },
  'bead necklace': {
    what: 'a bead necklace', make: ['put red, blue and green beads on a string for the necklace', 'added a shiny heart bead in the middle of the necklace', 'tied a knot at the end of the bead necklace', 'put the bead necklace in a little box'],
    job: 'pick the next bead for the necklace', give: 'put the bead necklace into {r}\'s hands', loved: 'put on the bead necklace and wore it all day',
    ruin: ['the string snapped, and the beads rolled all over the floor', 'the beads fell under the sofa and were lost'], school: true,
  },
  'paper crown': {
    what: 'a paper crown', make: ['cut a crown out of gold paper', 'glued shiny buttons on the paper crown', 'wrote "The Best" on the paper crown', 'taped the paper crown into a ring'],
    job: 'glue on the buttons', give: 'put the paper crown on {r}\'s head', loved: 'wore the paper crown all through dinner',
    ruin: ['the paper crown tore right down the middle', 'rain got on the paper crown, and it went soft and soggy'], school: true,
  },
  poem: {
    what: 'a poem', make: ['thought of words that rhymed, like "sun" and "fun", for the poem', 'wrote a short poem on pink paper', 'drew a little picture under the poem', 'read the poem over and over'],
    job: 'think of a word that rhymes', give: 'read the poem in a clear voice', loved: 'wiped away a happy tear and kept the poem forever',
    ruin: ['the poem got lost on the way', 'the poem got wet and the words were gone'], school: true,
  },
};

/** Why the surprise, with a time that fits it. */
const REASONS_HOME = [
  (s: Story, r: string) => `${s.pick(['One morning', 'On Sunday', 'One spring day'])}, it was ${r}'s birthday`,
  (s: Story, r: string) => `${s.pick(['One week', 'One winter day'])}, ${r} had a bad cold and had to stay in bed`,
  (s: Story, r: string) => `${s.pick(['One Friday', 'One evening'])}, ${r} came home tired after working hard all week`,
  (s: Story, r: string) => `${s.pick(['One rainy day', 'One gray morning'])}, ${r} looked a little sad`,
];
const HIDES = ['in the closet', 'under the bed', 'behind the sofa', 'in the garage', 'in the garden shed', 'at the back of the cupboard'];

export const surpriseForSomeone: Plot = {
  id: 'surprise-for-someone',
  title: 'A surprise for someone',
  topics: Object.keys(SURPRISES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const helper = s.child();
    const topic = s.traits.topic;
    const sp = SURPRISES[topic];
    const forTeacher = sp.school && s.chance(0.25);
    const r0 = forTeacher ? s.townGrownup('teacher') : s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa', 'aunt', 'uncle'] as const));
    const R: Character = { ...r0, called: r0.name }; // "Mom", "Miss Green": clear beside two children
    const H = hero.called;
    const K = helper.called;
    const rel = forTeacher ? s.pick(['best friend', 'friend', 'classmate']) : s.pick(['big sister', 'little sister', 'big brother', 'little brother'].filter((x) => x.endsWith(helper.sex === 'f' ? 'sister' : 'brother')));
    const fill = (t: string): string => t.replaceAll('{r}', R.called).replaceAll('{his}', his(hero));
    const [m1, m2] = [sp.make[0], s.pick(sp.make.slice(1))]; // the first step first
    const kitchen = topic === 'breakfast in bed' || topic === 'cake';

    s.add(intro(s, hero, forTeacher ? s.pick(['', ` who loved ${his(hero)} teacher, ${R.called}`]) : ''));
    s.add(forTeacher
      ? `${s.pick(['One Friday', 'One morning', 'On the last day of school'])}, ${H} learned that ${R.called} was ${s.pick(['leaving to live in another town', 'having a birthday', `feeling sad because ${his(R)} cat was sick`])}`
      : s.pick(REASONS_HOME)(s, R.called));
    s.add(s.one(
      () => `${H} wanted to make ${R.called} a surprise: ${a(topic === 'breakfast in bed' ? 'tray of breakfast in bed' : sp.what.replace(/^an? /, ''))}`,
      () => `${H} had a big idea: ${he(hero)} would make ${sp.what} for ${R.called}`,
    ));
    s.say(hero, s.pick([`Shh! It's a secret`, `${R.called} must not know`, `This will be the best surprise ever`]), s.pick(['whispered', 'said']));
    s.add(s.one(
      () => `${H} tiptoed ${forTeacher ? 'to a quiet corner of the classroom' : 'into the kitchen'} and got to work`,
      () => (kitchen ? `${H} waited until nobody was in the kitchen` : `${H} hid ${forTeacher ? 'behind a bookshelf' : s.pick(HIDES)} so nobody could see`),
    ));
    s.add(`First, ${H} ${fill(m1)}`);
    s.add(`Then ${he(hero)} ${fill(m2)}`);

    // Kindness: the helper comes in.
    s.add(`Just then, ${H}'s ${rel}, ${helper.name}, ${s.pick(['peeked in', 'came to see', 'walked by'])}`);
    if (s.kind) {
      doOne(s,
        () => {
          s.say(helper, `Can I help too?`);
          s.add(`${H} smiled and said, "Yes, please! You can ${sp.job}."`);
        },
        () => {
          s.add(`${H} let ${K} ${sp.job}, and they worked together`);
          s.say(hero, s.pick([`Thank you for helping me, ${helper.name}. We can say it is from both of us`, `Thank you, ${helper.name}. You are a good helper`]));
        },
        () => {
          s.say(helper, s.pick([`That looks beautiful, ${hero.name}!`, `What a good idea! I will keep the secret`]));
          s.add(`${H} thanked ${K} and gave ${him(helper)} a hug`);
        },
      );
    } else {
      doOne(s,
        () => {
          s.say(helper, s.pick([`That looks silly! ${R.called} won't like it`, `Ha! What a baby surprise!`]), 'laughed');
          s.add(`${H} pushed ${K} out of the way and shouted, "Go away! This is MY surprise!"`);
        },
        () => {
          s.say(helper, `Can I help too?`);
          s.add(`${H} frowned at ${K} and said, "No! You will ruin it. Go away!"`);
        },
        () => {
          s.add(`${K} grabbed at the ${topic === 'breakfast in bed' ? 'tray' : topic} and said, "Let me do it!"`);
          s.add(`${H} grabbed it back, and they pulled and shouted`);
        },
      );
    }

    // The ending: the surprise is a joy, or it goes wrong.
    if (s.happy) {
      s.add(`Then ${H} ${fill(sp.give)}`);
      s.say(R, s.kind ? s.pick([`Surprise? For me? Oh, thank you both!`, `This is the best surprise ever! Thank you!`]) : s.pick([`Oh, how lovely! You made my day!`, `This is the best surprise ever!`]));
      s.add(s.kind ? s.one(() => `${R.called} ${sp.loved}`, () => `${R.called} gave ${H} and ${K} a big, warm hug`) : `${R.called} ${sp.loved}`);
      s.add(s.one(
        () => `${H} felt so proud and happy inside`,
        () => gladEnd(s, hero),
        () => `Everyone smiled, and it was a lovely, happy day`,
      ));
    } else {
      s.add(`But ${fill(s.pick(sp.ruin))}`);
      s.add(s.one(
        () => `All that hard work was ruined, and ${R.called} never got to see it`,
        () => `${R.called} looked at the mess and sighed, and ${H} felt awful`,
        () => `Everything was ruined, and there was nothing to give ${R.called} after all`,
      ));
      s.add(s.one(
        () => (forTeacher ? `${H} put ${his(hero)} head down on ${his(hero)} desk and cried` : `${H} ran to ${his(hero)} room and cried`),
        () => sadEnd(s, hero),
        () => `${H} sat ${forTeacher ? 'at the back of the room' : 'on the stairs'}, sad and quiet, and a tear rolled down ${his(hero)} cheek`,
      ));
    }
  },
};
