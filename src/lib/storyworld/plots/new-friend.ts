// A new friend: a child meets a new animal in the neighborhood, or is the new kid on the street and
// meets a neighbor. Kindness shows in how they greet each other; the ending in whether a friend is
// made (or the day still ends well) or lost.
import { he, him, himself, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { dayTime, intro, joy, pr, say, sorrow, TOY_PLAY } from './words-a';

interface NewAnimal {
  /** Where it came to live, after "came to live". */
  home: string;
  /** What it was doing when the child first saw it (after the name). */
  seen: (x: Character) => string;
  /** A treat, with its article. */
  treat: string;
  /** A gentle touch, after the child's name. */
  pet: (x: Character) => string;
  /** Where it runs to hide. */
  hide: (x: Character) => string;
}

const ANIMALS: Record<string, NewAnimal> = {
  puppy: { home: 'next door with the new neighbors', seen: (x) => `poking ${his(x)} nose under the fence`, treat: 'a crunchy dog biscuit', pet: (x) => `scratched ${him(x)} behind ${his(x)} floppy ears`, hide: () => 'under the porch' },
  kitten: { home: 'in the house across the street', seen: (x) => `sitting on the garden wall in the sun`, treat: 'a little dish of milk', pet: (x) => `stroked ${his(x)} soft, warm fur`, hide: () => 'up on the high wall' },
  rabbit: { home: 'under the old shed at the end of the garden', seen: (x) => `peeking out of the tall grass`, treat: 'a fresh green lettuce leaf', pet: (x) => `stroked ${his(x)} long, soft ears`, hide: (x) => `deep in ${his(x)} hole` },
  duck: { home: 'on the pond in the park', seen: (x) => `paddling near the edge of the pond`, treat: 'a handful of duck seed', pet: (x) => `watched ${him(x)} dive and splash`, hide: () => 'in the reeds' },
  turtle: { home: 'in the pond behind the school', seen: (x) => `sitting on a log in the sun`, treat: 'a juicy leaf of lettuce', pet: (x) => `gently touched ${his(x)} smooth shell`, hide: (x) => `inside ${his(x)} shell` },
  goat: { home: 'on the little farm down the road', seen: (x) => `chewing on the fence`, treat: 'a handful of fresh grass', pet: (x) => `patted ${his(x)} bumpy head`, hide: () => 'behind the barn' },
  horse: { home: 'in the big field at the end of the road', seen: (x) => `looking over the gate`, treat: 'a crunchy apple', pet: (x) => `patted ${his(x)} long, soft nose`, hide: () => 'at the far end of the field' },
};

const STREETS = ['Maple Street', 'Oak Lane', 'Cherry Road', 'Hill Street', 'Pine Road', 'Willow Lane', 'Elm Street'];
const looks = (s: Story, x: Character): string =>
  x.sex === 'f'
    ? `${x.name}, a girl ${s.pick(['with two long braids', 'with curly red hair', 'in a yellow raincoat', 'with a big pink bow', 'with freckles on her nose'])},`
    : `${x.name}, a boy ${s.pick(['with a big green cap', 'with curly black hair', 'in a striped shirt', 'with freckles on his nose', 'in muddy boots'])},`;

function animalStory(s: Story): void {
  const hero = s.child();
  const topic = s.traits.topic;
  const info = ANIMALS[topic];
  const pet = s.animal(topic);
  const sp = s.species(pet);
  const P = () => pr(pet, hero);

  s.add(intro(s, hero, s.pick(['', ' who loved animals', ' who lived in a little house with a red door'])));
  s.add(s.one(
    () => `${dayTime(s)}, ${a(`${s.pick(['little', 'young', 'tiny', 'fluffy'])} ${topic}`)} came to live ${info.home}`,
    () => `${dayTime(s)}, ${hero.called} found out that ${a(`new ${topic}`)} had come to live ${info.home}`,
  ));
  s.add(s.one(
    () => `${his(pet) === 'her' ? 'Her' : 'His'} name was ${pet.name}`,
    () => `The ${topic} was called ${pet.name}`,
  ));
  s.add(s.one(
    () => `${hero.called} saw ${pet.called} ${info.seen(pet)}`,
    () => `The next day, ${hero.called} saw ${pet.called} ${info.seen(pet)}`,
  ));

  if (s.kind) {
    s.add(s.one(
      () => `${hero.called} sat down very quietly and held out ${info.treat}`,
      () => `${hero.called} walked over slowly, so ${he(hero)} would not scare ${him(pet)}, and held out ${info.treat}`,
    ));
    say(s, hero, s.pick([`Hello, ${pet.name}. Don't be afraid`, `Hi there! I want to be your friend`, `Welcome, little ${topic}`]), s.pick(['whispered', 'said']));
    s.add(s.one(
      () => `${pet.called} ${sp.moves} closer and sniffed the treat`,
      () => `${pet.called} ${sp.sound} softly and took the treat`,
    ));
    s.add(s.one(() => `Then ${hero.called} ${info.pet(pet)}`, () => `${hero.called} smiled and ${info.pet(pet)}`));
  } else {
    s.add(s.one(
      () => `${hero.called} ran at ${pet.called}, stomping ${his(hero)} feet`,
      () => `${hero.called} picked up a stick and poked at ${pet.called}`,
      () => `${hero.called} chased ${pet.called} round and round and laughed`,
    ));
    say(s, hero, s.pick([`Go away, you silly ${topic}!`, `Boo! Ha, you are scared!`, `Nobody wants you here!`]), s.pick(['shouted', 'yelled']));
    s.add(s.one(
      () => `${pet.called} ${sp.sound} in fright and hid ${info.hide(pet)}`,
      () => `Poor ${pet.called} shook with fear and ran to hide ${info.hide(pet)}`,
    ));
  }

  if (s.kind && s.happy) {
    s.add(s.one(
      () => `After that, ${hero.called} visited ${pet.called} every day`,
      () => `From then on, ${hero.called} and ${pet.called} played together every afternoon`,
    ));
    s.add(s.one(() => joy(s, [hero]), () => `${hero.called} had a new best friend, and ${he(hero)} was so happy`));
  } else if (s.kind) {
    s.add(s.one(
      () => `But the next week, ${pet.called} had to move far away to a new home`,
      () => `But one morning, ${pet.called} was gone, and nobody knew where ${he(pet)} went`,
      () => `But then ${hero.called}'s family had to move to a new town, far away from ${pet.called}`,
    ));
    s.add(s.one(() => `${hero.called} missed ${pet.called} very much and cried`, () => sorrow(s, [hero])));
  } else if (s.happy) {
    s.add(s.one(
      () => `Later, when ${hero.called} was gone, ${pet.called} came out and found a sunny spot to rest`,
      () => `Soon ${pet.called} curled up in a cozy spot and forgot all about ${hero.called}`,
    ));
    s.add(s.one(
      () => `${pet.called} was safe and warm, and ${P()} felt happy again`,
      () => `${pet.called} ${sp.sound} happily, safe and sound at last`,
    ));
  } else {
    s.add(s.one(
      () => `After that, ${pet.called} hid every time ${hero.called} came near`,
      () => `${pet.called} never came out to play with ${hero.called} again`,
    ));
    s.add(s.one(
      () => `${hero.called} was all alone again, and ${he(hero)} felt sad and lonely`,
      () => sorrow(s, [hero]),
    ));
  }
}

function kidStory(s: Story): void {
  const hero = s.child();
  const other = s.child();
  const topic = s.traits.topic;
  const [play, played] = TOY_PLAY[topic] ?? ['play with', 'played with'];
  const street = s.pick(STREETS);

  s.add(intro(s, hero));
  s.add(s.one(
    () => `${hero.called}'s family had just moved to a new house on ${street}`,
    () => `Last week, ${hero.called} moved into a little ${s.pick(['yellow', 'blue', 'white', 'green'])} house on ${street}`,
    () => `${hero.called} had just moved to a new town with ${his(hero)} mom and dad`,
  ));
  s.add(s.one(
    () => `Everything was new, and ${he(hero)} did not know anyone`,
    () => `${hero.called} missed ${his(hero)} old friends and felt a little shy`,
    () => `Big boxes were piled up everywhere, and ${hero.called} had no one to play with`,
  ));
  s.add(s.one(
    () => `The first thing ${he(hero)} unpacked was ${his(hero)} ${topic}`,
    () => `So ${hero.called} took ${his(hero)} ${topic} out to the front yard`,
  ));
  s.add(s.one(
    () => `${dayTime(s)}, ${hero.called} saw ${looks(s, other)} ${s.pick(['drawing with chalk on the sidewalk', 'sitting on the steps next door', 'watering the flowers next door', 'bouncing a ball across the street'])}`,
    () => `Just then, ${looks(s, other)} came out of the house next door`,
  ));
  const O = other.sex === hero.sex ? other.called : he(other);

  if (s.kind) {
    const [hi, answer] = s.pick([
      [`Hi! My name is ${other.name}. Are you new here?`, `Yes. Hello, I'm ${hero.name}`],
      [`Hello! I'm ${other.name}. Do you want to play?`, `Yes, please! I'm ${hero.name}`],
      [`Hi! I like your ${topic}!`, `Thank you! You can play with it too, if you like`],
      [`Welcome to ${street}! I live right next door`, `Hi! Do you want to play with my ${topic}?`],
    ]);
    say(s, other, hi, s.pick(['called', 'said']));
    say(s, hero, answer, s.pick(['whispered', 'answered', 'said']));
    s.add(s.one(
      () => `${hero.called} showed ${other.called} how to ${play} the ${topic}, and they took turns`,
      () => `They ${played} the ${topic} together and giggled a lot`,
    ));
    s.add(s.one(
      () => `Then ${other.called} showed ${hero.called} the best climbing tree on the street`,
      () => `Then ${other.called} shared ${his(other)} juice box and told ${hero.called} all about the new school`,
      () => `Then ${other.called} took ${hero.called} to see the ducks at the pond down the road`,
    ));
  } else {
    say(s, hero, s.pick([`Hi! Do you want to play with my ${topic}?`, `Hello! I'm new. Can we be friends?`, `Hi! I'm ${hero.name}. Do you want to play?`]), s.pick(['said', 'called']));
    s.add(s.one(
      () => `${other.called} laughed at ${hero.called}'s ${topic}`,
      () => `${other.called} crossed ${his(other)} arms and frowned`,
      () => `${other.called} grabbed the ${topic} and tossed it into a bush`,
    ));
    say(s, other, s.pick([`That is a baby toy!`, `No. I don't play with new kids!`, `Go away! This is my street!`]), s.pick(['said', 'shouted', 'snapped']));
    s.add(s.one(
      () => `Then ${O} ran inside and slammed the door`,
      () => `Then ${O} turned around and walked away without a word`,
    ));
  }

  if (s.kind && s.happy) {
    s.add(s.one(
      () => `They played until the street lights came on`,
      () => `When it was time for dinner, they promised to play again the next day`,
    ));
    s.add(s.one(
      () => `Now ${hero.called} had a new friend, and the new house felt like home`,
      () => joy(s, [hero, other]),
    ));
  } else if (s.kind) {
    s.add(s.one(
      () => `But the next morning, ${other.called} went away to ${his(other)} grandma's house for the whole summer`,
      () => `But that night, a big storm came, and the ${topic} was left out in the rain and got ruined`,
    ));
    s.add(s.one(
      () => `${hero.called} sat alone on the front steps and cried`,
      () => sorrow(s, [hero]),
    ));
  } else if (s.happy) {
    s.add(s.one(
      () => `Just then, a friendly little dog from down the street ran up, wagging its tail`,
      () => `Then ${hero.called} found an old rope swing hanging from the big tree in the new yard`,
      () => `Then a bright rainbow came out over the rooftops, and ${hero.called} danced on the grass`,
    ));
    s.add(s.one(
      () => `${hero.called} laughed and played in the sun all afternoon, happy as can be`,
      () => joy(s, [hero]),
    ));
  } else {
    s.add(s.one(
      () => `${hero.called} walked back to ${his(hero)} new house all by ${himself(hero)}`,
      () => `${hero.called} sat on a big box in ${his(hero)} empty room`,
    ));
    s.add(s.one(
      () => `${hero.called} missed ${his(hero)} old friends, and ${he(hero)} felt sad and lonely`,
      () => sorrow(s, [hero]),
    ));
  }
}

export const newFriend: Plot = {
  id: 'new-friend',
  title: 'A new friend',
  topics: [...Object.keys(ANIMALS), 'ball', 'kite', 'doll', 'teddy bear', 'toy car', 'jump rope', 'yo-yo', 'puppet', 'toy robot', 'spinning top', 'bike', 'scooter', 'toy plane'],
  hasFear: false,
  hasLie: false,
  write(s) {
    if (ANIMALS[s.traits.topic]) animalStory(s);
    else kidStory(s);
  },
};
