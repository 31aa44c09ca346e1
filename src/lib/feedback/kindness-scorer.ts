// The "kind" labeler: how kindly the characters treat each other, read from the text alone, as a
// person who knows English would: kind acts (help, share, thank, comfort ...) against unkind ones
// (grab, mock, push, ignore ...). The lists are written from everyday English, not taken from the
// story world's templates, so the labeler also reads model samples and stories it never saw.
//   score = (kind − unkind) / √(words/50 + 1)          (length-normalise.ts)
// A negated kind act counts as unkind ("did not share", "never thanked", "no one helped"); a
// negated unkind act counts as nothing ("did not push" is not kind either).
import { compilePatterns, findActs, tokenize, type ActPattern } from './act-patterns';
import type { Scorer } from './labelers';
import { perLength, wordCount } from './length-normalise';
import { splitSentences } from './sentences';

/**
 * Someone's misfortune or fear in the sentence or the one before turns a plain laugh into laughing
 * at them ("Tom saw Mia crying and laughed").
 */
const MISFORTUNE = [
  'cry', 'cried', 'cries', 'crying', 'tears', 'sad', 'fell', 'fall', 'falls', 'fallen', 'hurt', 'lost', 'slipped', 'tripped', 'dropped',
  'upset', 'stuck', 'sobbing', 'sobbed', 'alone', 'scared', 'afraid', 'frightened', 'nervous', 'worried',
];
const hasMisfortune = (words: ReadonlySet<string>) => MISFORTUNE.some((w) => words.has(w));
const LAUGH = '(laugh*|giggle*|snicker*|chuckle*|smirk*)';

const REQUEST = ['for', 'need', 'needs', 'needed', 'ask', 'asks', 'asked', 'cry', 'cried', 'shout', 'shouted', 'call', 'called', 'yell', 'yelled', 'scream', 'screamed'];
const SELF = ['himself', 'herself', 'themselves', 'myself', 'yourself', 'itself'];
const BE = '(is|are|was|were|be|been|am|so|very|too|how|really|always|not|never)';
const TO_WHOM = '(me|him|her|them|us|you|everyone|everybody|each|his|their|my|your|our|the|a)';
const INSULTS = '(names|silly|stupid|dumb|baby|crybaby|loser|slowpoke|ugly|weird|useless|idiot|fool|annoying)';
const hasLaugh = (words: ReadonlySet<string>) => ['laughed', 'laughing', 'laughs', 'giggled', 'giggling', 'snickered'].some((w) => words.has(w));

export const KIND_ACTS: readonly ActPattern[] = [
  // Helping and giving.
  { pattern: 'help*', unlessBefore: REQUEST, unlessAfter: ['!', ...SELF] },
  { pattern: 'share*' }, { pattern: 'give*', unlessAfter: ['up', 'in'] }, { pattern: 'lend*' }, { pattern: 'offer*' },
  { pattern: 'protect*' }, { pattern: 'rescue*' }, { pattern: 'save*' }, { pattern: 'keep* ~2 safe' },
  { pattern: 'take* care of' }, { pattern: 'look* after' }, { pattern: 'care*' },
  { pattern: 'feed*', weight: 0.5 }, { pattern: 'fix*', weight: 0.5 }, { pattern: 'mend*', weight: 0.5 },
  { pattern: 'teach*', weight: 0.5 }, { pattern: 'show* ~2 how', weight: 0.5 }, { pattern: 'visit*', weight: 0.5 },
  { pattern: 'listen* to', weight: 0.5 }, { pattern: 'wait* for', weight: 0.5, unlessAfter: ['me', 'us'] }, // not "wait for me!"
  { pattern: '(is|are) yours' }, { pattern: 'for you', weight: 0.5 }, { pattern: 'hold* out', weight: 0.5 },
  // Thanks, apologies, forgiveness.
  { pattern: 'thank*' }, { pattern: 'forgive*' }, { pattern: 'apologize*' }, { pattern: 'apologise*' },
  { pattern: 'say* sorry' }, { pattern: "(i'm|we're) sorry" }, { pattern: '(i|we) (am|are) sorry' }, { pattern: 'feel* sorry for' },
  // Comfort and affection.
  { pattern: 'comfort*' }, { pattern: 'console*' }, { pattern: 'hug*', unlessBefore: ['all'] }, // not "gets all the hugs"
  { pattern: 'cuddle*' }, { pattern: 'kiss*' }, { pattern: 'pat* @who', weight: 0.5 }, { pattern: 'pat* ~2 (head|back|shoulder|arm)', weight: 0.5 },
  { pattern: 'stroke*', weight: 0.5 }, { pattern: 'gently', weight: 0.5 }, { pattern: 'wrap* @who', weight: 0.5 },
  { pattern: '(hold*|squeeze*|take*) ~2 (hand|hands)' }, { pattern: 'put* ~2 (arm|arms) around' },
  { pattern: 'wipe* ~2 (tears|eyes)' }, { pattern: 'dry* ~2 tears' },
  { pattern: '(stay*|walk*) with @who', weight: 0.5 }, { pattern: 'sit* (beside|with) @who', weight: 0.5 },
  // Comforting and encouraging words.
  { pattern: "don't worry" }, { pattern: 'do not worry' }, { pattern: "(don't|do) ~1 be (afraid|scared|sad|shy)" }, { pattern: "(don't|do) ~1 cry" },
  { pattern: "(it's|that's|it) (okay|ok|alright)" }, { pattern: "(it's|that's) all right" }, { pattern: 'poor thing', weight: 0.5 },
  { pattern: "(you're|we're) safe", weight: 0.5 }, { pattern: '(you|we) are safe', weight: 0.5 }, { pattern: "(i'm|am) ~1 here", weight: 0.5 },
  { pattern: '(i|we) (like|love) your' },
  { pattern: "(you|you're) ~2 (great|wonderful|amazing|brave|clever|smart|special|the best)" },
  { pattern: 'cheer* (up|on|for)' }, { pattern: 'smile* at' }, { pattern: 'wave* (at|to)', weight: 0.5 },
  { pattern: 'praise*' }, { pattern: '(well|good|great) (done|job)', weight: 0.5 },
  // Letting others in.
  { pattern: 'take* turns' }, { pattern: 'let* (him|her|them|you)', weight: 0.5 }, { pattern: 'let* @name', weight: 0.5 }, // not "let me do it!"
  { pattern: 'ask* @who to (sit|play|join|come)' }, { pattern: 'show* @who (where|around|the)', weight: 0.5 }, { pattern: 'invite*' }, { pattern: 'welcome*' }, { pattern: 'include*', weight: 0.5 },
  { pattern: 'play* with (us|me|him|her|them|you)', weight: 0.5 }, { pattern: 'together', weight: 0.5, unlessBefore: ['back'] }, // not "glued it back together"
  { pattern: '(be|is|are|was|were|been|become|became|make|made|stay|stayed) ~3 friends', weight: 0.5 },
  { pattern: '(good|kind|true|best) friend', weight: 0.5 },
  // Being called kind (not "a kind girl" in an introduction: that describes, it is no act).
  { pattern: `${BE} ^(kind|generous|helpful|friendly|polite|caring|thoughtful|gentle)` },
  { pattern: `(kind|nice|sweet|gentle|good|generous|friendly) to ${TO_WHOM}` }, { pattern: 'kind of you' }, { pattern: 'kindly' },
];

