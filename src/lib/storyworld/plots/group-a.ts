// Plot shapes, group A (see plots/index.ts for the whole list).
import type { Plot } from '../plot';
import { bakingDay } from './baking-day';
import { bigRace } from './big-race';
import { birthdayParty } from './birthday-party';
import { facingAFear } from './facing-a-fear';
import { familyTrip } from './family-trip';
import { helpingHand } from './helping-hand';
import { newFriend } from './new-friend';
import { picnicDay } from './picnic-day';
import { plantingSeeds } from './planting-seeds';
import { sharing } from './sharing';

export const GROUP_A: readonly Plot[] = [sharing, newFriend, facingAFear, helpingHand, bigRace, familyTrip, birthdayParty, bakingDay, plantingSeeds, picnicDay];
