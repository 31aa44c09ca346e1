// The first day at school: a child is scared of the big new place. Brave: waves goodbye and walks
// in; fearful: clings, hides, cries. Kind: the teacher and a classmate welcome and share; unkind:
// a classmate mocks or grabs the child's new things. Happy: home time brings a smile; sad: tears.
import { he, him, his } from '../cast';
import { a } from '../grammar';
import { COLORS } from '../lexicon';
import type { Plot } from '../plot';
import { opener, refs } from './words-b';

/** The new thing the child takes to school, and a picture on it. */
const THINGS: Record<string, { on: readonly string[]; use: string }> = {
  backpack: { on: ['a dinosaur', 'a rocket', 'a rainbow', 'a big orange cat', 'little stars'], use: 'hung the backpack on a peg with a name on it' },
  'lunch box': { on: ['a rocket', 'a tiger', 'a rainbow', 'a fire truck', 'flowers'], use: 'put the lunch box on the shelf with all the others' },
  'teddy bear': { on: [], use: 'sat the teddy bear on the windowsill to watch' },
  'pencil case': { on: ['a shark', 'a spaceship', 'a racing car', 'butterflies'], use: 'put the pencil case on the table' },
  raincoat: { on: ['little ducks', 'spots', 'frogs', 'stripes'], use: 'hung the raincoat on a hook by the door' },
  'sun hat': { on: ['little daisies', 'a bright sun', 'anchors', 'stripes'], use: 'put the sun hat in the cubby' },
  'water bottle': { on: ['a whale', 'a dragon', 'bubbles', 'a smiling moon'], use: 'put the water bottle by the sink' },
  'crayon box': { on: ['a rainbow', 'a parrot', 'a zebra'], use: 'put the crayon box on the art table' },
};

