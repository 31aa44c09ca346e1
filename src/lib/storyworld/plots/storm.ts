// A storm: thunder, wind, rain, hail or snow comes in the night or the afternoon, and something must
// be done (a pet is outside, the lights go out, a little one cries, a window bangs open). Brave: the
// hero faces it; fearful: hides or runs. Kind: comfort and sharing; unkind: teasing and shouting.
// Happy: the storm passes and all is well; sad: the storm leaves something broken or someone hurt.
import { he, him, his, himself } from '../cast';
import type { Plot } from '../plot';
import { addLines, opener, refs, sibling } from './words-b';

interface Storm {
  /** How it starts. */
  comes: readonly string[];
  /** How it gets loud and close. */
  loud: readonly string[];
  /** How it ends. */
  ends: readonly string[];
  cold: boolean;
}
const STORMS: Record<string, Storm> = {
  thunder: {
    comes: ['Far away, the thunder began to rumble', 'Thunder grumbled over the hills'],
    loud: ['Boom! The thunder crashed right over the house', 'The thunder was so loud that the windows shook', 'Crash! The thunder rolled over the roof'],
    ends: ['The thunder rolled away over the hills', 'The thunder grew quiet, then it stopped'],
    cold: false,
  },
  lightning: {
    comes: ['A flash of lightning lit up the sky', 'Lightning flickered behind the clouds'],
    loud: ['The lightning flashed again, as bright as day', 'Flash! The lightning made the whole room white', 'The lightning zigzagged across the sky'],
    ends: ['The lightning stopped flashing', 'The last flash of lightning faded far away'],
    cold: false,
  },
  wind: {
    comes: ['The wind began to blow hard', 'The wind started to whistle in the chimney'],
    loud: ['Whoosh! The wind howled around the house', 'The wind rattled the windows and bent the trees', 'The wind roared like a giant blowing out candles'],
    ends: ['The wind grew soft and quiet', 'The wind stopped howling and became a gentle breeze'],
    cold: false,
  },
  rain: {
    comes: ['Big drops of rain began to fall', 'The rain began, pitter-patter on the roof'],
    loud: ['The rain drummed on the roof like a hundred drums', 'Rain poured down the windows in rivers', 'The rain came down so hard that the yard became a lake'],
    ends: ['The rain slowed to a drip, drip, drip', 'The rain stopped, and the puddles shone'],
    cold: false,
  },
  hail: {
    comes: ['Little lumps of ice began to fall from the sky', 'Hail began to tap on the windows'],
    loud: ['The hail bounced on the roof, ping, ping, ping', 'Hail rattled on the windows like tiny stones', 'The hail covered the grass like white marbles'],
    ends: ['The hail stopped, and the ice melted away', 'The hail stopped as fast as it had started'],
    cold: false,
  },
  snowstorm: {
    comes: ['Snow began to swirl past the window', 'The wind picked up, and thick snow began to fall'],
    loud: ['The snowstorm howled, and snow piled up against the door', 'The snowstorm blew so hard that the trees bent low', 'The snowstorm turned the whole world white and wild'],
    ends: ['The snowstorm blew itself out', 'The snowstorm stopped, and everything was soft and still'],
    cold: true,
  },
};

