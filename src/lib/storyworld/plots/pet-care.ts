// Taking care of a pet: a child gets a pet and promises to look after it: food, water, a clean
// home, play. The child is gentle, shares the pet and keeps the promise (kind), or is rough, teases
// and grabs (unkind); the pet thrives and cuddles up (happy), or falls ill or runs away (sad).
import { he, him, his } from '../cast';
import { a } from '../grammar';
import { speciesByName } from '../lexicon';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, sadEnd, subj } from './words-c';

interface Care {
  looks: string[];
  /** Its home, as "the cage", "the hutch", "the bed". */
  house: string;
  /** Daily jobs (after "<child> ..."), {p} the pet's name. */
  jobs: string[];
  toy: string;
  treat: string;
  /** How a rough child hurts or scares it (after "<someone> ..."). */
  rough: string[];
  /** Where it snuggles at the end. */
  snug: string;
}

const CARE: Record<string, Care> = {
  dog: { looks: ['soft brown fur and floppy ears', 'a waggy tail and a black nose', 'spots all over'], house: 'the dog bed', jobs: ['filled the water bowl', 'took {p} for a walk around the block', 'brushed {p}\'s fur until it shone', 'threw a ball for {p} in the yard'], toy: 'a squeaky ball', treat: 'a dog biscuit', rough: ['pulled {p}\'s tail', 'shouted at {p} to go away', 'pushed {p} off the sofa'], snug: 'on the rug by the fire' },
  puppy: { looks: ['big paws and soft ears', 'a tiny wet nose', 'fluffy white fur'], house: 'the puppy bed', jobs: ['filled the water bowl', 'took {p} for a short walk on a lead', 'cleaned up the puddles on the floor', 'taught {p} to sit'], toy: 'a rope toy', treat: 'a little puppy treat', rough: ['pulled {p}\'s ears', 'shouted at {p} for chewing a shoe', 'squeezed {p} too hard'], snug: 'in a basket by the bed' },
  cat: { looks: ['soft gray fur and long whiskers', 'green eyes and a striped tail', 'white paws like socks'], house: 'the cat basket', jobs: ['filled the water dish', 'brushed {p}\'s soft fur', 'played with {p} and a piece of string', 'cleaned the litter box'], toy: 'a piece of string', treat: 'a little fish treat', rough: ['pulled {p}\'s whiskers', 'chased {p} under the bed', 'picked {p} up by the tail'], snug: 'on the warm window seat' },
  kitten: { looks: ['tiny paws and a pink nose', 'fluffy orange fur', 'big blue eyes'], house: 'the kitten basket', jobs: ['poured a little dish of milk', 'brushed {p}\'s fluffy fur', 'rolled a ball of yarn for {p}', 'cleaned the litter box'], toy: 'a ball of yarn', treat: 'a tiny fish treat', rough: ['pulled {p}\'s tail', 'shook the basket to wake {p} up', 'chased {p} around the room'], snug: 'in a warm ball on the pillow' },
  rabbit: { looks: ['long ears and a fluffy white tail', 'soft brown fur and a twitchy nose'], house: 'the hutch', jobs: ['gave {p} fresh hay', 'cleaned the hutch', 'filled the water bottle', 'let {p} hop on the grass'], toy: 'a cardboard tunnel', treat: 'a crunchy carrot', rough: ['picked {p} up by the ears', 'banged on the hutch', 'chased {p} around the yard'], snug: 'in a pile of straw' },
  bird: { looks: ['bright yellow feathers', 'blue and green feathers', 'a tiny orange beak'], house: 'the cage', jobs: ['filled the seed dish', 'changed the water', 'cleaned the cage', 'covered the cage with a cloth at bedtime'], toy: 'a little bell', treat: 'a slice of apple', rough: ['shook the cage', 'poked a pencil at {p} through the bars', 'banged on the cage'], snug: 'on the little swing in the cage' },
  mouse: { looks: ['a pink nose and a long tail', 'soft white fur and tiny pink ears'], house: 'the cage', jobs: ['gave {p} fresh seeds', 'put clean paper in the cage', 'filled the water bottle', 'let {p} run in a little ball'], toy: 'a tiny wheel', treat: 'a crumb of cheese', rough: ['shook the cage', 'poked {p} with a stick', 'dropped {p} on the floor'], snug: 'in a nest of soft paper' },
  hamster: { looks: ['fat round cheeks', 'golden fur and tiny paws'], house: 'the cage', jobs: ['gave {p} fresh seeds', 'cleaned the cage', 'filled the water bottle', 'hid sunflower seeds for {p} to find'], toy: 'a running wheel', treat: 'a sunflower seed', rough: ['shook the cage', 'woke {p} up by poking', 'squeezed {p} too hard'], snug: 'in a nest of soft paper' },
  turtle: { looks: ['a hard green shell', 'a shell with yellow lines'], house: 'the tank', jobs: ['cleaned the tank', 'gave {p} fresh lettuce', 'put a warm lamp over the rock', 'changed the water'], toy: 'a little floating ball', treat: 'a juicy strawberry', rough: ['tapped hard on {p}\'s shell', 'turned {p} upside down', 'banged on the tank'], snug: 'on the warm rock under the lamp' },
};