export const firstDayAtSchool: Plot = {
  id: 'first-day-at-school',
  title: 'The first day at school',
  topics: Object.keys(THINGS),
  hasFear: true,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const thing = THINGS[topic];
    const hero = s.child();
    const grown = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa']));
    const teacher = s.townGrownup('teacher');
    const mate = s.child();
    const P = refs([hero, grown, teacher, mate]);
    const H = hero.called;
    const G = grown.called;
    const T = teacher.called;
    const M = mate.called;
    const color = s.pick(COLORS);
    const looks = thing.on.length ? `${color} ${topic} with ${s.pick(thing.on)} on it` : `soft ${color === 'black' ? 'brown' : color} ${topic}`;

    s.add(opener(s, hero, s.pick(['', ' who was five years old', ' who had just turned five', ' who had a gap in ' + his(hero) + ' front teeth'])));
    s.add(s.one(
      () => `Tomorrow would be ${whose(H)} very first day at school`,
      () => `It was almost time for ${H} to start school`,
    ));
    s.add(s.one(
      () => `${G} had bought ${him(hero)} ${a(looks)}`,
      () => `${H} had ${a(looks)}, and ${he(hero)} packed it the night before`,
      () => `${H} was so proud of ${his(hero)} new ${looks}`,
    ));
    s.add(s.one(
      () => `In the morning, ${H} and ${G} walked to school ${s.pick(['hand in hand', 'through the park', 'past the bakery', 'in the drizzle'])}`,
      () => `The next morning, ${G} took ${H} to the big school on the hill`,
    ));
    if (s.chance(0.5)) s.add(s.one(
      () => `The school was big and noisy, and there were so many children`,
      () => `Children were running and shouting everywhere, and the bell went ring, ring, ring`,
      () => `The door was tall, the hall was long, and everyone was a stranger`,
    ));
    s.add(s.one(
      () => `${whose(H)} tummy was full of butterflies`,
      () => `${H} held ${his(hero)} ${topic} tight, and ${his(hero)} legs felt wobbly`,
      () => `${H} felt small and scared`,
    ));
    if (s.chance(0.35)) s.say(hero, s.pick([`What if nobody likes me?`, `I want to go home`, `What if I get lost?`]), s.pick(['whispered', 'asked']));

    // Bravery: walking in, or hiding.
    if (s.brave) {
      s.add(s.one(
        () => `${H} took a deep breath, waved goodbye to ${G}, and walked in`,
        () => `${H} squeezed ${his(hero)} ${topic}, counted to three, and stepped through the door`,
        () => `Even with shaky knees, ${H} let go of ${whose(G)} hand and went inside`,
      ));
      if (s.chance(0.6)) s.add(`${P.he(hero)} ${thing.use}`);
    } else {
      s.add(s.one(
        () => `${H} hid behind ${whose(G)} legs and would not let go`,
        () => `${H} began to cry and would not go through the door`,
        () => `${H} ran back out to the gate and held on tight`,
      ));
      s.add(s.one(
        () => `When ${G} had to go, ${H} hid in the corner under the coats`,
        () => `All morning, ${H} sat in the corner by the door and would not play`,
        () => `${H} stayed by the window, holding on to ${his(hero)} ${topic}, and would not join in`,
      ));
    }

    // Kindness: the teacher and a classmate.
    if (s.kind) {
      s.add(s.one(
        () => `${T} knelt down and smiled a warm smile`,
        () => `${T} showed ${H} where everything was, from the sink to the story corner`,
      ));
      s.add(`A ${mate.sex === 'f' ? 'girl' : 'boy'} named ${M} came over and said, "I like your ${topic}!"`);
      s.add(s.one(
        () => `${M} shared ${his(mate)} crayons, and they drew pictures side by side`,
        () => `${M} asked ${H} to sit next to ${him(mate)} at story time`,
        () => `${M} held out ${his(mate)} hand and said, "Do you want to play with me?"`,
      ));
    } else {
      s.add(`A ${mate.sex === 'f' ? 'girl' : 'boy'} named ${M} pointed at ${whose(H)} ${topic} and laughed`);
      s.say(mate, s.pick([`That's a baby ${topic}!`, `Your ${topic} is silly and ugly!`, `Ha, ha! Look at the new kid!`]), s.pick(['laughed', 'said', 'jeered']));
      s.add(s.one(
        () => `${M} grabbed the ${topic} and threw it on the floor`,
        () => `Then ${M} pushed ${H} out of the line`,
        () => `Nobody would let ${H} sit with them at lunch`,
      ));
    }

    // The ending.
    if (s.happy) {
      s.add(s.one(
        () => `At home time, ${H} ran to ${G} with a big smile`,
        () => `When ${G} came back, ${H} jumped into ${his(grown)} arms`,
      ));
      if (s.brave) {
        s.say(hero, s.pick([`I like school! Can I go again tomorrow?`, `School was fun! I got a gold star!`, `I had a great day!`]), s.pick(['said', 'called']));
        if (s.chance(0.5)) s.add(s.one(
          () => `On the way home, ${H} ate a big ice cream and laughed all the way`,
          () => `That night, ${H} put the ${topic} by the door, ready for tomorrow, and fell asleep happy`,
        ));
      } else {
        s.say(hero, s.pick([`I missed you so much!`, `You came back!`]), 'said');
        s.add(s.kind
          ? s.one(
              () => `On the way home, they shared a big ice cream, and ${H} smiled and smiled`,
              () => `${G} gave ${H} a big hug, and they sang happy songs all the way home`,
            )
          : s.one(
              () => `On the way home, ${H} got a big ice cream, and ${he(hero)} smiled and smiled`,
              () => `They sang happy songs all the way home, and ${H} felt safe and glad`,
            ));
      }
    } else {
      s.add(s.one(
        () => `At home time, ${H} found that ${his(hero)} ${topic} was gone, and nobody knew where it was`,
        () => s.kind ? `At home time, ${H} left ${his(hero)} ${topic} out in the rain, and it was soaked and spoiled` : `At home time, ${whose(H)} ${topic} was dirty and torn`,
        () => `At home time, ${H} ran to ${G} and cried and cried`,
      ));
      s.add(s.one(
        () => `${P.he(hero)} did not want to go back to school ever again`,
        () => `It was a sad, lonely first day, and ${H} cried all the way home`,
        () => `That night, ${H} could not sleep, and ${his(hero)} tummy hurt`,
      ));
    }
  },
};

const whose = (called: string): string => `${called}'s`;
