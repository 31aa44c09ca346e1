// Every plot shape the story world can write, in one list.
import type { Plot } from '../plot';
import { GROUP_A } from './group-a';
import { GROUP_B } from './group-b';
import { GROUP_C } from './group-c';
import { lostAndFound } from './lost-and-found';

export const PLOTS: readonly Plot[] = [lostAndFound, ...GROUP_A, ...GROUP_B, ...GROUP_C];