export const UNKIND_ACTS: readonly ActPattern[] = [
  // Taking and hurting.
  { pattern: 'grab*' }, { pattern: 'snatch*' }, { pattern: 'steal*' }, { pattern: 'take* (it|them|the|his|her|their|my|your|our) ~1 away' },
  { pattern: 'push* @who' }, { pattern: 'shove* @who' }, { pattern: 'stick* out ~2 tongue' }, { pattern: 'give* ~3 (push|shove|kick|punch|slap|pinch)' },
  { pattern: 'hit* @who' }, { pattern: 'kick* @who' }, { pattern: 'punch* @who' }, { pattern: 'slap* @who' },
  { pattern: 'pinch* @who' }, { pattern: 'bite* @who' }, { pattern: 'scratch* @who', weight: 0.5 }, { pattern: 'trip* @who' },
  { pattern: 'pull* ~2 (hair|tail|ears)' }, { pattern: 'knock* ~3 (over|down)', weight: 0.5 },
  { pattern: 'throw* ~3 at' }, { pattern: 'spit* at' }, { pattern: 'bully*' }, { pattern: 'threaten*' },
  // Words that hurt.
  { pattern: 'mock*' }, { pattern: 'tease*' }, { pattern: `${LAUGH} ~2 at` }, { pattern: 'look* (silly|stupid|dumb|ugly|weird)' },
  { pattern: "(that's|it's|that|it) ~3 (ugly|stupid|dumb)" }, { pattern: '(ruin*|spoil*) everything' }, { pattern: 'how (silly|stupid|dumb)', weight: 0.5 }, { pattern: 'stop being (silly|such|a|so)' }, { pattern: 'make* fun of' }, { pattern: 'insult*' },
  { pattern: `call* ~2 ${INSULTS}` }, { pattern: `(you|your|you're) ~2 (silly|stupid|dumb|crybaby|loser|slowpoke|ugly|weird|useless|idiot|fool|annoying)` },
  { pattern: 'point* at', when: hasLaugh }, { pattern: 'poke*', weight: 0.5 },
  { pattern: "(don't|didn't|doesn't) like (you|him|her|them|us)" }, { pattern: '(hate|hates|hated) (you|him|her|them|us)' },
  { pattern: 'sneer*' }, { pattern: 'scowl* at' }, { pattern: 'glare* at' }, { pattern: 'frown* at', weight: 0.5 }, { pattern: 'roll* ~2 eyes', weight: 0.5 },
  { pattern: 'shout* at' }, { pattern: 'yell* at' }, { pattern: 'scream* at' }, { pattern: 'snap* at' },
  { pattern: 'blame*' }, { pattern: 'cheat*' }, { pattern: '(crybaby|crybabies|scaredy)' }, { pattern: '(such|what) a (baby|crybaby)' }, { pattern: 'big baby', unlessAfter: ['brother', 'sister'] }, { pattern: '(ha|haha)', weight: 0.5 },
  { pattern: LAUGH, unlessBefore: ['almost', 'nearly'], unlessAfter: ['together', 'with'], when: hasMisfortune }, { pattern: 'shrug*', weight: 0.5, when: hasMisfortune },
  { pattern: 'slam*', weight: 0.5 }, { pattern: 'stomp*', weight: 0.5 }, { pattern: 'stamp* ~2 (foot|feet)', weight: 0.5 },
  // Shutting others out.
  { pattern: 'ignore*' }, { pattern: 'refuse*' }, { pattern: 'exclude*' }, { pattern: 'leave* @who (alone|behind|out)' }, { pattern: '(not|never) ~1 look* at', weight: 0.5 },
  { pattern: 'go away' }, { pattern: 'shut up' }, { pattern: '(find|get|do) ~1 yourself' }, { pattern: 'get your own' }, { pattern: "(don't|do) ~1 bother me" },
  { pattern: "(i'm|am) ~1 busy", weight: 0.5 }, { pattern: "(is|it's) ~1 mine", weight: 0.5 }, { pattern: 'your ~1 fault' }, { pattern: 'who cares' },
  { pattern: 'not my problem' }, { pattern: '(mind|none) ~1 your own business' }, { pattern: '(not|never) ~1 (my|your|our) (friend|friends)' },
  { pattern: 'walk* ~1 (away|off|past)', weight: 0.5 }, { pattern: 'walk* by', weight: 0.5, when: hasMisfortune }, { pattern: 'turn* away', weight: 0.5 }, { pattern: 'turn* (his|her|their) back', weight: 0.5 },
  { pattern: 'all alone', weight: 0.5 },
  // Being called unkind.
  { pattern: `(${BE.slice(1, -1)}|a) ^(mean|rude|unkind|cruel|nasty|selfish|greedy|bossy|horrible)` },
  { pattern: `(mean|rude|unkind|cruel|nasty|horrible) to ${TO_WHOM}` },
];

