// A talent show or contest, and stage fright: a child practises an act, then freezes when it is their
// turn. They face the crowd (brave) or hide behind the curtain (fearful); a friend cheers them on
// and they cheer for others (kind), or the other children jeer and they jeer back (unkind); the
// act is a joy (happy) or it goes wrong, or never happens (sad).
import { he, his } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, sadEnd } from './words-c';

interface Act {
  /** What the child will do (after "to ..."). */
  will: string;
  /** Practice (after "<child> practiced ..."). */
  practice: string;
  /** Doing it well (after "<child> ..."). */
  did: string;
  /** It going wrong, a clause after "halfway through, ...". */
  flop: string;
  /** What they bring on stage. */
  props: string;
}

const ACTS: Record<string, Act> = {
  song: { will: 'sing a song', practice: 'the song in the bath and in the garden', did: 'sang the song in a clear, strong voice', flop: '{he} forgot the words of the song', props: 'a bright scarf' },
  dance: { will: 'do a dance', practice: 'the dance in front of the mirror', did: 'danced, spun and jumped, and the dance ended with a big bow', flop: '{he} tripped over {his} own feet in the middle of the dance', props: 'shiny tap shoes' },
  'magic trick': { will: 'do a magic trick', practice: 'the magic trick for the cat', did: 'made a coin vanish and then found it behind {j}\'s ear, and the magic trick worked', flop: 'the coin fell out of {his} sleeve and spoiled the magic trick', props: 'a black hat and a wand' },
  drum: { will: 'play the drum', practice: 'the drum in the garage until the neighbors knew the tune', did: 'played the drum, boom, boom, rat-a-tat, right on the beat', flop: '{he} dropped a drumstick, and it rolled off the stage', props: 'a little red drum' },
  poem: { will: 'say a poem', practice: 'the poem on the way to school', did: 'said the whole poem without one mistake', flop: '{he} mixed up the lines of the poem', props: 'a neat blue bow' },
  jokes: { will: 'tell jokes', practice: 'the jokes on anyone who would listen', did: 'told jokes about a silly cow and a dancing pig, and the jokes made everyone giggle', flop: 'nobody laughed at the jokes, not even once', props: 'a funny red nose' },
  juggling: { will: 'juggle three rings', practice: 'juggling in the yard, over and over', did: 'juggled three rings high in the air, round and round', flop: 'the juggling rings bounced off the stage and into the crowd', props: 'three bright juggling rings' },
  cartwheels: { will: 'do cartwheels', practice: 'cartwheels on the soft grass', did: 'did five cartwheels in a row, as straight as an arrow', flop: '{he} wobbled and fell on the second cartwheel', props: 'a sparkly green top' },
  piano: { will: 'play the piano', practice: 'a piano tune after school', did: 'played the piano tune, soft and then loud, with no wrong notes', flop: '{he} hit the wrong notes on the piano, again and again', props: 'a sheet of music' },
  whistle: { will: 'whistle a tune', practice: 'whistling a tune while helping with the dishes', did: 'whistled the tune like a little bird', flop: 'no whistle came out, just air', props: 'a bow tie' },
};

const SHOWS = [
  ['the school talent show', 'the school hall'], ['the talent show at the town fair', 'the big tent'],
  ['a contest at the summer fair', 'the stage by the fair'], ['the library talent show', 'the library'], ['the talent contest at the park', 'the little stage in the park'],
] as const;
const BUTTERFLIES = [
  '{his} knees shook and {his} tummy felt full of butterflies', '{his} hands went cold and {his} mouth went dry',
  '{his} heart went thump, thump, thump', '{he} felt as small as a mouse',
];
const HIDES = ['behind the big red curtain', 'in the coat room', 'under a table at the back', 'behind a stack of chairs'];