export const storm: Plot = {
  id: 'storm',
  title: 'A storm',
  topics: Object.keys(STORMS),
  hasFear: true,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const st = STORMS[topic];
    const hero = s.child();
    const little = s.child();
    const grown = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa']));
    const pet = s.animal(s.pick(['dog', 'cat', 'rabbit', 'puppy']));
    const P = refs([hero, little, grown, pet]);
    const H = hero.called;
    const L = little.called;
    const G = grown.called;
    const petHome = pet.species === 'rabbit' ? 'the hutch in the yard' : 'the yard';
    const opening = s.pick(['door', 'window']);

    s.add(opener(s, hero, s.pick(['', ' who had a red raincoat', ' who loved to splash in puddles', ' who liked to watch the clouds'])));
    s.add(s.one(
      () => `${H} lived with ${G}, ${his(hero)} little ${sibling(little)} ${little.name} and a ${pet.species} named ${pet.name}`,
      () => `${H}, ${G} and little ${little.name} shared a cozy house with their ${pet.species}, ${pet.name}`,
      () => `${little.name} was ${whose(H)} little ${sibling(little)}, and ${pet.name} was their ${pet.species}`,
    ));
    s.add(s.one(
      () => `${s.pick(st.cold ? ['One winter evening', 'One cold afternoon', 'One gray winter morning'] : ['One evening', 'One summer afternoon', 'One afternoon', 'One hot, sticky evening'])}, the sky turned ${s.pick(['gray', 'dark gray', 'almost black', 'a strange green'])}`,
      () => `${s.pick(st.cold ? ['One winter evening', 'One cold afternoon'] : ['One evening', 'One afternoon', 'One summer night'])}, big dark clouds rolled over the ${s.pick(['hills', 'town', 'trees', 'fields'])}`,
    ));
    if (s.chance(0.5)) s.add(s.pick(st.comes));
    addLines(s, s.pick(st.loud));
    s.add(s.one(
      () => `${H} was scared of the ${topic}`,
      () => `${whose(H)} knees shook, because ${he(hero)} did not like the ${topic} one bit`,
      () => `${H} pulled ${his(hero)} blanket up to ${his(hero)} nose, because the ${topic} was so loud`,
    ));

    // What the storm asks of the hero.
    const event = s.pick(['pet', 'dark', 'little', 'window'] as const);
    if (event === 'pet') s.add(`Then ${H} saw that ${pet.name} was still outside in ${petHome}, ${s.pick(['shivering', 'crying', 'hiding under a bush'])}`);
    else if (event === 'dark') s.add(s.one(() => `Then all the lights went out`, () => `Suddenly, the lights flickered and went out, and the house was dark`));
    else if (event === 'little') s.add(`${L} ${s.pick(['began to cry', 'hid under the table and cried', 'ran in, sobbing'])}, because ${he(little)} was scared of the ${topic} too`);
    else if (opening === 'door') addLines(s, s.one(() => `Bang! The back door blew open, and cold ${st.cold ? 'snow' : 'wind and rain'} rushed in`, () => `Then the back door flew open and began to bang`));
    else addLines(s, s.one(() => `Bang! A window in the kitchen blew open, and cold ${st.cold ? 'snow' : 'rain'} blew in`, () => `Then a window in the kitchen flew open and began to bang`));

    // Kindness: how the others treat the scared one (or how the hero treats the little one).
    if (s.kind) {
      const helper = event === 'little' || s.chance(0.5) ? grown : little;
      s.add(helper === grown
        ? s.one(
            () => `${G} sat down next to ${H} and held ${his(hero)} hand`,
            () => `${G} gave ${H} a big warm hug`,
            () => `${G} wrapped ${H} in a soft, fluffy blanket`,
          )
        : s.one(
            () => `${L} came close and shared ${his(little)} blanket with ${H}`,
            () => `${L} held ${whose(H)} hand tight`,
          ));
      s.say(helper, s.pick([`It's all right. We are together`, `Don't worry, I'm right here with you`, `The storm can't get inside. We are safe`, `I'm a bit scared too. Let's be scared together`]));
    } else {
      const who = s.pick(event === 'little' ? ['hero', 'grown'] as const : ['little', 'grown'] as const);
      if (who === 'little') {
        s.add(`${L} laughed at ${H} and called ${him(hero)} a scaredy-cat`);
        s.say(little, s.pick([`Scaredy-cat! Scaredy-cat!`, `Ha, ha! You're scared of a little ${topic}!`]), 'laughed');
      } else if (who === 'grown') {
        s.add(`${G} was grumpy and did not look up from ${his(grown)} newspaper`);
        s.say(grown, s.pick([`Stop being such a baby`, `Go away and be quiet!`, `Don't bother me now`]), 'snapped');
      } else {
        s.add(`${H} shouted at ${L} to stop making so much noise`);
        s.say(hero, s.pick([`Stop crying, you big baby!`, `Be quiet! You're so annoying!`]), 'shouted');
      }
    }

    // Bravery: facing it or hiding from it.
    if (s.brave) {
      s.add(s.one(() => `${H} took a deep breath`, () => `${H} counted to three and stood up`, () => `${H} was still scared, but ${he(hero)} made ${himself(hero)} be brave`));
      s.add(event === 'pet'
        ? s.one(
            () => `${P.he(hero)} put on ${his(hero)} ${st.cold ? 'warm coat and boots' : 'raincoat and boots'}, ran out into the storm, and carried ${pet.name} inside`,
            () => `${P.he(hero)} opened the door, called ${pet.name}, and ran out to bring ${P.him(pet)} in`,
          )
        : event === 'dark'
          ? s.one(
              () => `${P.he(hero)} felt ${his(hero)} way to the kitchen drawer and found the flashlight`,
              () => `${P.he(hero)} found the flashlight and shone it all around the room, so everyone could see`,
            )
          : event === 'little'
            ? s.one(
                () => `${P.he(hero)} sat next to ${L} and sang ${him(little)} a soft song`,
                () => topic === 'thunder' || topic === 'lightning'
                  ? `${P.he(hero)} showed ${L} how to count between the flash and the boom, one, two, three`
                  : `${P.he(hero)} made a cozy tent of blankets and told ${L} a funny story`,
              )
            : s.one(
                () => `${P.he(hero)} ran to the ${opening}, pushed it shut, and turned the lock`,
                () => `${P.he(hero)} pushed with all ${his(hero)} might and closed it tight`,
              ));
    } else {
      s.add(s.one(
        () => `${H} ran to ${his(hero)} room and hid under the bed`,
        () => `${H} hid in the closet and covered ${his(hero)} ears`,
        () => `${H} screamed and pulled the blanket over ${his(hero)} head`,
      ));
      s.add(event === 'pet'
        ? `${P.he(hero)} would not go outside, not even for ${pet.name}`
        : event === 'dark'
          ? `${P.he(hero)} stayed in the dark and would not move`
          : event === 'little'
            ? `${P.he(hero)} did not come out, not even when ${L} called ${his(hero)} name`
            : `${P.he(hero)} would not go near the banging ${opening}`);
    }

    // The ending.
    if (s.happy) {
      s.add(s.pick(st.ends));
      s.add(s.one(
        () => `${st.cold ? 'In the morning, the snow sparkled in the sun' : 'Soon the sun came out, and a rainbow shone over the town'}, and everyone was safe and happy`,
        () => `${pet.name} curled up by the fire, and the whole family ${s.kind ? 'laughed and hugged' : 'smiled'} together`,
        () => `${G} made hot cocoa for everyone, and it was a cozy, happy night after all`,
      ));
    } else {
      s.add(s.one(
        () => `The ${topic} went on all night, and nobody could sleep`,
        () => `In the morning, the big old apple tree in the yard had fallen down`,
        () => `When the storm was over, ${whose(H)} ${s.pick(['swing', 'little garden', 'tree house'])} was broken and ruined`,
        () => event === 'pet' ? `${pet.name} was wet, cold and shivering for days` : event === 'dark' ? `The lights stayed off all night, and the house was cold and dark` : `The storm knocked down the fence, and the garden was ruined`,
      ));
      s.add(s.one(
        () => `${H} cried, and it was a sad and gloomy day`,
        () => `Everyone was tired, cold and unhappy`,
        () => `${H} felt sad and miserable for a long time`,
      ));
    }
  },
};

const whose = (called: string): string => `${called}'s`;