/** Look like acts and are none: they win over an act as long, so that their words count for nothing. */
export const NOT_ACTS: readonly ActPattern[] = [
  { pattern: 'share* ~1 (room|bedroom|house|home|flat|bed|desk)' }, { pattern: "(not|can't|couldn't|cannot) help (it|but|laughing|smiling|crying)" },
  { pattern: 'give* up' }, { pattern: 'kind of' }, { pattern: 'save* ~3 (money|coins|pennies|pocket|allowance)' },
];

interface Act extends ActPattern { sign: 1 | -1 | 0 }
const ACTS = compilePatterns<Act>([
  ...NOT_ACTS.map((p) => ({ ...p, sign: 0 as const })),
  ...KIND_ACTS.map((p) => ({ ...p, sign: 1 as const })), ...UNKIND_ACTS.map((p) => ({ ...p, sign: -1 as const })),
]);

export interface KindnessCount {
  kind: number;
  unkind: number;
  words: number;
  /** What was counted, for explaining a score: the act's words, its sign and weight. */
  acts: Array<{ text: string; kind: boolean; weight: number }>;
}

/** The kind and unkind acts of a text, negation applied. */
export function countKindness(text: string): KindnessCount {
  const out: KindnessCount = { kind: 0, unkind: 0, words: wordCount(text), acts: [] };
  let previous = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(sentence);
    const words = new Set(tokens.filter((t) => t.isWord).map((t) => t.text));
    const acts = findActs(ACTS, tokens, new Set([...previous, ...words]));
    previous = words;
    for (const a of acts) {
      const weight = a.pattern.weight ?? 1;
      const sign = a.pattern.sign;
      if (sign === 0) continue;
      const matched = tokens.slice(a.start, a.end).map((t) => t.text).join(' ');
      if (a.negatedBy < 0) {
        out[sign > 0 ? 'kind' : 'unkind'] += weight;
        out.acts.push({ text: matched, kind: sign > 0, weight });
        continue;
      }
      if (sign < 0) continue; // "did not push": not unkind, and no kindness either
      // "refused to share" is one unkind act, already counted as the refusal.
      if (acts.some((b) => b.pattern.sign < 0 && b.negatedBy < 0 && b.start <= a.negatedBy && a.negatedBy < b.end)) continue;
      out.unkind += weight;
      out.acts.push({ text: `${tokens[a.negatedBy].text} … ${matched}`, kind: false, weight });
    }
  }
  return out;
}

/** Kind acts minus unkind ones, normalised for length. */
export const kindnessScorer: Scorer = {
  name: 'kindness',
  score: (text) => {
    const c = countKindness(text);
    return perLength(c.kind - c.unkind, c.words);
  },
};