export const talentShow: Plot = {
  id: 'talent-show',
  title: 'A talent show',
  topics: Object.keys(ACTS),
  hasFear: true,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const friend = s.child();
    const fam = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa'] as const));
    const judge = s.townGrownup(s.pick(['teacher', 'baker', 'shopkeeper', 'doctor']));
    const H = hero.called;
    const Fr = friend.called;
    const topic = s.traits.topic;
    const act = ACTS[topic];
    const [show, stage] = s.pick(SHOWS);
    const fill = (t: string, j = judge.called): string => t.replaceAll('{he}', he(hero)).replaceAll('{his}', his(hero)).replaceAll('{j}', j);
    // The judge is named with the job the first time ("Mrs. Gray, the judge,"), by name after.
    let judgeNamed = false;
    const J = (): string => (judgeNamed ? judge.called : ((judgeNamed = true), `${judge.called}, the judge,`));
    const bareJ = (): string => (judgeNamed ? judge.called : ((judgeNamed = true), `${judge.called}, the judge`));

    s.add(intro(s, hero));
    s.add(s.one(
      () => `${s.pick(['One spring', 'One summer', 'One week'])}, there was going to be ${a(show.replace(/^the /, ''))}, and ${H} wanted to ${act.will}`,
      () => `${H} was going to ${act.will} at ${show}`,
    ));
    s.add(`${s.pick(['Every day', 'Each evening', 'For a whole week'])}, ${he(hero)} practiced ${act.practice}`);
    if (s.chance(0.5)) s.add(`${fam.called} ${s.pick(['found', 'got', 'bought'])} ${act.props} for ${H} to take on stage`);
    s.add(s.one(
      () => `On the day of the show, ${stage} was full of people`,
      () => `At last the big day came, and ${fam.called} sat in the front row`,
      () => `On the night of the show, the lights were bright and the seats were full`,
    ));
    s.add(`When it was almost ${H}'s turn, ${fill(s.pick(BUTTERFLIES))}`);
    if (s.chance(0.6)) s.say(hero, s.pick(['What if I get it wrong?', 'I can\'t do it. Everyone is looking!', 'What if they laugh at me?']), 'whispered');

    // Kindness: cheering each other on, or jeering.
    if (s.kind) {
      doOne(s,
        () => {
          s.add(`${Fr} squeezed ${H}'s hand`);
          s.say(friend, s.pick(['You can do it! I will clap the loudest', 'You are great at this. Just pretend it is the cat watching', 'I am a bit scared too. We can be scared together']));
        },
        () => {
          s.add(`${J()} knelt down and smiled at ${H}`);
          s.say(judge, s.pick(['Everyone feels scared sometimes. Just do your best', 'We are all your friends here']));
        },
        () => {
          s.add(`${H} clapped and cheered for ${Fr}, who ${s.pick(['sang a song about a frog', 'did a funny dance', 'played a tune on a whistle'])}`);
          s.say(friend, s.pick([`Thank you, ${hero.name}! Now it is your turn. Good luck!`, 'Your turn! I know you will be great!']));
        },
      );
    } else {
      doOne(s,
        () => {
          s.add(`${Fr} and some other children at the side of the stage pointed at ${H} and giggled`);
          s.say(friend, s.pick([`Ha! You will be terrible!`, `Look, ${hero.name} is shaking like a leaf!`]));
        },
        () => {
          s.add(`${H} laughed out loud at ${Fr}, who ${s.pick(['sang a song about a frog', 'did a funny dance', 'played a tune on a whistle'])}`);
          s.say(hero, s.pick(['That was so bad! Mine will be much better', 'Boo! Get off the stage!']));
        },
        () => {
          s.add(`${H} pushed in front of ${Fr} in the line and would not let ${Fr} go first`);
          s.say(friend, `Stop pushing! You are mean!`);
        },
      );
    }

    // Bravery: on stage, or hiding.
    if (s.brave) {
      s.add(s.one(
        () => `${H} took a big, deep breath and walked out into the bright lights`,
        () => `${H} was still scared, but ${he(hero)} stepped onto the stage anyway`,
        () => `${H} counted to three, lifted ${his(hero)} chin and walked to the middle of the stage`,
      ));
    } else {
      s.add(s.one(
        () => `But when ${his(hero)} name was called, ${H} ran and hid ${s.pick(HIDES)}`,
        () => `${H} shook ${his(hero)} head, turned around and ran to hide ${s.pick(HIDES)}`,
        () => `${H} froze, and then ${he(hero)} hid ${s.pick(HIDES)} and would not come out`,
      ));
      if (s.kind) s.add(`${Fr} came and sat beside ${H}, but ${H} was too scared to go back`);
      else s.add(`${Fr} found ${H} and laughed, "Scaredy cat! Scaredy cat!"`);
    }

    // The ending.
    if (s.brave) {
      if (s.happy) {
        s.add(`${H} ${fill(act.did, judgeNamed ? judge.called : 'the judge')}`);
        s.add(s.one(
          () => `Everyone clapped and cheered, and ${fam.called} clapped the loudest of all`,
          () => `${H} won a shiny gold ribbon from ${bareJ()}`,
          () => `The crowd stood up and cheered, "Hooray for ${hero.name}!"`,
        ));
        s.add(s.one(() => `${H} smiled from ear to ear, proud and happy`, () => gladEnd(s, hero)));
      } else {
        s.add(`${H} began, but halfway through, ${fill(act.flop)}`);
        s.add(s.one(
          () => `Some people giggled, and ${H}'s face went hot and red with shame`,
          () => `${H} did not win anything, and ${he(hero)} felt awful`,
          () => `${H} ran off the stage with tears in ${his(hero)} eyes`,
        ));
        s.add(s.one(() => `${H} went home sad and did not want to ${act.will} ever again`, () => sadEnd(s, hero)));
      }
    } else if (s.happy) {
      s.add(`That evening at home, ${H} ${fill(act.did, fam.name)}, just for ${fam.called}`);
      s.add(s.one(
        () => (s.kind ? `${fam.called} clapped and cheered and gave ${H} a big hug` : `${fam.called} clapped and cheered, "Hooray!"`),
        () => `${fam.called} laughed with joy and said, "You are a star!"`,
      ));
      s.add(s.one(() => `${H} felt warm and happy, and ${he(hero)} felt a little braver too`, () => gladEnd(s, hero)));
    } else {
      s.add(s.one(
        () => `The show went on without ${H}, and ${he(hero)} missed ${his(hero)} turn`,
        () => `The show ended, and ${H} never got to ${act.will}`,
      ));
      s.add(s.one(
        () => `All those days of practice were wasted, and ${H} felt awful`,
        () => `${H} walked home slowly, holding ${act.props} that nobody had seen`,
      ));
      s.add(s.one(() => `${H} felt sad and lonely, and ${he(hero)} cried all the way home`, () => sadEnd(s, hero)));
    }
  },
};