export const petCare: Plot = {
  id: 'pet-care',
  title: 'Taking care of a pet',
  topics: Object.keys(CARE),
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const topic = s.traits.topic;
    const pet = s.animal(topic);
    const friend = s.child();
    const parent = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa'] as const));
    const vet = s.townGrownup('doctor');
    const sp = speciesByName(topic);
    const c = CARE[topic];
    const H = hero.called;
    const P = pet.called;
    const Fr = friend.called;
    const fill = (t: string): string => t.replaceAll('{p}', P);
    const petHe = subj(pet, hero);
    const [j1, j2, j3] = s.some(c.jobs, 3).map(fill);
    const theToy = c.toy.replace(/^an? /, 'the ');

    s.add(intro(s, hero));
    s.add(s.one(
      () => `For ${his(hero)} birthday, ${H} got ${a(topic)} named ${pet.name}`,
      () => `One day, ${parent.called} brought home ${a(topic)}, and ${H} named it ${pet.name}`,
      () => `${H} had wanted a pet for a long time, and at last ${he(hero)} got ${a(topic)} called ${pet.name}`,
    ));
    s.add(`${P} had ${s.pick(c.looks)}, and ${he(pet)} ${s.pick(['loved', 'liked'])} ${sp.food}`);
    s.say(parent, s.pick([`A pet is a big job. ${P} needs you every day`, `Will you take good care of ${P}?`, `Remember, ${P} cannot ask for food. You must remember for ${him(pet)}`]));
    s.say(hero, s.pick([`I will take care of ${P} every single day!`, `I promise!`, `I will be the best pet keeper ever!`]));
    s.add(s.one(
      () => `Every morning, ${H} ${j1}, and every evening ${he(hero)} ${j2}`,
      () => `${H} ${j1} and ${j2}`,
      () => `Every day, ${H} ${j1}`,
    ));

    // The middle: a visit, a busy day, or playtime, each kind or unkind.
    const middle = s.pick(['visit', 'busy', 'play'] as const);
    if (middle === 'visit') {
      s.add(`${s.pick(['One Saturday', 'One afternoon', 'One day'])}, ${H}'s friend ${friend.name} came to see ${P}`);
      if (s.kind) {
        s.add(s.one(
          () => `${H} showed ${Fr} how to hold ${P} gently, with two hands`,
          () => `${H} let ${Fr} give ${P} ${c.treat}`,
          () => `${H} shared ${c.toy} so ${Fr} could play with ${P} too`,
        ));
        s.say(friend, s.pick([`Thank you, ${hero.name}! ${P} is so soft`, `You take such good care of ${P}!`]));
      } else {
        doOne(s,
          () => s.add(`${Fr} ${fill(s.pick(c.rough))}, and ${H} just laughed at poor ${P}`),
          () => { s.say(hero, `Don't touch ${P}! ${P} is mine, not yours!`, 'shouted'); s.add(`${H} grabbed ${c.toy} and pushed ${Fr} away`); },
          () => s.add(`${H} showed off and ${fill(s.pick(c.rough))}`, `${Fr} said, "Stop it, that is mean!" but ${H} did not stop`),
        );
      }
    } else if (middle === 'busy') {
      s.add(`${s.pick(['One sunny day', 'One Saturday', 'One afternoon'])}, ${H} wanted to play at the park with ${Fr}`);
      if (s.kind) {
        s.add(`But first ${he(hero)} ${j3}, and ${he(hero)} gave ${P} ${c.treat}`);
        s.add(`${Fr} waited and helped, and then they went off to play together`);
      } else {
        s.say(hero, s.pick([`${P} can wait. I am busy!`, `I don't want to feed ${P} today!`]));
        s.add(`${H} ran off and left ${P} with an empty bowl`, `${Fr} asked, "What about ${P}?" but ${H} just shrugged`);
      }
    } else {
      s.add(`${s.pick(['One rainy afternoon', 'One evening', 'After supper'])}, ${H} played with ${P} and ${c.toy}`);
      if (s.kind) {
        s.add(s.one(
          () => `${H} spoke softly and gave ${P} ${c.treat} for being good`,
          () => `${H} was very gentle, and ${P} ${sp.sound} happily`,
        ));
        s.add(`When ${H}'s little cousin ${friend.name} came in, ${H} shared ${theToy} with ${him(friend)}`);
      } else {
        s.add(`${H} got bored, ${fill(s.pick(c.rough))} and laughed at ${P}`);
        s.add(`When ${H}'s little cousin ${friend.name} asked to play, ${H} said, "No! Go away!"`);
      }
    }

    // The ending: a healthy, happy pet, or a sick or lost one.
    if (s.happy) {
      s.add(s.one(
        () => `That night, ${P} curled up ${c.snug} and ${sp.sound} softly`,
        () => `${P} grew big and healthy, and every day ${petHe} ${sp.moves} to meet ${H}`,
        () => (topic === 'turtle' ? `${P} crawled onto ${H}'s hand and looked up at ${him(hero)}` : `Every day after school, ${P} ${sp.sound} with joy when ${H} came in`),
      ));
      s.add(s.one(
        () => `${H} smiled, because ${P} was the best pet in the world`,
        () => `${H} loved ${P}, and ${P} was happy and safe`,
        () => gladEnd(s, hero),
      ));
    } else {
      const sick = (): void => s.add(`The next day, ${P} was sick and would not eat`, `${P} had to go and stay with ${vet.called}, the vet, for a long time`);
      const gone = (): void => s.add(`The next day, the door of ${c.house} was open, and ${P} was gone`, `${H} looked everywhere, but ${P} did not come back`);
      const scared = (): void => s.add(`After that, ${P} hid ${s.pick(['under the bed', 'behind the sofa', `at the back of ${c.house}`])} whenever ${H} came near`, `${parent.called} said that ${P} was scared and unhappy`);
      if (s.kind) doOne(s, sick, gone);
      else doOne(s, sick, gone, scared);
      s.add(s.one(
        () => `${H} sat next to ${c.house}, all empty and quiet, and cried, because ${he(hero)} missed ${P} terribly`,
        () => sadEnd(s, hero),
        () => `${H} missed ${P} so much that ${he(hero)} cried, and ${his(hero)} heart felt heavy and sad`,
      ));
    }
  },
};
