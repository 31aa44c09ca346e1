// Plot shapes, group B (see plots/index.ts for the whole list).
import type { Plot } from '../plot';
import { accidentAndApology } from './accident-and-apology';
import { buildingSomething } from './building-something';
import { firstDayAtSchool } from './first-day-at-school';
import { gift } from './gift';
import { lessonLearnt } from './lesson-learnt';
import { lieAndTruth } from './lie-and-truth';
import { noiseInTheNight } from './noise-in-the-night';
import { rescue } from './rescue';
import { storm } from './storm';
import { visitingSomeoneSick } from './visiting-someone-sick';

export const GROUP_B: readonly Plot[] = [
  accidentAndApology, lieAndTruth, storm, rescue, gift, lessonLearnt, firstDayAtSchool, noiseInTheNight, buildingSomething,
  visitingSomeoneSick,
];
