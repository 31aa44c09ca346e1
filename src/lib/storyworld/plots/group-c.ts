// Plot shapes, group C (see plots/index.ts for the whole list).
import type { Plot } from '../plot';
import { lostOnTheWayHome } from './lost-on-the-way-home';
import { newBaby } from './new-baby';
import { brokenToy } from './broken-toy';
import { treasureHunt } from './treasure-hunt';
import { rainyDayInside } from './rainy-day-inside';
import { surpriseForSomeone } from './surprise-for-someone';
import { talentShow } from './talent-show';
import { petCare } from './pet-care';
import { playingFair } from './playing-fair';
import { animalAdventure } from './animal-adventure';

export const GROUP_C: readonly Plot[] = [lostOnTheWayHome, newBaby, brokenToy, treasureHunt, rainyDayInside, surpriseForSomeone, talentShow, petCare, playingFair, animalAdventure];
