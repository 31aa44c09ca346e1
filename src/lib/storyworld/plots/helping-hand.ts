// Helping someone in trouble: a bird with a hurt wing, a kitten stuck in a tree, a lost duckling or
// puppy, or a child who fell off a bike. The hero helps (kind) or laughs and walks away (unkind);
// the one in trouble ends safe and well (happy) or does not (sad).
import { he, him, his, type Character } from '../cast';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { both, dayTime, intro, joy, pr, say, sorrow } from './words-a';

type Line = (s: Story, h: Character, g: Character) => void;

interface Trouble {
  find: Line;
  kind: Line;
  unkind: Line;
  happy: Line;
  sad: Line;
  /** Unkind but happy: nobody helps, yet it finds its way on its own. */
  aloneHappy: Line;
  aloneSad: Line;
}

const ANIMALS: Record<string, Trouble> = {
  bird: {
    find(s, h) {
      if (s.chance(0.5)) {
        s.add(`Under a tall tree, ${h.called} found a little bird on the ground`);
        s.add(s.one(() => `The bird had a hurt wing and could not fly`, () => `One of its wings hung down, and it could not fly`));
      } else {
        s.add(`Something was fluttering in the grass by the path, and ${h.called} went to look`);
        s.add(s.one(() => `It was a little brown bird with a hurt wing`, () => `It was a baby bird, and one of its wings hung down`));
      }
      s.add(`"Cheep, cheep," cried the bird in a tiny voice`);
    },
    kind(s, h, g) {
      say(s, h, s.pick([`Poor little bird. I will help you`, `Don't be scared, little bird`, `Oh no! You are hurt`]), s.pick(['said', 'whispered']));
      s.add(s.one(
        () => `${h.called} gently picked it up and put it in a shoe box with a soft cloth`,
        () => `${h.called} made a soft nest of leaves in ${his(h)} hat and set the bird inside`,
      ));
      s.add(s.one(
        () => `Then ${h.called} ran home, and ${g.called} took them to the animal doctor`,
        () => `At home, ${g.called} helped ${him(h)} give the bird water from a bottle cap and a few seeds`,
      ));
    },
    unkind(s, h) {
      s.add(s.one(() => `${h.called} pointed at the bird and laughed`, () => `${h.called} nudged the bird with ${his(h)} shoe`));
      say(s, h, s.pick([`Ha! Silly bird, you can't even fly!`, `That's not my problem`, `Ugh, a dirty old bird`]), s.pick(['said', 'laughed']));
      s.add(`Then ${he(h)} ran off to play and left the bird all alone`);
    },
    happy(s, h) {
      s.add(s.one(() => `A week later, the bird's wing was strong again`, () => `Day by day, the little bird got better`));
      s.add(s.one(
        () => `It flew up into the blue sky, singing a happy song, and ${h.called} waved goodbye with a big smile`,
        () => `When it flew away at last, ${h.called} jumped for joy`,
      ));
    },
    sad(s, h) {
      s.add(`But the wing was badly hurt, and the bird could not fly for a long, long time`);
      s.add(s.one(() => `It had to go and stay with the animal doctor, and ${h.called} missed it and felt sad`, () => sorrow(s, [h])));
    },
    aloneHappy(s) {
      s.add(`After a while, the bird flapped and flapped, and at last it flew up to its nest`);
      s.add(`Its mother was waiting there, and the little bird sang a happy song in the warm sun`);
    },
    aloneSad(s, h) {
      s.add(`The little bird sat alone in the grass, cold and hungry, as the sky grew dark`);
      s.add(s.one(() => `That night, ${h.called} thought about the poor bird and felt sad`, () => `Nobody came to help it, and it was a sad, lonely night`));
    },
  },
  kitten: {
    find(s, h) {
      s.add(`${h.called} heard a tiny mew high up in a tree`);
      s.add(s.one(
        () => `A little gray kitten was stuck on a branch and could not get down`,
        () => `A fluffy white kitten was holding on to a thin branch, shaking with fear`,
      ));
    },
    kind(s, h, g) {
      say(s, h, s.pick([`Don't worry, little kitten! I'll get help`, `Hold on, kitty! Help is coming`]), 'called');
      s.add(`${h.called} ran to get ${g.called}, who came with a tall ladder`);
      s.add(`${g.called} climbed up slowly, and ${h.called} held the ladder steady`);
    },
    unkind(s, h) {
      s.add(s.one(() => `${h.called} looked up and laughed`, () => `${h.called} shook the tree and giggled`));
      say(s, h, s.pick([`Stay up there, silly cat!`, `Ha! You got yourself stuck!`, `I'm not helping you`]), s.pick(['said', 'laughed']));
      s.add(`Then ${he(h)} walked away and did not look back`);
    },
    happy(s, h) {
      s.add(`Soon the kitten was safe in ${h.called}'s arms, purring softly`);
      s.add(s.one(() => `The kitten licked ${his(h)} cheek, and ${h.called} laughed with joy`, () => joy(s, [h])));
    },
    sad(s, h) {
      s.add(`But the scared kitten jumped onto the roof and ran away`);
      s.add(s.one(() => `They looked for it all evening, but it was gone, and ${h.called} felt so sad`, () => sorrow(s, [h])));
    },
    aloneHappy(s) {
      s.add(`At last, the kitten was brave and climbed down, one paw at a time`);
      s.add(`It ran home to a warm bowl of milk and purred happily by the fire`);
    },
    aloneSad(s, h) {
      s.add(`The kitten stayed up in the tree all night, cold and scared`);
      s.add(s.one(() => `In the morning, ${h.called} heard it crying, and ${he(h)} felt bad and sad`, () => `It was a long, sad, lonely night for the poor kitten`));
    },
  },
  duck: {
    find(s, h) {
      s.add(`By the pond, ${h.called} found a tiny yellow duckling all alone`);
      s.add(s.one(() => `It was peeping and peeping for its mother`, () => `The duckling was lost, and it peeped in a tiny, sad voice`));
    },
    kind(s, h, g) {
      say(s, h, s.pick([`Don't cry, little duck. Let's find your mom`, `Poor thing! We will help you`]), s.pick(['said', 'whispered']));
      s.add(`${h.called} carefully scooped up the duckling in ${his(h)} hands`);
      s.add(`${g.called} walked along the water with ${him(h)}, looking in the tall reeds`);
    },
    unkind(s, h) {
      s.add(s.one(() => `${h.called} chased the duckling and laughed`, () => `${h.called} splashed water at the duckling`));
      say(s, h, s.pick([`Go away, you noisy thing!`, `Ha! Look at the silly lost duck!`]), 'shouted');
      s.add(`Then ${he(h)} ran off and left the duckling all alone`);
    },
    happy(s, h) {
      s.add(`At last they saw a mother duck with five little ducklings`);
      s.add(s.one(() => `The duckling ran to its mother, and ${h.called} clapped and cheered with joy`, () => joy(s, [h])));
    },
    sad(s, h) {
      s.add(`They looked until it was dark, but they could not find the mother duck`);
      s.add(s.one(() => `The little duckling peeped and peeped, and ${h.called} began to cry`, () => sorrow(s, [h])));
    },
    aloneHappy(s) {
      s.add(`The duckling waddled down to the water all by itself`);
      s.add(`There it found its mother, and they swam away happily together in the sunshine`);
    },
    aloneSad(s) {
      s.add(`The little duckling sat alone and peeped until the sun went down`);
      s.add(`Its mother did not come, and the poor duckling was cold, scared and sad`);
    },
  },
  puppy: {
    find(s, h) {
      s.add(`It was raining, and ${h.called} found a little brown puppy shivering under a bench`);
      s.add(s.one(() => `The puppy was wet and cold, and it had no collar`, () => `The puppy looked hungry and lost, and it whimpered`));
    },
    kind(s, h, g) {
      say(s, h, s.pick([`You poor thing! Let's get you warm`, `Don't be scared, puppy. I will help you`]), s.pick(['said', 'whispered']));
      s.add(`${h.called} wrapped the puppy in ${his(h)} warm coat and carried it home`);
      s.add(s.one(
        () => `${g.called} gave the puppy a warm bath and a bowl of food, and they made signs to find its owner`,
        () => `${g.called} dried the puppy with a fluffy towel, and they put up signs all over town`,
      ));
    },
    unkind(s, h) {
      s.add(`${h.called} stomped ${his(h)} feet at the puppy`);
      say(s, h, s.pick([`Shoo! Go away, you dirty dog!`, `Stop following me!`]), 'shouted');
      s.add(`Then ${he(h)} ran home and left the puppy out in the rain`);
    },
    happy(s, h) {
      s.add(`The next day, the puppy's family came to the door with big smiles`);
      s.add(s.one(() => `The puppy licked ${h.called}'s face, and everyone cheered`, () => joy(s, [h])));
    },
    sad(s, h) {
      s.add(`But nobody came for the puppy, and it had to go and live at the animal shelter`);
      s.add(s.one(() => `${h.called} waved goodbye and cried all the way home`, () => sorrow(s, [h])));
    },
    aloneHappy(s) {
      s.add(`Soon a car stopped, and a family jumped out, calling the puppy's name`);
      s.add(`The puppy wagged its tail and licked their faces, so happy to be going home`);
    },
    aloneSad(s) {
      s.add(`The puppy stayed under the bench, cold and alone, all night long`);
      s.add(`The rain kept falling, and it was a sad, lonely night for the little puppy`);
    },
  },
};

