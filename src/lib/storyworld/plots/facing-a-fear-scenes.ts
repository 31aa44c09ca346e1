// The fears of the facing-a-fear plot, each a set of scenes: how the fear shows, how the other
// child answers (kind or unkind), how the hero acts (brave or fearful) and how it ends.
import { he, him, his, type Character } from '../cast';
import type { Story } from '../story';
import { dayTime, joy, say, sorrow, sub } from './words-a';

type Scene = (s: Story, h: Character, f: Character, x: Character | null) => void;

export interface Fear {
  /** What the child is afraid of, as said in "afraid of ...". */
  noun: string;
  /** Happens at night at home, so the other child is a brother or sister who shares the room. */
  atHome: boolean;
  setup: Scene;
  kind: Scene;
  unkind: Scene;
  brave: Scene;
  fearful: Scene;
  braveHappy: Scene;
  braveSad: Scene;
  fearfulHappy: Scene;
  fearfulSad: Scene;
}

export const FEARS: Record<string, Fear> = {
  dark: {
    noun: 'the dark',
    atHome: true,
    setup(s, h, f) {
      s.add(s.one(
        () => `That night, ${h.called}'s mom turned off the light and said good night`,
        () => `One night, the little lamp by ${h.called}'s bed went out with a click`,
      ));
      s.add(s.one(
        () => `The room was very dark, and ${h.called} saw a big black shape in the corner`,
        () => `Something in the dark corner went creak, and a tall shadow moved on the wall`,
      ));
      say(s, h, s.pick([`Is that a monster?`, `I don't like the dark!`, `What is that?`]), 'whispered');
    },
    kind(s, h, f) {
      s.add(s.one(() => `${f.called} climbed out of bed and held ${h.called}'s hand`, () => `${f.called} sat on the edge of the bed and gave ${h.called} a warm hug`));
      say(s, f, s.pick([`Don't be scared. I'm right here`, `It's okay. Here, take my flashlight`, `I will stay with you. We can look together`]));
    },
    unkind(s, h, f) {
      s.add(s.one(() => `${f.called} laughed and made a spooky sound in the dark`, () => `${f.called} pulled the blanket over ${his(f)} own head and laughed`));
      say(s, f, s.pick([`Scaredy cat! The monster will get you!`, `Stop being such a baby and go to sleep!`, `Ha! You are scared of nothing!`]), s.pick(['said', 'snapped']));
    },
    brave(s, h, f) {
      s.add(s.one(
        () => `${h.called} took a deep breath, switched on ${his(h)} flashlight and shone it at the corner`,
        () => `${sub(s, h, f)} was scared, but ${he(h)} got out of bed and tiptoed over to look`,
      ));
    },
    fearful(s, h, f) {
      s.add(s.one(
        () => `${h.called} pulled the blanket over ${his(h)} head and shook`,
        () => `${sub(s, h, f)} hid under the covers and did not dare to look`,
      ));
    },
    braveHappy(s, h, f) {
      s.add(s.one(() => `It was only ${his(h)} coat hanging on a hook!`, () => `It was just ${his(h)} big teddy bear sitting on the chair!`));
      s.add(s.one(() => `${sub(s, h)} giggled, snuggled down and fell fast asleep, proud and happy`, () => joy(s, [h])));
    },
    braveSad(s, h, f) {
      s.add(`But on the way, ${h.called} tripped over a toy truck and bumped ${his(h)} knee hard`);
      s.add(s.one(() => `It hurt a lot, and ${h.called} cried and cried`, () => sorrow(s, [h])));
    },
    fearfulHappy(s, h, f) {
      s.add(`At last the sun came up, and the room was bright and warm`);
      s.add(s.one(
        () => `${h.called} saw that the scary shape was only ${his(h)} coat, and ${he(h)} laughed and laughed`,
        () => `${sub(s, h, f)} jumped out of bed, happy to see the sunshine`,
      ));
    },
    fearfulSad(s, h, f) {
      s.add(`${sub(s, h, f)} stayed awake all night, too scared to sleep`);
      s.add(s.one(() => `In the morning, ${he(h)} was tired, grumpy and sad`, () => sorrow(s, [h])));
    },
  },
  thunder: {
    noun: 'thunder',
    atHome: true,
    setup(s, h, f) {
      s.add(s.one(() => `One night, a big storm came`, () => `That night, rain beat hard on the windows`));
      s.add(s.one(
        () => `The sky lit up, and the thunder boomed so loud that the windows shook`,
        () => `Lightning flashed, and the thunder went crash and rumble`,
      ));
      say(s, h, s.pick([`I'm scared of the storm!`, `Make it stop!`, `Is the house going to fall down?`]), s.pick(['cried', 'said']));
    },
    kind(s, h, f) {
      s.add(s.one(() => `${f.called} came and sat with ${h.called} on the bed`, () => `${f.called} wrapped a warm blanket around ${h.called} and hugged ${him(h)} tight`));
      say(s, f, s.pick([`Thunder is just a big noise. It can't hurt you`, `Let's count between the flash and the boom`, `Don't worry, we are safe and dry in here`]));
    },
    unkind(s, h, f) {
      s.add(s.one(() => `${f.called} ignored ${h.called} and rolled over`, () => `${f.called} sat up and laughed`));
      say(s, f, s.pick([`You are scared of a little noise? What a baby!`, `Be quiet! I'm trying to sleep!`, `Ha! The storm is coming to get you!`]), s.pick(['said', 'snapped']));
    },
    brave(s, h, f) {
      s.add(s.one(
        () => `${h.called} took a deep breath, went to the window and watched the storm`,
        () => `${h.called} counted slowly, one, two, three, until the next boom came`,
      ));
    },
    fearful(s, h, f) {
      s.add(s.one(
        () => `${h.called} ran and hid in the closet with ${his(h)} hands over ${his(h)} ears`,
        () => `${sub(s, h, f)} crawled under the bed and curled up in a little ball`,
      ));
    },
    braveHappy(s, h, f) {
      s.add(`The flashes were bright and beautiful, like fireworks in the sky`);
      s.add(s.one(() => `Soon the storm rolled away, and ${h.called} fell asleep, proud and happy`, () => joy(s, [h])));
    },
    braveSad(s, h, f) {
      s.add(`Then the wind blew so hard that the old tree in the yard fell down, right on top of the swing`);
      s.add(s.one(() => `In the morning, ${h.called} saw the broken swing and cried`, () => sorrow(s, [h])));
    },
    fearfulHappy(s, h, f) {
      s.add(`By morning, the storm was gone, and a bright rainbow shone over the garden`);
      s.add(s.one(() => `${h.called} ran outside and splashed in the puddles, laughing with joy`, () => joy(s, [h])));
    },
    fearfulSad(s, h, f) {
      s.add(`${sub(s, h, f)} stayed there all night and did not sleep a wink`);
      s.add(s.one(() => `In the morning, ${he(h)} felt tired and sad and grumpy`, () => sorrow(s, [h])));
    },
  },
  dog: {
    noun: 'big dogs',
    atHome: false,
    setup(s, h, f, dog) {
      const d = dog!;
      s.add(`${dayTime(s)}, ${h.called} and ${f.called} walked to the park`);
      s.add(s.one(
        () => `On the way, they passed ${d.called}, the big dog next door, standing by the gate`,
        () => `At the corner, they met ${d.called}, a big black dog as tall as a pony`,
      ));
      s.add(s.one(() => `${d.called} barked a deep, loud bark`, () => `${d.called} jumped up and barked, showing ${his(d)} big white teeth`));
      say(s, h, s.pick([`I'm scared of that dog!`, `Let's go back home!`, `What if that dog bites me?`]), s.pick(['cried', 'whispered']));
    },
    kind(s, h, f, dog) {
      s.add(s.one(() => `${f.called} took ${h.called}'s hand and held it tight`, () => `${f.called} put an arm around ${h.called}`));
      say(s, f, s.pick([`Don't worry. ${dog!.name} is friendly. Let's say hello together`, `It's okay. I'm right next to you`, `Big dogs bark to say hello. Let's walk slowly`]));
    },
    unkind(s, h, f) {
      s.add(s.one(() => `${f.called} pointed at ${h.called} and laughed`, () => `${f.called} ran ahead and left ${h.called} behind`));
      say(s, f, s.pick([`You're scared of a dog? What a baby!`, `Scaredy cat! Scaredy cat!`, `Ha! The dog is going to eat you!`]), s.pick(['shouted', 'called']));
    },
    brave(s, h, f, dog) {
      s.add(s.one(
        () => `${h.called} took a deep breath and slowly held out ${his(h)} hand for ${dog!.called} to sniff`,
        () => `${h.called}'s legs shook, but ${he(h)} walked right up to the gate with ${his(h)} head held high`,
      ));
    },
    fearful(s, h, f, dog) {
      s.add(s.one(
        () => `${h.called} screamed and ran all the way back home`,
        () => `${sub(s, h, f, dog!)} hid behind a tree and would not come out`,
      ));
    },
    braveHappy(s, h, f, dog) {
      s.add(s.one(
        () => `${dog!.called} sniffed ${h.called}'s hand and licked it with a big, wet tongue`,
        () => `${dog!.called} wagged ${his(dog!)} tail and rolled over for a tummy rub`,
      ));
      s.add(s.one(() => `${h.called} giggled, because ${dog!.called} was just a big, friendly dog after all`, () => joy(s, [h])));
    },
    braveSad(s, h, f, dog) {
      s.add(`But ${dog!.called} jumped up to say hello and knocked ${h.called} into a muddy puddle`);
      s.add(s.one(() => `${h.called}'s new clothes were wet and dirty, and ${he(h)} cried all the way home`, () => sorrow(s, [h])));
    },
    fearfulHappy(s, h, f, dog) {
      s.add(`Later, from ${his(h)} window, ${h.called} saw ${dog!.called} playing gently with a tiny kitten`);
      s.add(s.one(() => `${h.called} smiled, because maybe big dogs were not so scary after all`, () => joy(s, [h])));
    },
    fearfulSad(s, h, f) {
      s.add(`${h.called} never got to the park that day`);
      s.add(s.one(() => `${sub(s, h)} sat alone on the steps and cried`, () => sorrow(s, [h])));
    },
  },
  slide: {
    noun: 'the tall slide at the park',
    atHome: false,
    setup(s, h, f) {
      s.add(`${dayTime(s)}, ${h.called} and ${f.called} went to the playground`);
      s.add(s.one(() => `There was a new slide there, as tall as a house`, () => `The big red slide looked taller than ever`));
      s.add(`${h.called} climbed up the ladder, step by step, and looked down`);
      say(s, h, s.pick([`It's too high!`, `I can't do it!`, `What if I fall?`]), s.pick(['cried', 'said']));
    },
    kind(s, h, f) {
      s.add(s.one(() => `${f.called} waited at the bottom and cheered ${him(h)} on`, () => `${f.called} climbed up next to ${h.called} and held ${his(h)} hand`));
      say(s, f, s.pick([`You can do it! I will catch you at the bottom`, `Hold on tight, and it will be fun!`, `It's okay to be scared. Take your time`]));
    },
    unkind(s, h, f) {
      s.add(s.one(() => `${f.called} stood at the bottom and laughed`, () => `${f.called} shook the ladder and giggled`));
      say(s, f, s.pick([`Hurry up, slowpoke!`, `Ha! You are too scared!`, `Little babies can't go on the big slide!`]), s.pick(['shouted', 'yelled']));
    },
    brave(s, h, f) {
      s.add(s.one(
        () => `${h.called} sat down, held on tight and let go`,
        () => `${h.called} closed ${his(h)} eyes, counted to three and pushed off`,
      ));
    },
    fearful(s, h, f) {
      s.add(s.one(
        () => `${h.called} climbed back down the ladder, one shaky step at a time`,
        () => `${sub(s, h, f)} froze at the top, and then ${he(h)} climbed all the way back down`,
      ));
    },
    braveHappy(s, h, f) {
      s.add(s.one(() => `${h.called} zoomed all the way down and landed softly in the sand`, () => `Whee! Down ${he(h)} went, faster and faster, into the soft sand`));
      s.add(s.one(() => `${sub(s, h)} laughed and ran back to the ladder to go again`, () => joy(s, [h])));
    },
    braveSad(s, h, f) {
      s.add(`${h.called} went down so fast that ${he(h)} flew off the end and scraped ${his(h)} knee on the ground`);
      s.add(s.one(() => `${his(h) === 'her' ? 'Her' : 'His'} knee hurt, and ${h.called} cried and cried`, () => sorrow(s, [h])));
    },
    fearfulHappy(s, h, f) {
      s.add(`Then ${h.called} found the little green slide and went down it ten times`);
      s.add(s.one(() => `${sub(s, h)} laughed and played happily in the sun all afternoon`, () => joy(s, [h])));
    },
    fearfulSad(s, h, f) {
      s.add(`${h.called} sat on a bench and watched the other kids go down the big slide`);
      s.add(s.one(() => `${sub(s, h)} felt left out and very sad`, () => sorrow(s, [h])));
    },
  },
  spider: {
    noun: 'spiders',
    atHome: true,
    setup(s, h, f) {
      s.add(`${dayTime(s)}, ${h.called} found a big, hairy spider ${s.pick(['in the bathtub', 'on the wall next to the bed', 'inside a rain boot'])}`);
      s.add(s.one(() => `It had eight long legs, and it was moving`, () => `The spider was black and fuzzy, and it wiggled its long legs`));
      say(s, h, s.pick([`Eek! A spider!`, `Help! Get it away!`, `It's going to crawl on me!`]), s.pick(['screamed', 'cried']));
    },
    kind(s, h, f) {
      s.add(s.one(() => `${f.called} came running and held ${h.called}'s hand`, () => `${f.called} came and stayed with ${h.called}`));
      say(s, f, s.pick([`It's okay. The spider is more scared of you`, `Here is a cup and a piece of paper. We can do it together`, `Spiders help us. They eat the flies`]));
    },
    unkind(s, h, f) {
      s.add(s.one(() => `${f.called} came in, saw the spider and laughed`, () => `${f.called} pointed at the spider and made a scary face`));
      say(s, f, s.pick([`It's going to jump on you!`, `Ha! You are scared of a tiny bug!`, `Scaredy cat! I'm not helping you!`]), s.pick(['said', 'teased']));
    },
    brave(s, h, f) {
      s.add(`${h.called} took a deep breath, put a cup over the spider and slid a piece of paper under it`);
    },
    fearful(s, h, f) {
      s.add(s.one(
        () => `${h.called} ran out of the room and would not go back in`,
        () => `${sub(s, h, f)} jumped up on a chair and screamed and screamed`,
      ));
    },
    braveHappy(s, h, f) {
      s.add(`${sub(s, h)} carried the spider outside and let it go in the garden`);
      s.add(s.one(() => `The spider ran off into the grass, and ${h.called} felt so proud and happy`, () => joy(s, [h])));
    },
    braveSad(s, h, f) {
      s.add(`But the spider crawled up the side of the cup, and ${h.called} dropped it, and the cup broke into pieces on the floor`);
      s.add(s.one(() => `The broken cup was Grandma's, and ${h.called} cried and cried`, () => sorrow(s, [h])));
    },
    fearfulHappy(s, h, f) {
      s.add(`Later, the spider crawled out through the open window all by itself`);
      s.add(s.one(() => `${h.called} smiled and laughed, happy that it was gone`, () => joy(s, [h])));
    },
    fearfulSad(s, h, f) {
      s.add(`${h.called} stayed out of that room all day, scared and unhappy`);
      s.add(s.one(() => `${h.called} felt scared and sad, and ${he(h)} could not play with any of ${his(h)} toys`, () => sorrow(s, [h])));
    },
  },
};

