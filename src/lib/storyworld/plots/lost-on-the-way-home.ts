// Lost on the way home: a child follows something pretty off the road home and is lost. Bravery is
// whether the child stops, thinks and asks (or finds a landmark) or runs and hides; kindness is how
// the people met on the way act (and how the child treats them); the ending is getting home safe
// and happy, or late, cold and sad.
import { he, him, his, himself } from '../cast';
import { a, plural } from '../grammar';
import type { Plot } from '../plot';
import { doOne, gladEnd, grownupIntro, HOUSES, intro, LANDMARKS, sadEnd, STREETS } from './words-c';

/** What the child follows: how it looks, how it leads them on, how it disappears. */
const LURES: Record<string, { looks: string[]; how: string[]; off: string[] }> = {
  butterfly: { looks: ['yellow', 'blue', 'orange', 'tiny white'], how: ['flew from flower to flower', 'danced over the grass'], off: ['flew up over a tall wall', 'flew high into the trees'] },
  puppy: { looks: ['brown', 'spotted', 'fluffy', 'little black'], how: ['wagged its tail and trotted ahead', 'sniffed along the fence'], off: ['ran into a yard and was gone', 'squeezed under a gate and was gone'] },
  kitten: { looks: ['gray', 'striped', 'fluffy', 'tiny orange'], how: ['ran along the top of a fence', 'padded down the sidewalk'], off: ['jumped over a gate and was gone', 'slipped into a garden and was gone'] },
  duck: { looks: ['brown', 'white', 'green and brown', 'little'], how: ['waddled down a path by the water', 'quacked and waddled ahead'], off: ['swam away across a pond', 'flapped its wings and flew away'] },
  rabbit: { looks: ['brown', 'white', 'gray', 'fluffy'], how: ['hopped from bush to bush', 'hopped along a grassy path'], off: ['popped down a hole and was gone', 'hopped into a hedge and was gone'] },
  squirrel: { looks: ['gray', 'red', 'busy', 'little'], how: ['ran from tree to tree', 'ran along a wall with a nut'], off: ['ran up a tall tree and was gone', 'jumped onto a roof and was gone'] },
  balloon: { looks: ['red', 'blue', 'shiny silver', 'big yellow'], how: ['floated along in the wind', 'bobbed down the street'], off: ['floated up into the sky', 'flew up over the rooftops'] },
  ball: { looks: ['red', 'bouncy', 'striped', 'big blue'], how: ['bounced down the hill', 'rolled down a long street'], off: ['rolled under a thick hedge', 'bounced over a wall and was gone'] },
  bird: { looks: ['blue', 'red', 'little brown', 'bright yellow'], how: ['hopped and flew from branch to branch', 'sang from one roof to the next'], off: ['flew up into the clouds', 'flew far over the trees'] },
  frog: { looks: ['green', 'spotted', 'tiny', 'fat green'], how: ['jumped from stone to stone', 'hopped along a muddy ditch'], off: ['jumped into a pond with a splash', 'hid in the tall reeds'] },
  ladybug: { looks: ['red', 'spotted', 'tiny', 'shiny red'], how: ['landed on one leaf and then on another', 'crawled along a fence'], off: ['flew away on the wind', 'flew into a garden and was gone'] },
  kite: { looks: ['red', 'diamond', 'rainbow', 'long-tailed'], how: ['danced in the wind with no one holding it', 'drifted over the roofs'], off: ['got stuck far up in a tree', 'blew away over the hill'] },
};

const TIMES = ['One afternoon', 'One windy afternoon', 'One autumn day', 'On Friday', 'One spring day', 'One bright afternoon', 'One cool evening'];
const FROM = ['school', 'the park', 'the market', 'the library', 'the playground', 'a friend\'s house', 'the swimming pool', 'the corner shop'];
const PATHS = ['down a little path', 'around a corner', 'past a row of shops', 'across a big field', 'over a little bridge', 'through a gap in a hedge', 'up a long hill', 'along a quiet lane'];
const STRANGE = [
  'on a long street where all the houses looked the same', 'on a quiet road with no people on it', 'on a busy street full of cars and buses',
  'in a narrow lane between tall gray walls', 'on a path at the edge of the dark woods', 'in a big empty parking lot', 'in a strange little square with a fountain',
];
const DARKENING = ['sky was getting dark', 'wind began to blow', 'street lamps came on one by one', 'shadows grew long', 'clouds turned gray', 'air grew cold'];
const HIDES = ['big bench', 'parked van', 'prickly bush', 'mailbox', 'stone wall', 'lamp post', 'row of trash cans'];
const LOST_THINGS = ['hat', 'scarf', 'school bag', 'red mitten', 'lunch box', 'left shoe'];