/** A child who fell, by what they fell from. */
const RIDES: Record<string, { riding: string; fall: (k: Character) => string; the: string }> = {
  bike: { riding: 'riding a bike down the hill', fall: (k) => `the bike hit a bump, and ${he(k)} fell off with a crash`, the: 'the bike' },
  scooter: { riding: 'zooming along on a scooter', fall: (k) => `the scooter hit a rock, and ${he(k)} tumbled onto the hard path`, the: 'the scooter' },
  'roller skates': { riding: 'trying out new roller skates', fall: (k) => `the skates rolled too fast, and ${he(k)} fell down with a bump`, the: 'the roller skates' },
};

function fallStory(s: Story, hero: Character, g: Character): void {
  const kid = s.child();
  const ride = RIDES[s.traits.topic];
  const K = () => pr(kid, hero);
  s.add(s.one(
    () => `${kid.called}, a ${kid.sex === 'f' ? 'girl' : 'boy'} from ${his(hero)} class, was ${ride.riding}`,
    () => `${hero.called} saw ${kid.called} ${ride.riding}`,
  ));
  s.add(`Suddenly, ${ride.fall(kid)}`);
  s.add(s.one(
    () => `${kid.called} was on the ground with a scraped knee, and ${he(kid)} began to cry`,
    () => `${kid.called} sat up, holding ${his(kid)} sore elbow, with tears in ${his(kid)} eyes`,
  ));
  if (s.kind) {
    s.add(`${hero.called} ran over as fast as ${he(hero)} could`);
    say(s, hero, s.pick([`Are you okay? Let me help you up`, `Oh no! Does it hurt? I will help you`, `Here, hold my hand`]));
    s.add(s.one(
      () => `${hero.called} helped ${kid.called} up and carried ${ride.the} to the bench`,
      () => `${hero.called} gave ${kid.called} ${his(hero)} water bottle and a tissue for ${his(kid)} tears`,
    ));
    s.add(`Then ${g.called} came and put a bandage on the sore spot`);
  } else {
    s.add(s.one(() => `${hero.called} pointed at ${kid.called} and laughed`, () => `${hero.called} just stood and stared`));
    say(s, hero, s.pick([`Ha! You can't even ride!`, `That's what you get for showing off!`, `Ha, you fell down!`]), s.pick(['shouted', 'teased', 'said']));
    s.add(`Then ${hero.called} walked away and did not help ${him(kid)} at all`);
  }
  if (s.kind && s.happy) {
    s.add(`Soon ${kid.called} felt better and smiled a big smile`);
    s.add(s.one(() => `The next day, ${both(hero, kid)} played together in the park, and ${hero.called} had a new friend`, () => joy(s, [hero, kid])));
  } else if (s.kind) {
    s.add(`But ${ride.the} ${s.traits.topic === 'roller skates' ? 'were' : 'was'} broken, and it hurt too much to play`);
    s.add(sorrow(s, [hero, kid]));
  } else if (s.happy) {
    s.add(`${kid.called} wiped ${his(kid)} tears, got up and tried again`);
    s.add(`Soon ${K()} was laughing and zooming along in the sunshine, happy as can be`);
  } else {
    s.add(`${kid.called} limped home alone, with tears on ${his(kid)} face`);
    s.add(s.one(() => `${ride.the} ${s.traits.topic === 'roller skates' ? 'were' : 'was'} broken, and ${kid.called} felt sad and hurt`, () => sorrow(s, [kid])));
  }
}

export const helpingHand: Plot = {
  id: 'helping-hand',
  title: 'Helping someone in trouble',
  topics: [...Object.keys(ANIMALS), ...Object.keys(RIDES)],
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const g = s.family(hero);
    s.add(intro(s, hero, s.pick(['', ' who loved animals', ' who loved to play outside'])));
    s.add(s.one(
      () => `${s.pick(['One afternoon', 'One day', 'One windy day'])}, ${hero.called} was walking home from school`,
      () => `${dayTime(s)}, ${hero.called} was playing at the park`,
      () => `${dayTime(s)}, ${hero.called} was on the way to the shop`,
    ));
    const t = ANIMALS[s.traits.topic];
    if (!t) {
      fallStory(s, hero, g);
      return;
    }
    t.find(s, hero, g);
    (s.kind ? t.kind : t.unkind)(s, hero, g);
    if (s.kind) (s.happy ? t.happy : t.sad)(s, hero, g);
    else (s.happy ? t.aloneHappy : t.aloneSad)(s, hero, g);
  },
};