export const lostOnTheWayHome: Plot = {
  id: 'lost-on-the-way-home',
  title: 'Lost on the way home',
  topics: Object.keys(LURES),
  hasFear: true,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const parent = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa'] as const));
    const grown = s.chance(0.6);
    const helper = grown ? s.townGrownup() : s.child();
    const helperIntro = grown ? grownupIntro(helper) : `a big ${helper.sex === 'f' ? 'girl' : 'boy'} named ${helper.name}`;
    const H = hero.called;
    const P = parent.called;
    const topic = s.traits.topic;
    const lure = LURES[topic];
    const [how1, how2] = s.some(lure.how, 2);
    const thing = `${s.pick(lure.looks)} ${topic}`;
    const street = s.pick(STREETS);
    const house = s.pick(HOUSES);
    const mark = s.pick(LANDMARKS);

    // At most 8 lines before the fear is faced, 2 for it, 2 for the people met, 3 for the ending.
    s.add(intro(s, hero, s.pick([` who lived on ${street}`, ` who lived in ${a(house)}`, ` who lived near ${mark}`])));
    s.add(s.one(
      () => `${s.pick(TIMES)}, ${H} walked home from ${s.pick(FROM)} all by ${himself(hero)}`,
      () => `${s.pick(TIMES)}, ${H} was on ${his(hero)} way home from ${s.pick(FROM)}`,
      () => `${s.pick(TIMES)}, ${P} let ${H} walk home from ${s.pick(FROM)} alone for the very first time`,
    ));
    s.add(s.one(
      () => `On the way, ${he(hero)} saw ${a(thing)}`,
      () => `Near the corner, ${H} spotted ${a(thing)}`,
      () => `Halfway home, ${H} saw ${a(thing)} that ${how2}`,
    ));
    if (s.chance(0.4)) s.say(hero, s.pick([`I want to see where the ${topic} goes`, `Wait for me, little ${topic}!`, `What a pretty ${topic}!`]));
    s.add(s.one(
      () => `The ${topic} ${how1}, and ${H} followed it ${s.pick(PATHS)}`,
      () => `${H} followed the ${topic} ${s.some(PATHS, 2).join(' and then ')}`,
      () => `${H} forgot all about home and ran after the ${topic} ${s.pick(PATHS)}`,
    ));
    s.add(`Then the ${topic} ${s.pick(lure.off)}`);
    s.add(s.one(
      () => `${he(hero)} looked around, but nothing looked like home`,
      () => `When ${he(hero)} looked up, ${he(hero)} did not know where ${he(hero)} was`,
      () => `Now ${he(hero)} was ${s.pick(STRANGE)}, and ${he(hero)} did not know the way home`,
    ));
    if (s.chance(0.5)) s.add(`The ${s.pick(DARKENING)}, and ${he(hero)} felt ${s.pick(['scared', 'afraid', 'frightened', 'very small'])}`);
    else s.say(hero, s.pick(['Where am I?', 'Which way is home?', `Oh no, I am lost!`]), s.pick(['whispered', 'said']));

    // Bravery: stop, think and act, or run and hide.
    if (s.brave) {
      s.add(s.one(
        () => `${H} wanted to cry, but ${he(hero)} took a big, deep breath instead`,
        () => `${he(hero)} was scared, but ${he(hero)} stood still and tried to think`,
        () => `But ${he(hero)} did not run, and ${he(hero)} did not hide`,
      ));
      s.say(hero, s.pick([`I know my street. It is ${street}`, `My house is near ${mark}. I just have to find it`, `I can do this. I will ask someone the way`]));
    } else {
      s.add(s.one(
        () => `${he(hero)} ran and ran, down one street and up another, until ${he(hero)} was even more lost`,
        () => `${H} hid behind ${a(s.pick(HIDES))} and cried`,
        () => `${he(hero)} sat down on the curb, covered ${his(hero)} eyes and cried`,
      ));
      if (s.chance(0.5)) s.say(hero, `I want my ${parent.role}!`, s.pick(['sobbed', 'cried']));
    }

    // Kindness: the people met on the way, and how the child treats them (two lines at most).
    if (s.kind) {
      if (s.brave) {
        s.add(`${H} saw ${helperIntro} and asked, "${s.pick([`Excuse me, I am lost. Can you help me find ${street}, please?`, `Hello, can you please help me? I can't find my way home.`])}"`);
        s.say(helper, s.pick([`Of course I can help. Come with me`, `Don't worry, I know the way. Let's go together`, `Good job for asking. I will walk with you`]));
      } else {
        s.add(`Just then, ${helperIntro} saw ${H} and came over to help`);
        doOne(s,
          () => s.say(helper, s.pick([`Don't cry, little one. I will help you find your way home`, `Are you lost? It's all right, you are not alone now`, `Here, wipe your eyes. We will find your house together`])),
          () => s.add(s.one(() => `${helper.called} held ${H}'s hand and stayed with ${him(hero)}`, () => `${helper.called} gave ${H} a hug and a tissue`, () => `${helper.called} shared a cookie with ${H} and sat beside ${him(hero)}`)),
        );
      }
    } else if (s.brave) {
      doOne(s,
        () => s.add(`${H} saw ${helperIntro} and shouted, "Hey, you! Show me the way to ${street}!"`, `${helper.called} frowned at such rude words and walked away`),
        () => { s.add(`${H} asked ${helperIntro} for help`); s.say(helper, grown ? 'Find it yourself! I am busy' : s.pick(['Ha! You are lost! How silly!', 'Find it yourself, baby!'])); },
        () => s.add(`Just then, ${helperIntro} came along`, `${H} waved, but ${helper.called} just ${grown ? 'shrugged' : 'laughed'} and walked right past ${him(hero)}`),
      );
    } else {
      s.add(`Just then, ${helperIntro} came by`);
      doOne(s,
        () => (grown ? s.add(`${helper.called} was in a hurry and did not even look at ${H}`) : s.say(helper, s.pick(['Ha! Look at the crybaby!', 'Stop crying, you silly baby!']))),
        () => s.add(`${helper.called} tried to help, but ${H} shouted, "Go away!" and stuck out ${his(hero)} tongue`),
        () => s.add(`${helper.called} saw ${H} crying, but just shrugged and walked away`),
      );
    }

    // The ending: home safe and glad, or home late, cold and sad (three lines).
    if (s.happy) {
      if (s.brave) {
        s.add(s.kind
          ? s.one(() => `Soon they turned a corner, and there was ${mark}, with ${H}'s house right beside it!`, () => `They walked to ${street}, and there was ${H}'s ${house.split(' with ')[0]}!`)
          : s.one(() => `${H} walked on alone until ${he(hero)} saw ${mark}, and there was ${his(hero)} house!`, () => `${H} found ${street} all by ${himself(hero)}, and there was ${his(hero)} house!`));
      } else {
        s.add(s.kind
          ? s.one(() => `Soon ${P} came running down the street`, () => `${helper.called} called ${H}'s home, and soon ${P} came running`)
          : s.one(() => `Then ${H} heard a voice calling ${his(hero)} name, and it was ${P}!`, () => `Then ${P} came around the corner, calling ${H}'s name`));
      }
      if (s.kind && s.chance(0.5)) s.say(hero, s.pick([`Thank you, ${helper.name}!`, 'Thank you for helping me!']));
      else s.add(s.kind ? s.one(() => `${P} gave ${H} the biggest hug`, () => `${P} hugged ${H} tight and laughed with joy`) : s.one(() => `${P} was so glad to see ${H} safe`, () => `${H} ran inside and shut the door, glad to be home`));
      s.add(s.one(
        () => `That night, ${H} had ${s.pick(['warm soup', 'hot cocoa', 'cookies and milk'])} and felt safe and happy at home`,
        // "balls" is on the corpus's word filter: a ball is watched in the singular.
        () => `${H} still loved to watch ${topic === 'ball' ? 'a bouncing ball' : plural(topic)}, but now ${he(hero)} always went straight home, happy and safe`,
        () => gladEnd(s, hero),
      ));
    } else {
      if (s.brave) {
        s.add(s.one(
          () => `${s.kind ? 'They' : H} walked and walked, and it was dark when ${s.kind ? 'they' : he(hero)} found ${street} at last`,
          () => `${s.kind ? 'They' : H} took the wrong turn twice, and it was dark when ${s.kind ? H : he(hero)} got home`,
        ));
      } else {
        s.add(s.kind ? `${helper.called} stayed with ${H}, but it was dark when ${P} came at last` : s.one(() => `It was dark when ${P} found ${H} at last`, () => `${H} waited and waited, and it was dark when ${P} found ${him(hero)}`));
      }
      s.add(s.one(
        () => `${his(hero)} shoes were muddy, ${his(hero)} knees were scraped, and ${he(hero)} had missed supper`,
        () => `${H} had lost ${his(hero)} ${s.pick(LOST_THINGS)} on the way, and ${P} had been worried sick`,
        () => (s.kind ? `${P} hugged ${H} tight, but ${H} was cold and shaking and could not stop crying` : `${P} had been crying with worry, and now ${H} cried too`),
      ));
      s.add(s.one(
        () => `${H} never saw the ${topic} again, and ${he(hero)} went to bed sad and tired`,
        () => sadEnd(s, hero),
        () => `${H} felt cold, tired and sad, and ${he(hero)} cried ${himself(hero)} to sleep`,
      ));
    }
  },
};
